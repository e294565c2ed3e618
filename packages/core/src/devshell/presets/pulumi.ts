import type { Evidence, Preset } from "../preset.js";

export const pulumi: Preset = {
  id: "pulumi",
  name: "Pulumi",
  aliases: [],
  description: "Pulumi CLI with its language plugins (add a language preset for the SDK)",
  packages: ["pulumi-bin"],
  env: {
    PULUMI_SKIP_UPDATE_CHECK: "true",
  },
  markers: [{ file: "Pulumi.yaml" }, { file: "Pulumi.yml" }],
  watch: ["Pulumi.yaml"],
};

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  "pulumi-bin": "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/pu/pulumi-bin/package.nix",
};
