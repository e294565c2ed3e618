// Bundler ships with Ruby. ruby_3_5 is a deprecated alias of ruby_4_0 and ruby_3_2 is
// gone; ruby-lsp comes from rubyPackages and runs as a tool.
import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "ruby",
  name: "Ruby",
  aliases: ["rb", "rails"],
  version: {
    flag: "ruby",
    default: "3.4",
    attrs: {
      "3.4": "ruby_3_4",
      "4.0": "ruby_4_0",
    },
  },
  packages: ["rubyPackages.ruby-lsp", "rubocop"],
  shellHook: `export GEM_HOME="$project_root/.gem"
export PATH="$GEM_HOME/bin:$PATH"`,
};

export const ruby: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "Ruby with Bundler (gems into ./.gem), ruby-lsp and RuboCop",
  markers: [
    { file: "Gemfile", nested: "^\\s*(source|gem|gemspec)\\b" },
    { file: ".ruby-version" },
    { ext: ".gemspec" },
  ],
  versionFrom: [
    { file: ".ruby-version", pattern: "^\\s*(?:ruby-)?(\\d+(?:\\.\\d+)*)" },
    { file: "Gemfile", pattern: "^\\s*ruby\\s+[\"']([^\"']+)[\"']", kind: "range" },
  ],
  toolNames: ["ruby"],
  watch: ["Gemfile", "Gemfile.lock", ".ruby-version"],
  gitignore: [".gem/"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  ruby_3_4: "attributes.json (present); NixOS/nixpkgs:doc/release-notes/rl-2605.section.md",
  ruby_4_0: "attributes.json (present); NixOS/nixpkgs:pkgs/top-level/aliases.nix",
  "rubyPackages.ruby-lsp":
    "NixOS/nixpkgs:pkgs/development/ruby-modules/with-packages/Gemfile (ruby-lsp)",
  rubocop: "NixOS/nixpkgs:pkgs/development/tools/rubocop/default.nix",
};
