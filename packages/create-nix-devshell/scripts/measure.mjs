// Detection measured on the committed fixture projects (test/fixtures/projects, one per case
// of issue 12): detected vs expected, as the README table between the measure markers.
//   pnpm --filter @nixhome/core build && node scripts/measure.mjs [--write]
// The projects test checks the README table is what this prints.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { detectProject } from "@nixhome/core";

const root = fileURLToPath(new URL("../test/fixtures/", import.meta.url));
const expected = JSON.parse(readFileSync(`${root}projects.json`, "utf8"));

/** "node 22 (yarn, in web)" */
function describe(id, d) {
  const extra = [
    d.tool ?? null,
    d.setVersion ? `OTP ${d.setVersion}` : null,
    d.toolchainFile ? d.toolchainFile : null,
    d.dirs?.length && d.dirs.some((x) => x !== "") ? `in ${d.dirs.join(", ")}` : null,
  ].filter(Boolean);
  return `${id}${d.version ? ` ${d.version}` : ""}${extra.length ? ` (${extra.join(", ")})` : ""}`;
}

export function measure() {
  return Object.entries(expected).map(([name, want]) => {
    const got = detectProject(`${root}projects/${name}`);
    const byId = Object.fromEntries(got.presets.map((p) => [p.id, p]));
    const ok =
      Object.keys(byId).sort().join() === Object.keys(want.presets).sort().join() &&
      Object.entries(want.presets).every(([id, fields]) =>
        Object.entries(fields).every(
          ([k, v]) => JSON.stringify(byId[id]?.[k]) === JSON.stringify(v),
        ),
      ) &&
      JSON.stringify(got.suggestions.map((s) => s.id)) === JSON.stringify(want.suggestions ?? []) &&
      (want.note === undefined || got.notes.some((n) => n.includes(want.note)));
    const wantText = Object.entries(want.presets)
      .map(([id, f]) => describe(id, f))
      .join(", ");
    const gotText = got.presets.map((p) => describe(p.id, p)).join(", ");
    const sugg = got.suggestions.length
      ? `; suggests ${got.suggestions.map((s) => s.id).join(", ")}`
      : "";
    return {
      name,
      case: want.case,
      expected: wantText + (want.suggestions ? `; suggests ${want.suggestions.join(", ")}` : ""),
      detected: (gotText || "—") + sugg,
      ok,
    };
  });
}

export function table(rows) {
  const cells = [
    ["Fixture", "Case", "Expected", "Detected", ""],
    ...rows.map((r) => [`\`${r.name}\``, r.case, r.expected, r.detected, r.ok ? "✓" : "✗"]),
  ].map((row) => row.map((c) => c.replaceAll("|", "\\|")));
  // Padded like the repository's formatter lays Markdown tables out.
  const widths = cells[0].map((_, i) => Math.max(3, ...cells.map((row) => [...row[i]].length)));
  const line = (row) =>
    `| ${row.map((c, i) => c + " ".repeat(widths[i] - [...c].length)).join(" | ")} |`;
  const lines = [
    line(cells[0]),
    line(widths.map((w) => "-".repeat(w))),
    ...cells.slice(1).map(line),
  ];
  const good = rows.filter((r) => r.ok).length;
  return `${lines.join("\n")}\n\n${good} of ${rows.length} fixture projects detected as expected.`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = table(measure());
  if (process.argv.includes("--write")) {
    const url = new URL("../README.md", import.meta.url);
    const readme = readFileSync(url, "utf8");
    const re = /(<!-- measure:start -->\n)[\s\S]*?(<!-- measure:end -->)/;
    if (!re.test(readme)) throw new Error("README.md has no measure markers");
    writeFileSync(url, readme.replace(re, `$1${text}\n$2`));
  }
  console.log(text);
}
