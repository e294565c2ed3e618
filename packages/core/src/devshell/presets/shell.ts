import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "shell",
  name: "Shell",
  aliases: ["sh", "bash", "shellscript"],
  packages: ["shellcheck", "shfmt", "bash-language-server"],
};

export const shell: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "Shell scripting with ShellCheck, shfmt and bash-language-server",
  markers: [{ file: ".shellcheckrc" }, { ext: ".sh" }, { ext: ".bash" }, { ext: ".bats" }],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  shellcheck: "attributes.json (present); the-nix-way/dev-templates@4eab4b7:shell/flake.nix",
  shfmt: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/sh/shfmt/package.nix",
  "bash-language-server":
    "attributes.json (present); pkgs/by-name/ba/bash-language-server/package.nix",
};
