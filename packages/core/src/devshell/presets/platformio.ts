import type { Evidence, Preset } from "../preset.js";

export const platformio: Preset = {
  id: "platformio",
  name: "PlatformIO",
  aliases: ["pio", "arduino"],
  description: "PlatformIO embedded toolchain manager; its state stays in ./.platformio",
  packages: ["platformio"],
  shellHook: 'export PLATFORMIO_CORE_DIR="$PWD/.platformio"',
  markers: [{ file: "platformio.ini" }],
  watch: ["platformio.ini"],
  gitignore: [".pio/", ".platformio/"],
};

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  platformio: "attributes.json (present); NixOS/nixpkgs:pkgs/top-level/aliases.nix",
};
