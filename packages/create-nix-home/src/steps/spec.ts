/**
 * Step 2: answers → HomeSpec → FilePlan, in memory. Hosts and templates are
 * added with core's edit functions (the ones `npx plop` uses), so a spec made
 * here is one the generators accept. Whatever `--config` carried beyond the
 * questions (extra layers, per-host accounts, settings and emails, unfree
 * allowances) is kept.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import {
  BUILTIN_LAYERS,
  editSpec,
  type FilePlan,
  HEADLESS_HOSTS,
  type HomeSpec,
  own,
  parseHomeSpec,
  renderHome,
  type SpecEdit,
  templateId,
  usedLayers,
} from "@nixhome/core";
import type { Context } from "../context.js";
import type { Answers } from "./answers.js";

export function buildSpec(ctx: Context, a: Answers): HomeSpec {
  const config = ctx.config;
  const layers = config?.layers ?? [...BUILTIN_LAYERS];
  const spec = parseHomeSpec(
    {
      version: 1,
      user: { name: a.name, email: a.email, username: a.username, homeDirectory: a.home },
      system: a.system,
      stateVersion: a.stateVersion,
      shell: a.shell,
      editor: a.editor,
      layers,
      hosts: {},
      templates: [],
      allowUnfree: config?.allowUnfree ?? [],
      created: { channel: a.channel, plop: a.plop },
      ...(a.cache ? { cache: a.cache } : {}),
    },
    "answers",
  );
  // Hosts and templates go through the same edits as `npx plop host|template`
  // (validated once, together).
  const edits: SpecEdit[] = [];
  for (const h of a.hosts) {
    const before = own(config?.hosts, h.name);
    // No desktop on a known headless host: vim there when VS Code is the editor.
    const headless =
      !before && HEADLESS_HOSTS.includes(h.name) && a.editor === "vscode"
        ? { editor: "vim" as const }
        : {};
    edits.push({
      host: h.name,
      entry: {
        ...before,
        ...headless,
        system: h.system ?? a.system,
        layers: before?.layers ?? layers,
      },
      options: { newLayers: true },
    });
  }
  const templates = a.templates.map(templateId);
  for (const t of templates.filter((t, i) => templates.indexOf(t) === i))
    edits.push({ template: t });
  return editSpec(spec, edits);
}

/**
 * Render and validate everything before anything touches the disk. A layer
 * other than base and personal is the user's: renderHome can only offer a
 * starter file, so an existing one is left as it is.
 */
export function buildPlan(spec: HomeSpec, target: string): FilePlan {
  const own = usedLayers(spec)
    .filter((l) => !(BUILTIN_LAYERS as readonly string[]).includes(l))
    .map((l) => `profiles/${l}.nix`);
  return renderHome(spec).filter(
    (f) => !(own.includes(f.path) && existsSync(join(target, f.path))),
  );
}
