export {
  type ComposedShell,
  composeShell,
  mkShellExpr,
  type PresetChoice,
  resolveVersion,
} from "./compose.js";
export {
  type DetectedPreset,
  type Detection,
  type DetectOptions,
  detectProject,
  findPreset,
  MAX_SUBDIRS,
  matchVersion,
  SKIPPED_SUBDIRS,
} from "./detect.js";
export { findIn, findShell, presetShells } from "./lookup.js";
export {
  definePreset,
  type Evidence,
  type Marker,
  type PkgAttr,
  type Preset,
  type PresetProject,
  type PresetShell,
  type VersionKnob,
  type VersionSource,
} from "./preset.js";
export { presets } from "./presets/index.js";
export {
  type DevShellSpec,
  envrcLoadsShell,
  renderDevShell,
  renderEnvrc,
  renderFlake,
  renderGitignore,
  renderHomeEnvrc,
  shellTitle,
  shellWord,
} from "./render.js";
