// phpPackages.* are built for the default PHP; they run as tools, so they also work
// next to another PHP version picked with the knob.
import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "php",
  name: "PHP",
  aliases: ["composer"],
  version: {
    flag: "php",
    default: "8.4",
    attrs: {
      "8.3": "php83",
      "8.4": "php84",
      "8.5": "php85",
    },
  },
  packages: ["phpPackages.composer", "phpactor", "phpPackages.phpstan"],
};

export const php: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "PHP with Composer, Phpactor and PHPStan",
  markers: [{ file: "composer.json" }],
  versionFrom: [
    { file: ".php-version", pattern: "^\\s*(\\d+\\.\\d+)" },
    { file: ".tool-versions", pattern: "^php\\s+(\\d+\\.\\d+)" },
    { file: "composer.json", pattern: '"php"\\s*:\\s*"[^0-9]*(\\d+\\.\\d+)' },
  ],
  watch: ["composer.json", "composer.lock"],
  gitignore: ["vendor/"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  php83: "attributes.json (present); NixOS/nixpkgs#475115",
  php84: "attributes.json (present); NixOS/nixpkgs#475115",
  php85: "attributes.json (present); NixOS/nixpkgs#538417",
  "phpPackages.composer":
    "attributes.json (present); the-nix-way/dev-templates@4eab4b7:php/flake.nix",
  phpactor: "NixOS/nixpkgs:pkgs/by-name/ph/phpactor/package.nix",
  "phpPackages.phpstan": "NixOS/nixpkgs:pkgs/development/php-packages/phpstan/default.nix",
};
