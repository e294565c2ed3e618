/**
 * renderHome: HomeSpec → FilePlan, pure. Every Nix file it writes is a
 * template file planned as its text: flake.nix (its two input URLs quoted by
 * the printer's lexical rules), home.nix, the layers, services, host files and
 * project templates; everything user-specific is in nixhome.json, read at
 * evaluation time. No layout code runs (ADR 0014). `homeNixFiles` exposes
 * every Nix file as an expression (read with core's Nix parser) so tests and
 * checks inspect structure instead of text.
 */
import type { NixExpr } from "../nix/ast.js";
import { own } from "../own.js";
import { checkPlan, type FilePlan, type PlannedFile } from "../plan/plan.js";
import { renderHomeGitignore, renderHomeReadme } from "./docs.js";
import { renderHomeFlake, renderHomeNix } from "./flake.js";
import { renderFleetFiles } from "./fleet.js";
import { LAYER_STARTER, LAYER_TEMPLATES, renderHostFile } from "./layers.js";
import { moduleFromText } from "./module.js";
import { renderPlopFiles } from "./plop.js";
import { SERVICE_FILES } from "./services.js";
import { type HomeSpec, renderSpecJson, usedLayers } from "./spec.js";
import { renderTemplateFile } from "./templates.js";

export type NixFileKind = "module" | "template";

export interface HomeNixFile {
  path: string;
  kind: NixFileKind;
  expr: NixExpr;
}

/** A Nix file of the repository besides flake.nix: a template file's text. */
interface NixSource {
  path: string;
  kind: NixFileKind;
  text: string;
}

function nixSources(spec: HomeSpec): NixSource[] {
  const layers = usedLayers(spec);
  return [
    { path: "home.nix", kind: "module", text: renderHomeNix() },
    ...layers.map(
      (l): NixSource => ({
        path: `profiles/${l}.nix`,
        kind: "module",
        text: own(LAYER_TEMPLATES, l) ?? LAYER_STARTER,
      }),
    ),
    ...(layers.includes("base")
      ? SERVICE_FILES.map((f): NixSource => ({ path: f.path, kind: "module", text: f.text }))
      : []),
    ...Object.keys(spec.hosts).map(
      (h): NixSource => ({ path: `hosts/${h}.nix`, kind: "module", text: renderHostFile(h) }),
    ),
    ...spec.templates.map(
      (t): NixSource => ({
        path: `profiles/project-templates/${t}.nix`,
        kind: "template",
        text: renderTemplateFile(t),
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
 * Home Manager modules): each template file as core's Nix parser reads its text.
 */
export function homeNixFiles(spec: HomeSpec): HomeNixFile[] {
  return nixSources(spec).map((s) => ({
    path: s.path,
    kind: s.kind,
    expr: templateModule(s.text),
  }));
}

/** The whole repository for a spec, in memory. */
export function renderHome(spec: HomeSpec): FilePlan {
  const plan: PlannedFile[] = [
    { path: "flake.nix", content: renderHomeFlake(spec.channel) },
    ...nixSources(spec).map((s) => ({ path: s.path, content: s.text })),
    { path: "nixhome.json", content: renderSpecJson(spec) },
    { path: "README.md", content: renderHomeReadme(spec) },
    { path: ".gitignore", content: renderHomeGitignore(spec), merge: "lines" as const },
    ...renderFleetFiles(),
    ...(spec.plop ? renderPlopFiles() : []),
  ];
  checkPlan(plan);
  return plan;
}
