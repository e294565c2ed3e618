// Every Nix file a home repository gets is a template file: renderHome plans their text as
// it is and never calls the Nix printer's layout (flake.nix's two input URLs are quoted by
// the printer's lexical rules). The project templates are generated from the presets.
import { readdirSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import {
  CHANNELS,
  fillNixTemplate,
  GENERIC_HOST_TEMPLATE,
  HOME_TEMPLATES,
  HOST_TEMPLATES,
  LAYER_STARTER,
  n,
  PROJECT_TEMPLATES,
  parseHomeSpec,
  presetShells,
  printTemplateFile,
  renderHome,
  renderHomeFlake,
  renderLayerFile,
  renderTemplateFile,
} from "../src/index.js";
import * as printer from "../src/nix/printer.js";
import { describeNix, nixParse } from "./support/nix.js";

vi.mock("../src/nix/printer.js", { spy: true });

const USER = { name: "Big Boss", email: "bigboss@metalrodeo.xyz", username: "bigboss" };
const GEN = "pnpm --filter @nixhome/core gen:templates";

describe("renderHome and the printer", () => {
  it("never calls the printer's layout: every Nix file is a template file", () => {
    const printed = () => vi.mocked(printer.renderNix).mock.calls.length;
    const cases = [
      { hosts: {}, templates: [], layers: ["base", "personal"] },
      { hosts: { laptop: {} }, templates: [], layers: ["base", "personal"] },
      {
        hosts: { laptop: {}, "work-server": {}, "cloud-instance": {} },
        templates: ["python", "node", "rust"],
        layers: ["base", "personal"],
      },
      {
        hosts: { box: {}, "cloud-instance": { shell: "fish" } },
        templates: presetShells.map((p) => p.id),
        layers: ["base", "personal", "work"],
        shell: "bash",
        channel: "26.05",
      },
    ];
    for (const c of cases) {
      const spec = parseHomeSpec({
        version: 1,
        user: USER,
        system: "x86_64-linux",
        ...c,
      });
      vi.mocked(printer.renderNix).mockClear();
      const plan = renderHome(spec);
      expect(printed(), JSON.stringify(c)).toBe(0);
      const content = (path: string) => plan.find((f) => f.path === path)?.content;
      for (const [path, text] of Object.entries(HOME_TEMPLATES))
        if (path !== "flake.nix") expect(content(path), path).toBe(text);
      expect(content("flake.nix")).toBe(renderHomeFlake(spec.channel));
      for (const h of Object.keys(spec.hosts))
        expect(content(`hosts/${h}.nix`), h).toBe(HOST_TEMPLATES[h] ?? GENERIC_HOST_TEMPLATE);
      for (const t of spec.templates)
        expect(content(`profiles/project-templates/${t}.nix`), t).toBe(PROJECT_TEMPLATES[t]);
      if (c.layers.includes("work")) expect(content("profiles/work.nix")).toBe(LAYER_STARTER);
    }
  });

  it("flake.nix's URLs are quoted as the printer prints a string", () => {
    for (const channel of Object.values(CHANNELS))
      for (const url of [channel.nixpkgs, channel.homeManager])
        expect(fillNixTemplate('{ u = "@u@"; }', { u: url })).toBe(
          `{ u = ${printer.renderNix(n.str(url)).trimEnd()}; }`,
        );
    for (const odd of ['a"b', "a\\b", "${x}", "$${x}", "a$"])
      expect(fillNixTemplate('{ u = "@u@"; }', { u: odd })).toBe(
        `{ u = ${printer.renderNix(n.str(odd)).trimEnd()}; }`,
      );
  });

  it("plop's profile generator prints the starter for a layer nothing is said about", () => {
    vi.mocked(printer.renderNix).mockClear();
    expect(renderLayerFile({ name: "work" })).toBe(LAYER_STARTER);
    expect(renderLayerFile({ name: "work", purpose: " ", packages: [] })).toBe(LAYER_STARTER);
    // The printer, asked for the same layer, writes the very template.
    expect(renderLayerFile({ name: "work", purpose: "What this layer adds." })).toBe(LAYER_STARTER);
    expect(renderLayerFile({ name: "work", packages: ["ripgrep"] })).toContain("ripgrep");
  });
});

describe("project templates", () => {
  it(`are the printer's text of each preset today (else: ${GEN})`, () => {
    const ids = presetShells.map((p) => p.id).sort();
    expect(Object.keys(PROJECT_TEMPLATES).sort(), GEN).toEqual(ids);
    const dir = new URL("../templates/home/project-templates/", import.meta.url);
    expect(readdirSync(dir).sort(), GEN).toEqual(ids.map((id) => `${id}.nix`));
    for (const id of ids)
      expect(PROJECT_TEMPLATES[id], `${id}: run ${GEN}`).toBe(printTemplateFile(id));
  });

  it("are found by id or alias, and an unknown language is refused", () => {
    const python = presetShells.find((p) => p.id === "python");
    for (const word of ["python", ...(python?.aliases ?? [])])
      expect(renderTemplateFile(word)).toBe(PROJECT_TEMPLATES.python);
    expect(() => renderTemplateFile("cobol")).toThrow(/cobol/);
  });
});

describeNix("template files Nix reads", () => {
  it("every host file, the layer starter and every project template parse", () => {
    const under = (d: string) => new URL(`../templates/home/${d}/`, import.meta.url).pathname;
    nixParse([
      ...readdirSync(under("hosts")).map((f) => `${under("hosts")}${f}`),
      `${under("profiles")}layer.nix`,
      ...readdirSync(under("project-templates")).map((f) => `${under("project-templates")}${f}`),
    ]);
  });
});
