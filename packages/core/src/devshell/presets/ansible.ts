import type { Evidence, Preset } from "../preset.js";

export const ansible: Preset = {
  id: "ansible",
  name: "Ansible",
  aliases: ["ansible-playbook"],
  description: "Ansible playbooks and roles with ansible-lint, yamllint and the language server",
  packages: ["ansible", "ansible-lint", "ansible-language-server", "yamllint"],
  markers: [
    { file: "ansible.cfg" },
    { file: "galaxy.yml" },
    { file: "requirements.yml", contains: "^(collections|roles):" },
  ],
  watch: ["ansible.cfg", "requirements.yml"],
};

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  ansible: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/an/ansible/package.nix",
  "ansible-lint": "NixOS/nixpkgs:pkgs/by-name/an/ansible-lint/package.nix",
  "ansible-language-server": "NixOS/nixpkgs:pkgs/by-name/an/ansible-language-server/package.nix",
  yamllint: "NixOS/nixpkgs:pkgs/by-name/ya/yamllint/package.nix",
};
