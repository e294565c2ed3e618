#!/usr/bin/env node
// Assemble BENCHMARKS.md from the JSON each package's `bench` script writes to .bench/.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dir = join(root, ".bench");
const files = existsSync(dir)
  ? readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .sort()
  : [];
const cpu = cpus();
const lines = [
  "# Benchmarks",
  "",
  "Written by `npm run bench` (medians of several runs). Speed and size goals live here, not in",
  "timed tests.",
  "",
  `- Machine: ${cpu.length} × ${cpu[0]?.model ?? "unknown CPU"}, ${Math.round(totalmem() / 2 ** 30)} GiB`,
  `- Node ${process.version}, ${process.platform}-${process.arch}`,
  `- Date: ${new Date().toISOString().slice(0, 10)}`,
  "",
];
for (const f of files) {
  const { title, rows, notes } = JSON.parse(readFileSync(join(dir, f), "utf8"));
  lines.push(`## ${title}`, "", "| metric | value | note |", "| --- | --- | --- |");
  for (const r of rows) lines.push(`| ${r.metric} | ${r.value} | ${r.note ?? ""} |`);
  if (notes) lines.push("", notes);
  lines.push("");
}
writeFileSync(join(root, "BENCHMARKS.md"), `${lines.join("\n").trimEnd()}\n`);
console.log(`BENCHMARKS.md: ${files.length} sections`);
