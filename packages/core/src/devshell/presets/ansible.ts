import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "ansible",
  name: "Ansible",
  aliases: ["ansible-playbook"],
  packages: ["ansible", "ansible-lint", "ansible-language-server", "yamllint"],
};

export const ansible: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "Ansible playbooks and roles with ansible-lint, yamllint and the language server",
  markers: [
    { file: "ansible.cfg" },
    { file: "galaxy.yml" },
    { file: "requirements.yml", contains: "^(collections|roles):" },
  ],
  watch: ["ansible.cfg", "requirements.yml"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  ansible: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/an/ansible/package.nix",
  "ansible-lint": "NixOS/nixpkgs:pkgs/by-name/an/ansible-lint/package.nix",
  "ansible-language-server": "NixOS/nixpkgs:pkgs/by-name/an/ansible-language-server/package.nix",
  yamllint: "NixOS/nixpkgs:pkgs/by-name/ya/yamllint/package.nix",
};
