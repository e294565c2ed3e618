import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "vlang",
  name: "V",
  aliases: ["v"],
  packages: ["vlang"],
};

export const vlang: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "The V programming language (v fmt and v-analyzer via `v install`)",
  markers: [{ file: "v.mod" }],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  vlang: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/vl/vlang/package.nix",
};
