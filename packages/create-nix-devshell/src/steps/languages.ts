/**
 * Step 1: which languages. Named on the command line, or detected in the
 * project and confirmed at a prompt (or taken as is with --yes / no TTY).
 * Then each gets its version: a version flag, else the project's hint, else
 * the preset's default.
 */
import {
  closest,
  type DetectedPreset,
  detectProject,
  findPreset,
  NixhomeError,
  type Preset,
  type PresetChoice,
  presetHints,
  resolveVersion,
} from "@nixhome/core";
import { type Context, versionFlags } from "../context.js";
import type { Prompts } from "./prompts.js";

export interface Chosen {
  choices: PresetChoice[];
  /** How each language was chosen, for the summary: "python (pyproject.toml)". */
  reasons: Record<string, string>;
  /** Things to tell the user (detection notes). */
  notes: string[];
}

const HOW_TO_CHOOSE =
  "name the languages: create-nix-devshell <language>… (e.g. create-nix-devshell python node); " +
  "create-nix-devshell --list shows them all";

function lookup(word: string, list: readonly Preset[]): Preset {
  const preset = findPreset(word, list);
  if (preset) return preset;
  // Suggest preset ids, also when the closest word is an alias ("pyhton" → python).
  const owner = new Map<string, string>();
  for (const p of list) for (const w of [p.id, ...p.aliases]) owner.set(w, p.id);
  const near = [...new Set(closest(word, [...owner.keys()], 6).map((w) => owner.get(w)))];
  throw new NixhomeError(
    `unknown language ${JSON.stringify(word)}${
      near.length
        ? `; did you mean ${near.slice(0, 3).join(", ")}?`
        : "; create-nix-devshell --list shows them all"
    }`,
    2,
  );
}

/** Presets named by version flags but not chosen otherwise (`--go 1.27` alone means Go). */
function impliedByFlags(ctx: Context, chosen: readonly Preset[]): Preset[] {
  const flags = versionFlags(ctx.presets);
  const extra: Preset[] = [];
  for (const flag of Object.keys(ctx.versions)) {
    const owners = flags.get(flag) ?? [];
    if (owners.some((p) => chosen.includes(p) || extra.includes(p))) continue;
    if (owners.length === 1) extra.push(owners[0] as Preset);
    else
      throw new NixhomeError(
        `--${flag} is the version of ${owners.map((p) => p.id).join(" and ")}; name the language too`,
        2,
      );
  }
  return extra;
}

async function confirmDetected(
  ctx: Context,
  prompts: Prompts,
  detected: readonly DetectedPreset[],
  suggestions: ReadonlyArray<{ id: string; reason: string }> = [],
): Promise<string[]> {
  const first = new Set([...detected.map((d) => d.id), ...suggestions.map((s) => s.id)]);
  const ordered = [
    ...detected.map((d) => ctx.presets.find((p) => p.id === d.id) as Preset),
    ...suggestions.flatMap((s) => ctx.presets.filter((p) => p.id === s.id)),
    ...ctx.presets.filter((p) => !first.has(p.id)),
  ];
  const answer = await prompts.chooseLanguages({
    message: detected.length
      ? "Languages of this dev shell (detected ones are selected)"
      : "No language detected. Which languages should the dev shell have?",
    options: ordered.map((p) => {
      const d = detected.find((x) => x.id === p.id);
      return {
        value: p.id,
        label: p.name,
        hint: d
          ? `detected: ${d.reason}`
          : (suggestions.find((x) => x.id === p.id)?.reason ?? p.description),
      };
    }),
    initialValues: detected.map((d) => d.id),
  });
  if (answer === null) throw new NixhomeError("cancelled; nothing was written", 130);
  return answer;
}

/** A preset's choice from what the project says about it (pin, tool, folders, toolchain). */
function fromProject(
  preset: Preset,
  d: Pick<DetectedPreset, "version" | "tool" | "dirs" | "toolchainFile" | "setVersion"> | undefined,
): PresetChoice {
  return {
    preset,
    ...(d?.version !== undefined ? { version: d.version } : {}),
    ...(d?.tool !== undefined ? { tool: d.tool } : {}),
    ...(d?.dirs?.length ? { dirs: d.dirs } : {}),
    ...(d?.toolchainFile !== undefined ? { toolchainFile: d.toolchainFile } : {}),
    ...(d?.setVersion !== undefined ? { setVersion: d.setVersion } : {}),
  };
}

export async function chooseLanguages(ctx: Context, prompts: Prompts): Promise<Chosen> {
  const reasons: Record<string, string> = {};
  const notes: string[] = [];
  let chosen: Preset[] = [];
  for (const word of ctx.languages) {
    const p = lookup(word, ctx.presets);
    if (!chosen.includes(p)) chosen.push(p);
  }
  // Detection runs either way: a named language keeps the project's pin, folder and tool.
  const detection = detectProject(ctx.dir, { presets: ctx.presets });
  const byId = new Map(detection.presets.map((d) => [d.id, d]));
  if (chosen.length === 0) {
    notes.push(...detection.notes);
    for (const d of detection.presets) reasons[d.id] = d.reason;
    const implied = impliedByFlags(
      ctx,
      detection.presets.map((d) => ctx.presets.find((p) => p.id === d.id) as Preset),
    );
    const detected: DetectedPreset[] = [
      ...detection.presets,
      ...implied.map((p) => ({ id: p.id, reason: `--${p.version?.flag}`, dirs: [] })),
    ];
    for (const d of detected) reasons[d.id] ??= d.reason;
    let ids: string[];
    if (ctx.isTTY && !ctx.yes)
      ids = await confirmDetected(ctx, prompts, detected, detection.suggestions);
    else if (detected.length) ids = detected.map((d) => d.id);
    else throw new NixhomeError(`no language detected in ${ctx.dir}; ${HOW_TO_CHOOSE}`);
    chosen = ids.map((id) => lookup(id, ctx.presets));
  } else {
    chosen.push(...impliedByFlags(ctx, chosen));
    // Notes only about what was named; a pin read for a named language is its reason.
    for (const p of chosen) {
      const d = byId.get(p.id);
      if (d) {
        reasons[p.id] = `named; ${d.reason}`;
        continue;
      }
      const h = presetHints(ctx.dir, p, [""], ctx.presets);
      notes.push(...h.notes);
      if (h.reason) reasons[p.id] = `named${h.reason}`;
      byId.set(p.id, { ...h, id: p.id, dirs: [] });
    }
    const named = new Set(chosen.map((p) => p.id));
    for (const n of detection.notes)
      if ([...named].some((id) => n.includes(ctx.presets.find((p) => p.id === id)?.name ?? "\0")))
        if (!notes.includes(n)) notes.push(n);
  }

  const choices = chosen.map((preset): PresetChoice => {
    const base = fromProject(preset, byId.get(preset.id));
    const flag = preset.version?.flag;
    const asked = flag === undefined ? undefined : ctx.versions[flag];
    // A package set's flag (`--erlang 27` for Elixir) wins over the project's pin too.
    const setFlag = preset.packageSet?.flag;
    const setAsked = setFlag === undefined ? undefined : ctx.versions[setFlag];
    if (setAsked !== undefined) base.setVersion = setAsked;
    if (asked !== undefined) {
      try {
        resolveVersion(preset, asked);
      } catch (e) {
        throw new NixhomeError((e as Error).message, 2);
      }
      return { ...base, version: asked };
    }
    return base;
  });
  return { choices, reasons, notes };
}
