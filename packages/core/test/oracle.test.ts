/**
 * Nix is the oracle: for thousands of hostile values, the Nix that `renderNix`
 * writes must evaluate to exactly what Nix's own JSON parser reads from the
 * same value serialised as JSON.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { expect, it } from "vitest";
import { NIX_KEYWORDS, n, renderNix } from "../src/index.js";
import { describeNix, nixEvalJson } from "./support/nix.js";

const CASES = Number(process.env.NIXHOME_ORACLE_CASES ?? 2500);

/** JSON that states every number exactly (JSON.stringify rounds big integers). */
function exactJson(v: unknown): string {
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "number") {
    if (Number.isInteger(v) && Math.abs(v) < 2 ** 63) return BigInt(v).toString();
    const s = String(v);
    return /[.e]/.test(s) ? s : `${s}.0`;
  }
  if (Array.isArray(v)) return `[${v.map(exactJson).join(",")}]`;
  if (v && typeof v === "object")
    return `{${Object.entries(v)
      .map(([k, x]) => `${JSON.stringify(k)}:${exactJson(x)}`)
      .join(",")}}`;
  return JSON.stringify(v);
}

const hostileChar = fc.constantFrom(
  '"',
  "\\",
  "$",
  "{",
  "}",
  "$",
  "'",
  "''",
  "\n",
  "\t",
  "\r",
  " ",
  "  ",
  "a",
  "Z",
  "é",
  "ß",
  "😀",
  "👩‍👩‍👧",
  "中",
  "#",
  "/*",
  "*/",
  ";",
  "=",
  ".",
  "-",
  "${",
  "$${",
  "''${",
  "'''",
  "\\n",
  "~",
);
const hostileString = fc.oneof(
  fc.string({ unit: hostileChar, maxLength: 24 }),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.constantFrom("", "${HOME}", 'Big "Boss" ${HOME}', "a\n  b\n", "  lead\n  lead", "x'", "''"),
);
const key = fc.oneof(
  hostileString,
  fc.constantFrom(...NIX_KEYWORDS, "true", "null", "__curPos", "a.b", "..", "", "a-b", "a'b", "1a"),
  fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_'-]{0,8}$/),
);
const number = fc.oneof(
  fc.integer(),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  fc.constantFrom(-(2n ** 63n), 2n ** 63n - 1n, 0, -0, -1, 2 ** 53, -(2 ** 53), 2 ** 62),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(
    1e21,
    1e-7,
    5e-324,
    1.7976931348623157e308,
    -1.5,
    0.1,
    1e300,
    2 ** 63,
    -(2 ** 64),
  ),
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    number,
    hostileString,
    fc.array(tie("value"), { maxLength: 5 }),
    fc.dictionary(key, tie("value"), { maxKeys: 5 }),
  ),
}));

describeNix("renderNix agrees with Nix (builtins.fromJSON is the oracle)", () => {
  it(`${CASES} hostile values evaluate to the same value in Nix`, () => {
    const values = fc.sample(value, {
      numRuns: CASES,
      seed: Number(process.env.NIXHOME_ORACLE_SEED ?? 20261125),
    });
    // Deep nesting is rare in random samples: add some on purpose.
    let deep: unknown = "bottom";
    for (let i = 0; i < 64; i++) deep = i % 2 ? [deep, -i] : { [`k${i}`]: deep, if: i };
    values.push(deep as never, { "": { "": [[], {}, ""] } });
    const dir = mkdtempSync(join(tmpdir(), "nixhome-oracle-"));
    const checks: string[] = [];
    values.forEach((v, i) => {
      writeFileSync(join(dir, `${i}.json`), exactJson(v));
      writeFileSync(join(dir, `${i}.nix`), renderNix(v as never));
      checks.push(`(builtins.fromJSON (builtins.readFile ./${i}.json) == import ./${i}.nix)`);
    });
    writeFileSync(join(dir, "all.nix"), `[\n${checks.join("\n")}\n]\n`);
    const results = nixEvalJson(`import ${dir}/all.nix`) as boolean[];
    const mismatches = results
      .map((ok, i) =>
        ok ? null : { json: exactJson(values[i]), nix: renderNix(values[i] as never) },
      )
      .filter(Boolean);
    expect(results).toHaveLength(values.length);
    expect(mismatches.slice(0, 5)).toEqual([]);
  });
});

describeNix("interpolated strings agree with Nix", () => {
  it("literal text around ${…} survives, even a `$` right before an interpolation", () => {
    const parts = fc.sample(fc.array(hostileString, { minLength: 1, maxLength: 4 }), {
      numRuns: 600,
      seed: 7,
    });
    parts.push(["$", "$"], ["a$", "'"], ["'", "x\n"], ["line\n$", "\n"]);
    const dir = mkdtempSync(join(tmpdir(), "nixhome-interp-"));
    const checks = parts.map((texts, i) => {
      // Interleave the literal texts with `${x}` where x = "<I>".
      const strings = Object.assign([...texts, ""], { raw: [...texts, ""] });
      const exprs = texts.map(() => n.id("x"));
      const expr = n.let([n.bind("x", "<I>")], n.interp(strings as never, ...exprs));
      writeFileSync(join(dir, `${i}.nix`), renderNix(expr));
      writeFileSync(join(dir, `${i}.json`), JSON.stringify(`${texts.join("<I>")}<I>`));
      return `(builtins.fromJSON (builtins.readFile ./${i}.json) == import ./${i}.nix)`;
    });
    writeFileSync(join(dir, "all.nix"), `[\n${checks.join("\n")}\n]\n`);
    const results = nixEvalJson(`import ${dir}/all.nix`) as boolean[];
    const bad = results.flatMap((ok, i) => (ok ? [] : [parts[i]]));
    expect(bad.slice(0, 5)).toEqual([]);
  });
});
