#!/usr/bin/env node
// Generates packages/core/src/doctor/renames.json, the data of `nixhome doctor`:
//   - options: every mkRenamedOptionModule / mkRemovedOptionModule /
//     mkChangedOptionModule / mkMergedOptionModule Home Manager declares
//     (lib.hm.deprecations.mkSettingsRenamedOptionModules included, submodule
//     declarations made absolute: `<name>` / `*` stand for any attribute / list
//     element), found by evaluating HM's modules with scripts/renames.nix;
//     chained renames followed to their end;
//   - values / remaps: lib.hm.deprecations.mkDeprecatedOptionValueWarning /
//     mkDeprecatedOptionValueRenameWarning (option, old value, replacement and
//     the message HM builds) and remapAttrsRecursive (option, predicate,
//     transform, ignore list), read from their call sites in HM's modules
//     (they run under conditions on the user's value, so evaluation does not
//     reach them); a field computed from a module's own variables is null;
//   - packages: retired nixpkgs names, from /work/shared/nixpkgs/attributes.json
//     (NixOS/nixpkgs itself is too large to fetch here, so its aliases.nix is
//     not read directly; attributes.json was checked against a 2026-07 copy).
// Usage: node scripts/gen-renames.mjs [--check]
//   HM_GIT (default /work/.mirror/nix-community+home-manager/repo), HM_EVAL
//   (default /work/shared/hm-eval, for its stand-in nixpkgs), ATTRIBUTES_JSON.
//   --check: regenerate in memory and exit 1 when the committed file differs.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const OUT = join(here, "..", "src", "doctor", "renames.json");
const HM_GIT = process.env.HM_GIT ?? "/work/.mirror/nix-community+home-manager/repo";
const HM_EVAL = process.env.HM_EVAL ?? "/work/shared/hm-eval";
const ATTRS = process.env.ATTRIBUTES_JSON ?? "/work/shared/nixpkgs/attributes.json";

/** The data without its hash, as canonical JSON (what the hash covers). */
export function canonicalData(data) {
  const { sha256: _, ...rest } = data;
  return JSON.stringify(rest);
}
export function hashData(data) {
  return createHash("sha256").update(canonicalData(data)).digest("hex");
}

function evaluate() {
  const git = (...a) =>
    execFileSync("git", ["--git-dir", HM_GIT, ...a], { encoding: "utf8" }).trim();
  const commit = git("rev-parse", "HEAD");
  const date = git("log", "-1", "--format=%cI", "HEAD");
  const cache = execFileSync(join(HM_EVAL, "setup"), { encoding: "utf8" }).trim();
  const src = mkdtempSync(join(tmpdir(), "gen-renames-"));
  try {
    execFileSync("sh", [
      "-c",
      `git --git-dir="$1" archive HEAD | tar -x -C "$2"`,
      "sh",
      HM_GIT,
      src,
    ]);
    const out = execFileSync(
      "nix-instantiate",
      [
        "--eval",
        "--strict",
        "--json",
        "--arg",
        "hmSrc",
        src,
        "--arg",
        "stubPath",
        join(cache, "stub"),
        join(here, "renames.nix"),
      ],
      { encoding: "utf8", maxBuffer: 1 << 28, stdio: ["ignore", "pipe", "ignore"] },
    );
    return {
      commit,
      date,
      raw: JSON.parse(out),
      values: valueDeprecations(src, join(cache, "stub")),
    };
  } finally {
    rmSync(src, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------ value deprecations
// lib.hm.deprecations.mkDeprecatedOptionValueWarning / …RenameWarning are
// called inside `warnings` under a condition on the user's value, and
// remapAttrsRecursive inside a module's config: evaluating the modules does
// not reach them. So their call sites are read from the source: the argument
// set is cut out and each field evaluated on its own with HM's lib (a field
// that needs the module's own variables stays null: not known statically).

/** End (exclusive) of the Nix string starting at i (`"` or `''`). */
function skipString(t, i) {
  const indented = t.startsWith("''", i);
  let j = i + (indented ? 2 : 1);
  while (j < t.length) {
    if (indented) {
      if (t.startsWith("'''", j) || t.startsWith("''$", j) || t.startsWith("''\\", j)) j += 3;
      else if (t.startsWith("''", j)) return j + 2;
      else if (t.startsWith("${", j)) j = skipBalanced(t, j + 1);
      else j++;
    } else if (t[j] === "\\") j += 2;
    else if (t[j] === '"') return j + 1;
    else if (t.startsWith("${", j)) j = skipBalanced(t, j + 1);
    else j++;
  }
  return j;
}

/** End (exclusive) of the bracketed expression opening at i. */
function skipBalanced(t, i) {
  let depth = 0;
  let j = i;
  while (j < t.length) {
    const c = t[j];
    if (c === '"' || t.startsWith("''", j)) {
      j = skipString(t, j);
      continue;
    }
    if (c === "#") {
      while (j < t.length && t[j] !== "\n") j++;
      continue;
    }
    if (c === "{" || c === "(" || c === "[") depth++;
    if (c === "}" || c === ")" || c === "]") {
      depth--;
      if (depth === 0) return j + 1;
    }
    j++;
  }
  return j;
}

/** The `name = expr;` fields of the set literal t[i..end). */
function fields(t, i, end) {
  const out = {};
  let j = i + 1;
  while (j < end - 1) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_'-]*)\s*=\s*/.exec(t.slice(j, end));
    if (!m) break;
    j += m[0].length;
    const from = j;
    let depth = 0;
    while (j < end - 1) {
      const c = t[j];
      if (c === '"' || t.startsWith("''", j)) j = skipString(t, j);
      else if ("{([".includes(c)) {
        depth++;
        j++;
      } else if ("})]".includes(c)) {
        depth--;
        j++;
      } else if (c === ";" && depth === 0) break;
      else j++;
    }
    out[m[1]] = t.slice(from, j).trim();
    j++;
  }
  return out;
}

/** The value shape `old` names, when it names a Nix type (else the shape is not known statically). */
const SHAPES = {
  "a list": "list",
  "a Boolean": "bool",
  "a string": "string",
  "an attribute set": "set",
  "a function": "function",
  "a path": "path",
};

const CALLS =
  /lib\.hm\.deprecations\.(mkDeprecatedOptionValueWarning|mkDeprecatedOptionValueRenameWarning|remapAttrsRecursive)\s*\{/g;

export function valueDeprecations(src, stub) {
  const lib = `(import ${JSON.stringify(`${src}/modules/lib/stdlib-extended.nix`)} (import ${JSON.stringify(`${stub}/lib`)}))`;
  const evalField = (expr) => {
    if (expr === undefined) return null;
    try {
      const out = execFileSync(
        "nix-instantiate",
        ["--eval", "--strict", "--json", "-E", `let lib = ${lib}; in ${expr}`],
        { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] },
      );
      return JSON.parse(out);
    } catch {
      return null;
    }
  };
  const files = execFileSync(
    "git",
    ["--git-dir", HM_GIT, "grep", "-l", "deprecations\\.", "HEAD", "--", "modules"],
    { encoding: "utf8" },
  )
    .trim()
    .split("\n")
    .map((l) => l.replace(/^HEAD:/, ""))
    .filter((f) => !f.startsWith("modules/lib/"))
    .sort();
  const values = [];
  const remaps = [];
  for (const file of files) {
    const t = readFileSync(join(src, file), "utf8");
    CALLS.lastIndex = 0;
    for (let m = CALLS.exec(t); m; m = CALLS.exec(t)) {
      const open = m.index + m[0].length - 1;
      const f = fields(t, open, skipBalanced(t, open));
      const source = `${file}:${t.slice(0, m.index).split("\n").length}`;
      if (m[1] === "remapAttrsRecursive") {
        // `name = lib.hm.deprecations.remapAttrsRecursive { … };` applied as `name "a.b.c" …`.
        const bound = /([A-Za-z_][A-Za-z0-9_'-]*)\s*=\s*$/.exec(t.slice(0, m.index));
        const apps = bound
          ? [...t.matchAll(new RegExp(`\\b${bound[1]}\\s+"([^"$]+)"`, "g"))].map((a) => a[1])
          : [];
        for (const at of apps.length ? apps : [null])
          remaps.push({
            option: at === null ? null : at.split("."),
            pred: f.pred ?? null,
            transform: f.transform ?? null,
            ignore: f.ignore === undefined ? [] : evalField(f.ignore),
            source,
          });
        continue;
      }
      const args = {};
      for (const k of ["option", "old", "replacement", "details"]) {
        const v = evalField(f[k]);
        if (v !== null) args[k] = v;
      }
      const known = args.option && args.old && args.replacement;
      const message = known
        ? evalField(
            `lib.hm.deprecations.${m[1]} (builtins.fromJSON ${JSON.stringify(JSON.stringify(args))})`,
          )
        : null;
      values.push({
        kind: m[1] === "mkDeprecatedOptionValueWarning" ? "shape" : "value",
        option: args.option ?? null,
        old: args.old ?? null,
        shape: m[1] === "mkDeprecatedOptionValueWarning" ? (SHAPES[args.old] ?? null) : null,
        replacement: args.replacement ?? null,
        // HM's details text depends on the user's value: only the fixed part is known.
        ...(f.details !== undefined && args.details === undefined ? { detailsDynamic: true } : {}),
        message: message === null ? null : message.trim(),
        source,
      });
    }
  }
  return { values, remaps };
}

const key = (p) => p.join("\u0000");

function build({ commit, date, raw, values }) {
  // `specialisation.<name>.configuration` repeats the whole tree: keep the top level only.
  const entries = raw.filter(
    (e) => !(e.from[0] === "specialisation" && e.from[2] === "configuration"),
  );
  const byFrom = new Map();
  for (const e of entries) if (!byFrom.has(key(e.from))) byFrom.set(key(e.from), e);
  const options = [];
  for (const e of [...byFrom.values()].sort((a, b) => (key(a.from) < key(b.from) ? -1 : 1))) {
    const o = { kind: e.kind, from: e.from };
    if (e.kind === "removed") o.message = e.message.trim();
    if (e.to) {
      // Follow renames to their end (a → b → c), stopping at a removal or a change.
      let to = e.to;
      const via = [];
      const seen = new Set([key(e.from)]);
      for (;;) {
        const next = byFrom.get(key(to));
        if (!next || seen.has(key(to))) break;
        seen.add(key(to));
        via.push(to);
        if (next.kind === "removed") {
          o.kind = "removed";
          o.message = next.message.trim();
          break;
        }
        if (!next.to) break;
        if (next.kind !== "renamed") o.kind = next.kind;
        to = next.to;
      }
      if (o.kind !== "removed") o.to = to;
      if (via.length) o.via = via;
    }
    if (e.parent.length) o.parent = e.parent;
    options.push(o);
  }
  const attrs = JSON.parse(readFileSync(ATTRS, "utf8"));
  const packages = [];
  for (const a of attrs.attributes) {
    if (a.status !== "removed" && a.status !== "alias") continue;
    // A convenience alias that does not warn is not a deprecation.
    if (a.status === "alias" && /no warning/.test(a.note)) continue;
    const text = `${a.note} ${a.evidence}`;
    // A single successor named by the evidence: "warnAlias -> X", "use X", "Use 'X' instead".
    const m =
      /warnAlias -> ([A-Za-z0-9_.-]+)\)?/.exec(a.evidence) ??
      /same as pkgs\.([A-Za-z0-9_-]+)/.exec(a.evidence) ??
      /^(?:use|emit) ([A-Za-z0-9_.-]+)$/.exec(a.note.trim()) ??
      /Consider using ([A-Za-z0-9_-]+)'/.exec(a.evidence);
    const p = { name: a.name, kind: a.status };
    if (m && !/\bor\b/.test(a.note)) p.to = m[1].replace(/\)$/, "");
    p.message =
      a.note.trim() ||
      (a.status === "removed" ? "removed from nixpkgs" : "a deprecated alias in nixpkgs");
    void text;
    packages.push(p);
  }
  packages.sort((a, b) => (a.name < b.name ? -1 : 1));
  const data = {
    source: {
      homeManager: { repository: "nix-community/home-manager", commit, date },
      nixpkgs: `attributes.json (${attrs.checkedAgainst.split(":")[0]})`,
      generator: "packages/core/scripts/gen-renames.mjs",
    },
    counts: {
      renamed: options.filter((o) => o.kind === "renamed").length,
      removed: options.filter((o) => o.kind === "removed").length,
      changed: options.filter((o) => o.kind === "changed" || o.kind === "merged").length,
      packages: packages.length,
      values: values.values.length,
      valuesStatic: values.values.filter((v) => v.option && v.message).length,
      remaps: values.remaps.length,
    },
    options,
    values: values.values,
    remaps: values.remaps,
    packages,
  };
  data.sha256 = hashData(data);
  return data;
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const data = build(evaluate());
  const text = `${JSON.stringify(data, null, 0).replace(/\},\{/g, "},\n{")}\n`;
  if (process.argv.includes("--check")) {
    const old = readFileSync(OUT, "utf8");
    if (old !== text) {
      console.error(
        `renames.json differs from what the script generates (HM ${data.source.homeManager.commit}); run node scripts/gen-renames.mjs`,
      );
      process.exit(1);
    }
    console.log(`renames.json is what the script generates (${JSON.stringify(data.counts)})`);
  } else {
    writeFileSync(OUT, text);
    console.log(`wrote ${OUT}: ${JSON.stringify(data.counts)}`);
  }
}
