export {
  type ComposedShell,
  composeShell,
  mkShellExpr,
  type PresetChoice,
  resolveVersion,
  SAFE_PATH,
  type ShellInput,
} from "./compose.js";
export {
  type DetectedPreset,
  type Detection,
  type DetectOptions,
  detectProject,
  findPreset,
  MAX_SUBDIRS,
  matchVersion,
  type PresetHints,
  presetHints,
  SKIPPED_SUBDIRS,
} from "./detect.js";
export {
  applyGitignoreInserts,
  type GitignoreInsert,
  type GitignorePlan,
  gitignoreInserts,
  gitignoreMatcher,
  planGitignore,
} from "./gitignore.js";
export { findIn, findShell, presetShells } from "./lookup.js";
export { jsonPath, type Pin, parseMiseTools, parseToolVersions, pinsIn } from "./pins.js";
export {
  definePreset,
  type Evidence,
  type Marker,
  type PackageSet,
  type PkgAttr,
  type Preset,
  type PresetProject,
  type PresetShell,
  presetAttrs,
  type ShellCommand,
  type ToolChoice,
  type ToolchainFile,
  type VersionKnob,
  type VersionSource,
} from "./preset.js";
export { presets } from "./presets/index.js";
export {
  type DevShellSpec,
  envrcLoadsShell,
  gitignoreLines,
  renderDevShell,
  renderEnvrc,
  renderFlake,
  renderGitignore,
  renderHomeEnvrc,
  shellTitle,
  shellWord,
} from "./render.js";
export {
  keySatisfies,
  type PinKind,
  type PinMatch,
  parseRange,
  satisfyingKey,
} from "./versions.js";
