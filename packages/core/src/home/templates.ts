/**
 * Project templates: `profiles/project-templates/<lang>.nix`, a function
 * `{ pkgs }: pkgs.mkShell { … }`. Fixed per preset and release, so they are
 * template files (templates/home/project-templates/<id>.nix), generated from
 * the presets by `pnpm --filter @nixhome/core gen:templates` (see
 * template-exprs.ts) and bundled as text.
 */
import { findShell } from "../devshell/lookup.js";
import { own } from "../own.js";
import { NixhomeError } from "../plan/plan.js";
import { PROJECT_TEMPLATES } from "./project-templates.gen.js";
import { checkTemplate } from "./spec.js";

export { PROJECT_TEMPLATES };

/** Text of `profiles/project-templates/<lang>.nix` for a language id or alias. */
export function renderTemplateFile(lang: string): string {
  const id = findShell(lang)?.id;
  const text = id === undefined ? undefined : own(PROJECT_TEMPLATES, id);
  if (text === undefined)
    throw new NixhomeError(
      id === undefined
        ? (checkTemplate(lang) as string)
        : `internal: no project template for ${id} (pnpm --filter @nixhome/core gen:templates)`,
      2,
    );
  return text;
}
