// jdk23 was removed as end of life; only LTS releases are offered.
import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "java",
  name: "Java",
  aliases: ["jdk", "jvm", "openjdk", "maven"],
  version: {
    flag: "java",
    default: "21",
    attrs: {
      "17": "jdk17",
      "21": "jdk21",
      "25": "jdk25",
    },
  },
  packages: ["maven", "gradle", "jdt-language-server", "google-java-format"],
};

export const java: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "OpenJDK with Maven, Gradle, jdt-language-server and google-java-format",
  markers: [
    { file: "pom.xml", nested: "<project\\b" },
    {
      file: "build.gradle",
      nested: "\\b(plugins|dependencies|apply plugin|sourceCompatibility)\\b",
    },
    { file: "build.gradle.kts", nested: "\\b(plugins|dependencies)\\b" },
    { file: "settings.gradle", nested: "rootProject\\.name|include" },
    { file: "settings.gradle.kts", nested: "rootProject\\.name|include" },
    { file: ".java-version" },
  ],
  toolNames: ["java"],
  versionFrom: [
    { file: ".java-version", pattern: "^\\s*(?:[a-z]+-)?(\\d+)" },
    { file: ".sdkmanrc", pattern: "^java=(\\d+)" },
    { file: "pom.xml", pattern: "<maven\\.compiler\\.release>\\s*(\\d+)" },
    { file: "pom.xml", pattern: "<java\\.version>\\s*(\\d+)" },
    { file: "build.gradle.kts", pattern: "JavaLanguageVersion\\.of\\(\\s*(\\d+)" },
    { file: "build.gradle", pattern: "JavaLanguageVersion\\.of\\(\\s*(\\d+)" },
  ],
  watch: ["pom.xml", "build.gradle", "build.gradle.kts", "settings.gradle.kts"],
  gitignore: ["target/", ".gradle/"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  jdk17: "shared/nixpkgs/attributes.json (present): long-standing LTS attribute",
  jdk21: "shared/nixpkgs/attributes.json (present): long-standing LTS attribute",
  jdk25: "attributes.json (present); the-nix-way/dev-templates@4eab4b7:java/flake.nix",
  maven: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/ma/maven/package.nix",
  gradle: "attributes.json (present); the-nix-way/dev-templates@4eab4b7:java/flake.nix",
  "jdt-language-server":
    "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/jd/jdt-language-server/package.nix",
  "google-java-format": "NixOS/nixpkgs:pkgs/by-name/go/google-java-format/package.nix",
};
