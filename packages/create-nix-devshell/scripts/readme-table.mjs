// Regenerates the detection table of README.md from the presets of @nixhome/core (built):
//   pnpm --filter @nixhome/core build && node scripts/readme-table.mjs
// The README test checks the table names every marker; this keeps it in step.
import { readFileSync, writeFileSync } from "node:fs";
import { presets } from "@nixhome/core";

const readmeUrl = new URL("../README.md", import.meta.url);
const rows = presets.map((p) => {
  const markers = p.markers.map(
    (m) => `\`${m.file ?? `*${m.ext}`}\`${m.contains ? " (by content)" : ""}`,
  );
  const detected = markers.length ? markers.join(", ") : "— (name it)";
  const replaces = p.supersedes?.length ? ` — replaces ${p.supersedes.join(", ")}` : "";
  const tools = p.versionFrom?.length || p.version ? [".tool-versions", "mise.toml"] : [];
  const from = [...new Set([...(p.versionFrom ?? []).map((s) => s.file), ...tools])];
  const knob = p.version;
  const flag = knob
    ? `\`--${knob.flag}\` ${Object.keys(knob.attrs)
        .map((v) => (v === knob.default ? `**${v}**` : v))
        .join(", ")}`
    : "—";
  return [
    p.id,
    `${detected}${replaces}`,
    from.length ? from.map((f) => `\`${f}\``).join(", ") : "—",
    flag,
  ];
});
const head = ["Language", "Detected by (any one)", "Version from", "`--flag` versions (default)"];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
const table = [
  line(head),
  `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`,
  ...rows.map(line),
];
const text = readFileSync(readmeUrl, "utf8").split("\n");
const start = text.findIndex((l) => l.startsWith("| Language "));
let end = start;
while (end < text.length && text[end].startsWith("|")) end++;
text.splice(start, end - start, ...table);
writeFileSync(readmeUrl, text.join("\n"));
console.log(`${rows.length} rows`);
