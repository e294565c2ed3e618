import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "clojure",
  name: "Clojure",
  aliases: ["clj", "cljs", "clojurescript", "bb"],
  packages: ["clojure", "leiningen", "babashka", "clojure-lsp", "clj-kondo"],
};

export const clojure: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "Clojure CLI, Leiningen and Babashka with clojure-lsp and clj-kondo",
  markers: [
    { file: "deps.edn" },
    { file: "project.clj" },
    { file: "bb.edn" },
    { file: "shadow-cljs.edn" },
  ],
  watch: ["deps.edn", "project.clj", "bb.edn"],
  gitignore: [".cpcache/", ".lsp/.cache/", ".clj-kondo/.cache/"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  clojure: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/cl/clojure/package.nix",
  leiningen: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/le/leiningen/package.nix",
  babashka: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/ba/babashka/package.nix",
  "clojure-lsp": "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/cl/clojure-lsp/package.nix",
  "clj-kondo": "NixOS/nixpkgs:pkgs/by-name/cl/clj-kondo/package.nix",
};
