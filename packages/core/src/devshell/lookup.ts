/** Finding a preset (or a preset's shell) by id or alias. */
import type { PresetShell } from "./preset.js";
import { presetShells } from "./presets/index.js";

/** The entry whose id or alias is `word` (case-insensitive), or undefined. */
export function findIn<T extends Pick<PresetShell, "id" | "aliases">>(
  word: string,
  list: readonly T[],
): T | undefined {
  const w = word.toLowerCase();
  return (
    list.find((p) => p.id === w) ?? list.find((p) => p.aliases.some((a) => a.toLowerCase() === w))
  );
}

/** A preset's shell by id or alias: all a project template needs. */
export function findShell(word: string): PresetShell | undefined {
  return findIn(word, presetShells);
}

export { presetShells };
