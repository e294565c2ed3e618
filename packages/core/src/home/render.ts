/**
 * renderHome: HomeSpec → FilePlan, pure. flake.nix and home.nix are fixed
 * template files; every other Nix file is an expression printed by the Nix
 * printer, and `homeNixFiles` exposes those expressions so tests (and
 * generators) can inspect structure instead of text.
 */
import type { NixExpr } from "../nix/ast.js";
import { renderNix } from "../nix/printer.js";
import { checkPlan, type FilePlan, type PlannedFile } from "../plan/plan.js";
import { renderHomeGitignore, renderHomeReadme } from "./docs.js";
import { renderHomeFlake, renderHomeNix } from "./flake.js";
import { renderFleetFiles } from "./fleet.js";
import { hostModule, identityModule, layerModule } from "./layers.js";
import { renderPlopFiles } from "./plop.js";
import { serviceFiles } from "./services.js";
import { type HomeSpec, renderSpecJson, usedLayers } from "./spec.js";
import { templateExpr } from "./templates.js";

export type NixFileKind = "module" | "template";

export interface HomeNixFile {
  path: string;
  kind: NixFileKind;
  expr: NixExpr;
}

/**
 * Every printed Nix file of the repository, as expressions (modules are Home
 * Manager modules); home.nix is there as the expression of its template, for checks.
 */
export function homeNixFiles(spec: HomeSpec): HomeNixFile[] {
  return [
    { path: "home.nix", kind: "module", expr: identityModule() },
    ...usedLayers(spec).map((l) => ({
      path: `profiles/${l}.nix`,
      kind: "module" as const,
      expr: layerModule(spec, l),
    })),
    ...(usedLayers(spec).includes("base")
      ? serviceFiles().map((f) => ({ ...f, kind: "module" as const }))
      : []),
    ...Object.keys(spec.hosts).map((h) => ({
      path: `hosts/${h}.nix`,
      kind: "module" as const,
      expr: hostModule(spec, h),
    })),
    ...spec.templates.map((t) => ({
      path: `profiles/project-templates/${t}.nix`,
      kind: "template" as const,
      expr: templateExpr(t),
    })),
  ];
}

/** The whole repository for a spec, in memory. */
export function renderHome(spec: HomeSpec): FilePlan {
  const plan: PlannedFile[] = [
    { path: "flake.nix", content: renderHomeFlake(spec.channel) },
    { path: "home.nix", content: renderHomeNix() },
    ...homeNixFiles(spec)
      .filter((f) => f.path !== "home.nix")
      .map((f) => ({ path: f.path, content: renderNix(f.expr) })),
    { path: "nixhome.json", content: renderSpecJson(spec) },
    { path: "README.md", content: renderHomeReadme(spec) },
    { path: ".gitignore", content: renderHomeGitignore(spec), merge: "lines" as const },
    ...renderFleetFiles(),
    ...(spec.plop ? renderPlopFiles() : []),
  ];
  checkPlan(plan);
  return plan;
}
