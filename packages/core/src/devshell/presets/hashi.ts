// Terraform, Packer, Vault and Nomad are BSL-licensed (unfree in nixpkgs): they are only
// added with --allow-unfree. OpenTofu is the free default.
import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "hashi",
  name: "HashiCorp / OpenTofu",
  aliases: ["tf", "terraform", "opentofu", "tofu", "hcl"],
  packages: ["opentofu", "tofu-ls", "terraform-ls", "tflint"],
  unfreeOptIn: ["terraform", "packer", "vault", "nomad"],
  env: {
    CHECKPOINT_DISABLE: "1",
  },
};

export const hashi: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description:
    "OpenTofu with tofu-ls, terraform-ls and tflint; Terraform, Packer, Vault, Nomad opt-in",
  markers: [{ ext: ".tf" }, { ext: ".tofu" }, { file: ".terraform.lock.hcl" }, { ext: ".hcl" }],
  watch: [".terraform.lock.hcl"],
  gitignore: [".terraform/"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  opentofu: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/op/opentofu/package.nix",
  "tofu-ls": "NixOS/nixpkgs:pkgs/by-name/to/tofu-ls/package.nix",
  "terraform-ls":
    "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/te/terraform-ls/package.nix",
  tflint: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/tf/tflint/package.nix",
  terraform: "attributes.json (unfree); pkgs/applications/networking/cluster/terraform/default.nix",
  packer: "attributes.json (unfree); NixOS/nixpkgs:pkgs/by-name/pa/packer/package.nix",
  vault: "attributes.json (unfree); NixOS/nixpkgs:pkgs/by-name/va/vault/package.nix",
  nomad: "attributes.json (unfree); pkgs/applications/networking/cluster/nomad/default.nix",
};
