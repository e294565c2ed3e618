// The files of a home repository that never vary are template files: renderHome plans their
// text as it is and calls the Nix printer only for what varies (the two input URLs of
// flake.nix, host files, custom layers, project templates).
import { describe, expect, it, vi } from "vitest";
import { HOME_TEMPLATES, parseHomeSpec, renderHome } from "../src/index.js";
import * as printer from "../src/nix/printer.js";

vi.mock("../src/nix/printer.js", { spy: true });

const USER = { name: "Big Boss", email: "bigboss@metalrodeo.xyz", username: "bigboss" };

describe("renderHome and the printer", () => {
  it("prints only what varies", () => {
    const printed = () => vi.mocked(printer.renderNix).mock.calls.length;
    const cases = [
      { hosts: {}, templates: [], layers: ["base", "personal"], prints: 2 },
      { hosts: { laptop: {} }, templates: [], layers: ["base", "personal"], prints: 3 },
      {
        hosts: { laptop: {}, "work-server": {}, "cloud-instance": {} },
        templates: ["python", "node", "rust"],
        layers: ["base", "personal"],
        prints: 8,
      },
      { hosts: { box: {} }, templates: ["go"], layers: ["base", "personal", "work"], prints: 5 },
    ];
    for (const c of cases) {
      const spec = parseHomeSpec({
        version: 1,
        user: USER,
        system: "x86_64-linux",
        layers: c.layers,
        hosts: c.hosts,
        templates: c.templates,
      });
      vi.mocked(printer.renderNix).mockClear();
      const plan = renderHome(spec);
      // flake.nix's two URLs, one file per host, custom layer and project template.
      expect(printed(), JSON.stringify(c)).toBe(c.prints);
      for (const [path, text] of Object.entries(HOME_TEMPLATES))
        if (path !== "flake.nix")
          expect(plan.find((f) => f.path === path)?.content, path).toBe(text);
    }
  });
});
