/**
 * The project templates a home repository can have, without the presets they
 * are generated from: id, aliases, and what the prompt shows. Generated with
 * the template files (project-templates.gen.ts), so create-nix-home checks and
 * offers templates without bundling any preset.
 */
import { findIn } from "../devshell/find.js";
import { TEMPLATE_CATALOG } from "./project-templates.gen.js";

export interface TemplateEntry {
  /** The preset id: `profiles/project-templates/<id>.nix`. */
  id: string;
  /** Display name: "Python". */
  name: string;
  /** Other words for it: "py". */
  aliases: readonly string[];
  /** The packages its shell starts with, for a prompt's hint. */
  hint: string;
}

export { TEMPLATE_CATALOG };

/** The template whose id or alias is `word` (case-insensitive). */
export function findTemplate(word: string): TemplateEntry | undefined {
  return findIn(word, TEMPLATE_CATALOG);
}
