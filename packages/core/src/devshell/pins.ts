/**
 * Reading version pins from the files ecosystems write them in: a preset's
 * own `versionFrom` sources, plus the tool managers every language shares
 * (`.tool-versions` of asdf, `mise.toml` / `.mise.toml` of mise).
 */
import type { Preset, VersionSource } from "./preset.js";
import type { PinKind } from "./versions.js";

export interface Pin {
  /** The text of the pin as written: "22", "^20.19.0 || >=22.12.0", "3.4.4". */
  text: string;
  kind: PinKind;
  /** Where: "web/.nvmrc", ".tool-versions". */
  file: string;
}

/** Files every preset reads pins from, besides its own. */
export const TOOL_FILES: readonly string[] = [".tool-versions", "mise.toml", ".mise.toml"];

/** `nodejs 22.3.0 20.1.0` lines: the first version of each tool. */
export function parseToolVersions(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of text.split("\n")) {
    const line = raw.replace(/#.*/, "").trim();
    const [name, version] = line.split(/\s+/);
    if (!name || !version || out.has(name)) continue;
    if (/^(ref|path|system|latest)\b/.test(version)) continue;
    out.set(name, version);
  }
  return out;
}

function unquote(s: string): string | null {
  const m = /^\s*["']([^"']*)["']/.exec(s);
  return m ? (m[1] as string) : null;
}

/** `[tools]` of a mise.toml: `node = "22"`, `node = ["22", "20"]`, `node = { version = "22" }`. */
export function parseMiseTools(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let inTools = false;
  for (const raw of text.split("\n")) {
    const line = raw.replace(/^\s+|\s+$/g, "");
    if (line.startsWith("[")) {
      inTools = /^\[\s*tools\s*\]/.test(line);
      continue;
    }
    if (!inTools || line === "" || line.startsWith("#")) continue;
    const m = /^["']?([A-Za-z0-9_.-]+)["']?\s*=\s*(.+)$/.exec(line);
    if (!m) continue;
    const name = m[1] as string;
    const value = (m[2] as string).trim();
    let version: string | null = null;
    if (value.startsWith("[")) version = unquote(value.slice(1));
    else if (value.startsWith("{")) {
      const v = /version\s*=\s*(["'][^"']*["'])/.exec(value);
      version = v ? unquote(v[1] as string) : null;
    } else version = unquote(value);
    if (version && !out.has(name) && !/^(ref|path|system|latest|prefix):?/.test(version))
      out.set(name, version);
  }
  return out;
}

/** The value at `engines.node` or `devEngines.runtime[name=node].version` of a JSON text. */
export function jsonPath(text: string, path: string): string | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  for (const step of path.split(".")) {
    const m = /^([^[]+)(?:\[(\w+)=([^\]]+)\])?$/.exec(step);
    if (!m || value === null || typeof value !== "object") return null;
    value = (value as Record<string, unknown>)[m[1] as string];
    if (m[2] !== undefined) {
      const list = Array.isArray(value) ? value : [value];
      value = list.find(
        (x) =>
          x && typeof x === "object" && (x as Record<string, unknown>)[m[2] as string] === m[3],
      );
    }
  }
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

/** A pin as it may be shown: printable ASCII, short (project files are untrusted text). */
function shown(pin: string | null): string | null {
  return pin !== null && /^[\x20-\x7e]{1,64}$/.test(pin) ? pin : null;
}

function fromSource(source: VersionSource, text: string): string | null {
  if (source.json !== undefined) return jsonPath(text, source.json);
  if (source.pattern === undefined) return null;
  let re: RegExp;
  try {
    re = new RegExp(source.pattern, "m");
  } catch {
    return null;
  }
  const m = re.exec(text);
  return m?.[1]?.trim() || null;
}

/**
 * Every pin of `preset` in one folder, most specific first: its own exact
 * files (`.nvmrc`), then the tool managers, then manifests (`engines`, `go.mod`).
 */
export function pinsIn(
  preset: Preset,
  names: ReadonlySet<string>,
  prefix: string,
  read: (file: string) => string | null,
): Pin[] {
  const own: Pin[] = [];
  const manifests: Pin[] = [];
  for (const source of preset.versionFrom ?? []) {
    if (!names.has(source.file) || TOOL_FILES.includes(source.file)) continue;
    const text = read(source.file);
    const pin = shown(text === null ? null : fromSource(source, text));
    if (!pin) continue;
    const kind = source.kind ?? "exact";
    const entry = {
      text: preset.versionAliases?.[pin] ?? pin,
      kind,
      file: `${prefix}${source.file}`,
    };
    (kind === "exact" || kind === "line" ? own : manifests).push(entry);
  }
  const tools: Pin[] = [];
  const toolNames = preset.toolNames ?? [preset.id];
  for (const file of TOOL_FILES) {
    if (!names.has(file)) continue;
    const text = read(file);
    if (text === null) continue;
    const map = file === ".tool-versions" ? parseToolVersions(text) : parseMiseTools(text);
    for (const name of toolNames) {
      const v = shown(map.get(name) ?? null);
      if (v) {
        // asdf's elixir `1.18.3-otp-27`: the Elixir version is before `-otp-`.
        const text2 = v.replace(/-otp-\d+$/, "");
        tools.push({
          text: preset.versionAliases?.[text2] ?? text2,
          kind: "exact",
          file: `${prefix}${file}`,
        });
        break;
      }
    }
  }
  return [...own, ...tools, ...manifests];
}
