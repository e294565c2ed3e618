/** Finding a preset (or a preset's shell) by id or alias. */

import { findIn } from "./find.js";
import type { PresetShell } from "./preset.js";
import { presetShells } from "./presets/index.js";

/** A preset's shell by id or alias: all a project template needs. */
export function findShell(word: string): PresetShell | undefined {
  return findIn(word, presetShells);
}

export { findIn, presetShells };
