import type { Evidence, Preset } from "../preset.js";

export const shell: Preset = {
  id: "shell",
  name: "Shell",
  aliases: ["sh", "bash", "shellscript"],
  description: "Shell scripting with ShellCheck, shfmt and bash-language-server",
  packages: ["shellcheck", "shfmt", "bash-language-server"],
  markers: [{ file: ".shellcheckrc" }, { ext: ".sh" }, { ext: ".bash" }, { ext: ".bats" }],
};

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  shellcheck: "attributes.json (present); the-nix-way/dev-templates@4eab4b7:shell/flake.nix",
  shfmt: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/sh/shfmt/package.nix",
  "bash-language-server":
    "attributes.json (present); pkgs/by-name/ba/bash-language-server/package.nix",
};
