/**
 * renderHome: HomeSpec → FilePlan, pure. Files that never vary (flake.nix,
 * home.nix, profiles/base.nix and personal.nix, services/*.nix) are template
 * files, planned as their text; the Nix printer prints only what varies: host
 * files, custom layers and project templates. `homeNixFiles` exposes every
 * module file as an expression (template files read with core's Nix parser) so
 * tests and checks inspect structure instead of text.
 */
import type { NixExpr } from "../nix/ast.js";
import { renderNix } from "../nix/printer.js";
import { own } from "../own.js";
import { checkPlan, type FilePlan, type PlannedFile } from "../plan/plan.js";
import { renderHomeGitignore, renderHomeReadme } from "./docs.js";
import { renderHomeFlake, renderHomeNix } from "./flake.js";
import { renderFleetFiles } from "./fleet.js";
import { customLayer, hostModule, LAYER_TEMPLATES } from "./layers.js";
import { moduleFromText } from "./module.js";
import { renderPlopFiles } from "./plop.js";
import { SERVICE_FILES } from "./services.js";
import { type HomeSpec, renderSpecJson, usedLayers } from "./spec.js";
import { templateExpr } from "./templates.js";

export type NixFileKind = "module" | "template";

export interface HomeNixFile {
  path: string;
  kind: NixFileKind;
  expr: NixExpr;
}

/** A Nix file of the repository besides flake.nix: a template file's text, or an expression to print. */
type NixSource = { path: string; kind: NixFileKind } & (
  | { text: string; expr?: undefined }
  | { expr: NixExpr; text?: undefined }
);

function nixSources(spec: HomeSpec): NixSource[] {
  const layers = usedLayers(spec);
  return [
    { path: "home.nix", kind: "module", text: renderHomeNix() },
    ...layers.map((l): NixSource => {
      const text = own(LAYER_TEMPLATES, l);
      const path = `profiles/${l}.nix`;
      return text === undefined
        ? { path, kind: "module", expr: customLayer({ name: l }) }
        : { path, kind: "module", text };
    }),
    ...(layers.includes("base")
      ? SERVICE_FILES.map((f): NixSource => ({ path: f.path, kind: "module", text: f.text }))
      : []),
    ...Object.keys(spec.hosts).map(
      (h): NixSource => ({ path: `hosts/${h}.nix`, kind: "module", expr: hostModule(spec, h) }),
    ),
    ...spec.templates.map(
      (t): NixSource => ({
        path: `profiles/project-templates/${t}.nix`,
        kind: "template",
        expr: templateExpr(t),
      }),
    ),
  ];
}

const read = new Map<string, NixExpr>();

/** A template file's text as an expression (each text is parsed once). */
function templateModule(text: string): NixExpr {
  let e = read.get(text);
  if (!e) {
    e = moduleFromText(text);
    read.set(text, e);
  }
  return e;
}

/**
 * Every Nix file of the repository but flake.nix, as expressions (modules are
 * Home Manager modules): printed files as the expression the printer prints,
 * template files as core's Nix parser reads their text.
 */
export function homeNixFiles(spec: HomeSpec): HomeNixFile[] {
  return nixSources(spec).map((s) => ({
    path: s.path,
    kind: s.kind,
    expr: s.text === undefined ? s.expr : templateModule(s.text),
  }));
}

/** The whole repository for a spec, in memory. */
export function renderHome(spec: HomeSpec): FilePlan {
  const plan: PlannedFile[] = [
    { path: "flake.nix", content: renderHomeFlake(spec.channel) },
    ...nixSources(spec).map((s) => ({
      path: s.path,
      content: s.text === undefined ? renderNix(s.expr) : s.text,
    })),
    { path: "nixhome.json", content: renderSpecJson(spec) },
    { path: "README.md", content: renderHomeReadme(spec) },
    { path: ".gitignore", content: renderHomeGitignore(spec), merge: "lines" as const },
    ...renderFleetFiles(),
    ...(spec.plop ? renderPlopFiles() : []),
  ];
  checkPlan(plan);
  return plan;
}
