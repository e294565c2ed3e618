#!/usr/bin/env node
// Dev script (needs a build of core and Nix): parse every .nix file under the
// given directories with @nixhome/core's parser and check, file by file, that
//   1. the tree has no error (parseNix does not throw), and
//   2. its canonical form equals the canonical form of what
//      `nix-instantiate --parse FILE` prints (attribute paths, string values
//      including ''…'' escapes, formals, operators, paths).
// Usage: node scripts/parse-corpus.mjs DIR…   (e.g. Home Manager and nixpkgs lib
// checkouts: git -C /work/.mirror/<repo>/repo archive HEAD | tar -x -C DIR)
// Prints counts; lists the first mismatches. Exit 1 when anything disagrees.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { canonical, canonicalOfNixOutput, tryParseNix } from "../dist/index.js";

const dirs = process.argv.slice(2);
if (!dirs.length) {
  console.error("usage: parse-corpus.mjs DIR…");
  process.exit(2);
}
function walk(d, out) {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    if (e.name === ".git") continue;
    const p = join(d, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile() && e.name.endsWith(".nix")) out.push(p);
  }
  return out;
}
const files = dirs.flatMap((d) => walk(d, []));
const nixParse = (batch) =>
  spawnSync("nix-instantiate", ["--parse", ...batch], { encoding: "utf8", maxBuffer: 1 << 30 });

const stats = {
  files: files.length,
  bytes: 0,
  ours: 0,
  oursError: 0,
  nixError: 0,
  equal: 0,
  differ: 0,
};
const problems = [];
let parseMs = 0;
const nixOut = new Map();
for (let i = 0; i < files.length; i += 100) {
  const batch = files.slice(i, i + 100);
  const r = nixParse(batch);
  if (r.status === 0 && r.stdout.split("\n").length - 1 === batch.length) {
    r.stdout
      .split("\n")
      .slice(0, -1)
      .forEach((l, j) => {
        nixOut.set(batch[j], l);
      });
  } else {
    for (const f of batch) {
      const one = nixParse([f]);
      nixOut.set(
        f,
        one.status === 0
          ? one.stdout.trimEnd()
          : { error: one.stderr.split("\n").find((l) => l.startsWith("error:")) },
      );
    }
  }
}
for (const f of files) {
  const src = readFileSync(f, "utf8");
  stats.bytes += Buffer.byteLength(src);
  const t = process.hrtime.bigint();
  const r = tryParseNix(src);
  parseMs += Number(process.hrtime.bigint() - t) / 1e6;
  const nix = nixOut.get(f);
  if (typeof nix !== "string") stats.nixError++;
  if (r.error) {
    stats.oursError++;
    if (typeof nix === "string")
      problems.push(`${f}: our parser: ${r.error.message} (Nix parses it)`);
    continue;
  }
  stats.ours++;
  if (typeof nix !== "string") {
    problems.push(`${f}: Nix rejects it (${nix.error}) but our parser accepts it`);
    continue;
  }
  const opts = { dir: dirname(f), home: process.env.HOME };
  const a = canonical(r.file, opts);
  let b;
  try {
    b = canonicalOfNixOutput(nix, opts);
  } catch (e) {
    problems.push(`${f}: cannot read Nix's output: ${e.message}`);
    stats.differ++;
    continue;
  }
  if (a === b) stats.equal++;
  else {
    stats.differ++;
    let k = 0;
    while (a[k] === b[k]) k++;
    problems.push(
      `${relative(process.cwd(), f)}: differs at ${k}:\n  ours: …${a.slice(Math.max(0, k - 80), k + 80)}\n  nix:  …${b.slice(Math.max(0, k - 80), k + 80)}`,
    );
  }
}
console.log(
  JSON.stringify(
    { ...stats, parseMBps: +(stats.bytes / 1e6 / (parseMs / 1000)).toFixed(1) },
    null,
    2,
  ),
);
for (const p of problems.slice(0, Number(process.env.SHOW ?? 15))) console.log(p);
process.exit(problems.length ? 1 : 0);
