import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "platformio",
  name: "PlatformIO",
  aliases: ["pio", "arduino"],
  packages: ["platformio"],
  shellHook: 'export PLATFORMIO_CORE_DIR="$project_root/.platformio"',
};

export const platformio: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "PlatformIO embedded toolchain manager; its state stays in ./.platformio",
  markers: [{ file: "platformio.ini" }],
  watch: ["platformio.ini"],
  gitignore: [".pio/", ".platformio/"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  platformio: "attributes.json (present); NixOS/nixpkgs:pkgs/top-level/aliases.nix",
};
