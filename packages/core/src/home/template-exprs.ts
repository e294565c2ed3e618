/**
 * Where the project templates come from: `profiles/project-templates/<lang>.nix`
 * is a function `{ pkgs }: pkgs.mkShell { … }` composed from the same preset as
 * create-nix-devshell would use, so both tools give the same shell. The
 * presets are the source of truth; `pnpm --filter @nixhome/core gen:templates`
 * prints each into templates/home/project-templates/ (a test fails when one
 * differs), and renderHome plans those texts (templates.ts) without the printer.
 */
import { composeShell, mkShellExpr } from "../devshell/compose.js";
import { findShell } from "../devshell/lookup.js";
import type { NixExpr } from "../nix/ast.js";
import { n } from "../nix/build.js";
import { renderNix } from "../nix/printer.js";
import { NixhomeError } from "../plan/plan.js";
import { checkTemplate } from "./spec.js";

/** The template's expression for a language id or alias, composed from its preset. */
export function templateExpr(lang: string): NixExpr {
  const preset = findShell(lang);
  if (!preset) throw new NixhomeError(checkTemplate(lang) as string, 2);
  return n.fn(["pkgs"], mkShellExpr(composeShell([{ preset }])));
}

/** The printer's text of a project template: what templates/home/project-templates/<id>.nix must hold. */
export function printTemplateFile(lang: string): string {
  return renderNix(templateExpr(lang));
}
