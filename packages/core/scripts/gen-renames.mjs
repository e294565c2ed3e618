#!/usr/bin/env node
// Generates packages/core/src/doctor/renames.json, the data of `nixhome doctor`:
//   - options: every mkRenamedOptionModule / mkRemovedOptionModule /
//     mkChangedOptionModule / mkMergedOptionModule Home Manager declares
//     (lib.hm.deprecations.mkSettingsRenamedOptionModules included, submodule
//     declarations made absolute: `<name>` / `*` stand for any attribute / list
//     element), found by evaluating HM's modules with scripts/renames.nix;
//     chained renames followed to their end;
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
    return { commit, date, raw: JSON.parse(out) };
  } finally {
    rmSync(src, { recursive: true, force: true });
  }
}

const key = (p) => p.join("\u0000");

function build({ commit, date, raw }) {
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
    },
    options,
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
