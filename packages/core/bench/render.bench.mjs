// Rendering benchmarks for @nixhome/core (run after `tsup`): a 10,000-node JSON value,
// a large attribute set, what a CLI run renders (a home repository, the dev-shell flakes),
// and a scaling check (time per node must stay flat as size grows).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseHomeSpec, presets, renderDevShell, renderHome, renderNix } from "../dist/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const RUNS = 9;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function time(fn) {
  fn(); // warm-up
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(samples);
}

/** A JSON value of about `nodes` nodes: nested sets, lists, hostile strings, numbers. */
function makeValue(nodes) {
  let count = 0;
  const build = (depth) => {
    count++;
    if (count >= nodes || depth > 6) return count % 3 ? `str ${count} "q" \${x}` : count * 1.5;
    if (depth % 2 === 0) {
      const o = {};
      for (let i = 0; i < 6 && count < nodes; i++)
        o[i % 2 ? `key${count}` : `k-${i}.x`] = build(depth + 1);
      return o;
    }
    const l = [];
    for (let i = 0; i < 6 && count < nodes; i++) l.push(build(depth + 1));
    return l;
  };
  const out = [];
  while (count < nodes) out.push(build(0));
  return out;
}
const bigAttrs = (n) =>
  Object.fromEntries(
    Array.from({ length: n }, (_, i) => [`option${i}`, { enable: true, value: `v${i}` }]),
  );

const rows = [];
const v10k = makeValue(10_000);
const t10k = time(() => renderNix(v10k));
rows.push({
  metric: "render a 10,000-node JSON value",
  value: `${t10k.toFixed(1)} ms`,
  note: `${renderNix(v10k).length} chars of Nix`,
});
const a = bigAttrs(5_000);
const tA = time(() => renderNix(a));
rows.push({
  metric: "render a 5,000-attribute set (15,000 nodes)",
  value: `${tA.toFixed(1)} ms`,
  note: "",
});

// What a CLI run prints: a whole home repository, every preset's dev-shell flake.
const homeSpec = parseHomeSpec(
  readFileSync(join(here, "..", "..", "..", "home-manager", "nixhome.json"), "utf8"),
);
const tHome = time(() => renderHome(homeSpec));
rows.push({
  metric: "render the home-manager/ repository (all its files)",
  value: `${tHome.toFixed(2)} ms`,
  note: "",
});
const tShells = time(() => {
  for (const p of presets) renderDevShell({ choices: [{ preset: p }] });
});
rows.push({
  metric: `render the dev shell of each of the ${presets.length} presets`,
  value: `${tShells.toFixed(1)} ms`,
  note: `${(tShells / presets.length).toFixed(2)} ms per flake`,
});

const sizes = [5_000, 10_000, 20_000, 40_000];
const perNode = sizes.map((s) => {
  const v = makeValue(s);
  return (time(() => renderNix(v)) / s) * 1000;
});
for (const [i, s] of sizes.entries())
  rows.push({
    metric: `µs per node at ${s.toLocaleString("en")} nodes`,
    value: perNode[i].toFixed(2),
    note:
      i === 0
        ? "linear scaling keeps this flat"
        : `×${(perNode[i] / perNode[0]).toFixed(2)} of the smallest`,
  });

const root = join(here, "..", "..", "..");
mkdirSync(join(root, ".bench"), { recursive: true });
writeFileSync(
  join(root, ".bench", "core.json"),
  JSON.stringify({ title: "@nixhome/core rendering", rows }, null, 2),
);
console.log("| metric | value | note |\n| --- | --- | --- |");
for (const r of rows) console.log(`| ${r.metric} | ${r.value} | ${r.note} |`);
