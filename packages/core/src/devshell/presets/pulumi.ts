import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "pulumi",
  name: "Pulumi",
  aliases: [],
  packages: ["pulumi-bin"],
  env: {
    PULUMI_SKIP_UPDATE_CHECK: "true",
  },
};

export const pulumi: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "Pulumi CLI with its language plugins (add a language preset for the SDK)",
  markers: [{ file: "Pulumi.yaml" }, { file: "Pulumi.yml" }],
  watch: ["Pulumi.yaml"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  "pulumi-bin": "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/pu/pulumi-bin/package.nix",
};
