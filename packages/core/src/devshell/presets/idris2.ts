import type { Evidence, Preset } from "../preset.js";

export const idris2: Preset = {
  id: "idris2",
  name: "Idris 2",
  aliases: ["idris"],
  description: "Idris 2 dependently typed language (Chez Scheme backend)",
  packages: ["idris2"],
  markers: [{ ext: ".ipkg" }, { file: "pack.toml" }],
};

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  idris2: "NixOS/nixpkgs:pkgs/by-name/id/idris2/package.nix",
};
