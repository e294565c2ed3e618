// kotlin-language-server is deprecated upstream in favour of JetBrains' kotlin-lsp, which
// was not verified in nixpkgs. The JDK comes from the java preset when both apply.
import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "kotlin",
  name: "Kotlin",
  aliases: ["kt", "kts"],
  packages: ["kotlin", "gradle", "kotlin-language-server", "ktlint"],
};

export const kotlin: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "Kotlin compiler with Gradle, kotlin-language-server and ktlint",
  markers: [
    { file: "build.gradle.kts", contains: "kotlin\\(|org\\.jetbrains\\.kotlin" },
    { file: "build.gradle", contains: "org\\.jetbrains\\.kotlin" },
    { file: "pom.xml", contains: "kotlin-maven-plugin" },
  ],
  watch: ["build.gradle.kts", "settings.gradle.kts"],
  gitignore: [".gradle/", ".kotlin/"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  kotlin: "attributes.json (present); the-nix-way/dev-templates@4eab4b7:kotlin/flake.nix",
  gradle: "attributes.json (present); the-nix-way/dev-templates@4eab4b7:java/flake.nix",
  "kotlin-language-server":
    "attributes.json (present); pkgs/by-name/ko/kotlin-language-server/package.nix",
  ktlint: "NixOS/nixpkgs:pkgs/by-name/kt/ktlint/package.nix",
};
