// create-nix-home writes every Nix file from template text (ADR 0014), so its one-file bundle
// carries none of the Nix printer's layout code nor the dev-shell composer: each module below
// is recognised by a string of its own that minification keeps (an error message).
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const dist = new URL("../dist/cli.js", import.meta.url);
const core = (p: string) => readFileSync(new URL(`../../core/src/${p}`, import.meta.url), "utf8");

const ABSENT: ReadonlyArray<readonly [string, string]> = [
  ["nix/printer.ts", "a binding needs a name"],
  ["nix/doc.ts", "layout needs a fixed-up document"],
  ["nix/build.ts", "needs at least one operand"],
  ["nix/to-nix.ts", "cannot be written as Nix"],
  ["devshell/compose.ts", "internal: unsafe subproject path"],
];

describe.runIf(existsSync(dist))("the bundle (dist/cli.js)", () => {
  const bundle = readFileSync(dist, "utf8");

  it("holds no printer, layout or dev-shell composer code", () => {
    for (const [file, marker] of ABSENT) {
      // The marker is still that module's own, so its absence below means something.
      expect(core(file), file).toContain(marker);
      expect(bundle.includes(marker), `${file} is bundled`).toBe(false);
    }
  });

  it("holds the template files instead", () => {
    expect(bundle).toContain("Desktop-side tools for the laptop.");
    expect(bundle).toContain("What only this host gets.");
    expect(bundle).toContain("pkgs.mkShell");
  });
});

it("the bundle is built (turbo builds before it tests)", () => {
  expect(existsSync(dist), "pnpm --filter create-nix-home build").toBe(true);
});
