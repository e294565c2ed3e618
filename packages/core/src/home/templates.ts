/**
 * Project templates: `profiles/project-templates/<lang>.nix` is a function
 * `{ pkgs }: pkgs.mkShell { … }` built from the same preset as
 * create-nix-devshell would use, so both tools give the same shell.
 */
import { composeShell, mkShellExpr } from "../devshell/compose.js";
import { findShell } from "../devshell/lookup.js";
import type { NixExpr } from "../nix/ast.js";
import { n } from "../nix/build.js";
import { renderNix } from "../nix/printer.js";
import { NixhomeError } from "../plan/plan.js";
import { checkTemplate } from "./spec.js";

/** The template's expression for a language id or alias. */
export function templateExpr(lang: string): NixExpr {
  const preset = findShell(lang);
  if (!preset) throw new NixhomeError(checkTemplate(lang) as string, 2);
  return n.fn(["pkgs"], mkShellExpr(composeShell([{ preset }])));
}

/** Text of `profiles/project-templates/<lang>.nix`. */
export function renderTemplateFile(lang: string): string {
  return renderNix(templateExpr(lang));
}
