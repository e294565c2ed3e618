import type { Preset } from "../preset.js";

export const idris2: Preset = {
  id: "idris2",
  name: "Idris 2",
  aliases: ["idris"],
  description: "Idris 2 dependently typed language (Chez Scheme backend)",
  packages: ["idris2"],
  markers: [{ ext: ".ipkg" }, { file: "pack.toml" }],
  evidence: {
    idris2: "NixOS/nixpkgs:pkgs/by-name/id/idris2/package.nix",
  },
};
