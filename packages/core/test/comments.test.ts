/**
 * Comments are data: a comment (a plop layer's purpose, say) can never end
 * early and turn the rest of its text into Nix code. Nix ends a `#` comment at
 * `\n` and at `\r`; the printer splits on both (and on `\r\n`).
 */
import { expect, it } from "vitest";
import { n, renderHome, renderLayerFile, renderNix } from "../src/index.js";
import { describeNix, nixEvalJson } from "./support/nix.js";

const payloads = [
  'x\rhome.file.".bashrc".text = "pwned";',
  'x\nhome.file.".bashrc".text = "pwned";',
  'x\r\nhome.file.".bashrc".text = "pwned";',
  'x\n\rhome.file.".bashrc".text = "pwned";',
  "x\u2028pwned = true;",
  "x\u0000pwned = true;",
];

it("every line of a comment starts with #", () => {
  for (const p of payloads) {
    const text = renderNix(n.attrs([n.bind("a", 1, { comment: p })]));
    for (const line of text.split(/\r\n|\r|\n/))
      expect(line.trim()).toMatch(/^(#.*|a = 1;|\{|\})?$/s);
    expect(text.includes("\r") || text.includes("\u0000")).toBe(false);
  }
});

describeNix("Nix reads the comments as comments", () => {
  it("a hostile purpose or comment adds no attribute", () => {
    for (const p of payloads) {
      const text = renderNix(n.attrs([n.bind("a", 1, { comment: p })]));
      expect(nixEvalJson(text)).toEqual({ a: 1 });
    }
  });
  it("a layer file with a hostile purpose is still only its packages", () => {
    for (const purpose of payloads) {
      const text = renderLayerFile({ name: "gaming", purpose, packages: [] });
      expect(text).not.toContain("\r");
      expect(
        text
          .split("\n")
          .filter((l) => l.includes("pwned"))
          .every((l) => l.trim().startsWith("#")),
      ).toBe(true);
    }
    expect(renderHome).toBeDefined();
  });
});
