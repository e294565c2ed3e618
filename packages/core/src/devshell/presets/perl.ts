import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "perl",
  name: "Perl",
  aliases: ["perl5", "cpanm"],
  packages: ["perl", "perlPackages.Appcpanminus", "perlnavigator"],
  shellHook: `export PERL_CPANM_OPT="--local-lib-contained=$project_root/local"
export PERL5LIB="$project_root/local/lib/perl5:$PERL5LIB"
export PATH="$project_root/local/bin:$PATH"`,
};

export const perl: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "Perl 5 with cpanminus and Perl Navigator; modules install into ./local",
  markers: [
    { file: "cpanfile" },
    { file: "Makefile.PL" },
    { file: "Build.PL" },
    { file: "dist.ini" },
  ],
  watch: ["cpanfile", "cpanfile.snapshot"],
  gitignore: ["local/"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  perl: "NixOS/nixpkgs:pkgs/development/interpreters/perl/default.nix (CVE-2026 patches)",
  "perlPackages.Appcpanminus":
    "NixOS/nixpkgs:pkgs/top-level/perl-packages.nix (App-cpanminus 1.7045)",
  perlnavigator: "NixOS/nixpkgs:pkgs/by-name/pe/perlnavigator/package.nix",
};
