import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "scala",
  name: "Scala",
  aliases: ["sbt", "scala3"],
  packages: ["scala_3", "sbt", "scala-cli", "metals", "scalafmt"],
};

export const scala: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "Scala 3 with sbt, scala-cli, Metals and scalafmt",
  markers: [
    { file: "build.sbt" },
    { file: "build.sc" },
    { file: "build.mill" },
    { file: "project.scala" },
    { file: ".scalafmt.conf" },
  ],
  watch: ["build.sbt", "build.sc", "build.mill"],
  gitignore: [".bsp/", ".metals/", ".bloop/", ".scala-build/", "target/"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  scala_3: "attributes.json (present); the-nix-way/dev-templates@4eab4b7:scala/flake.nix",
  sbt: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/sb/sbt/package.nix",
  "scala-cli": "NixOS/nixpkgs:pkgs/by-name/sc/scala-cli/package.nix",
  metals: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/me/metals/package.nix",
  scalafmt: "NixOS/nixpkgs:pkgs/by-name/sc/scalafmt/package.nix",
};
