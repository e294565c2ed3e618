export {
  type ComposedShell,
  composeShell,
  mkShellExpr,
  type PresetChoice,
  resolveVersion,
} from "./compose.js";
export type { Marker, PkgAttr, Preset, VersionKnob, VersionSource } from "./preset.js";
