/**
 * The rename data of `nixhome doctor`: what Home Manager's own modules declare
 * as renamed, removed or changed (generated from them by
 * scripts/gen-renames.mjs, recording the commit) and retired nixpkgs names.
 */
import raw from "./renames.json" with { type: "json" };

export interface OptionRule {
  kind: "renamed" | "removed" | "changed" | "merged";
  /** The old option path; `<name>` stands for any attribute name, `*` for a list element. */
  from: string[];
  /** The new path (renamed, followed to the end of a chain; changed/merged: where it went). */
  to?: string[];
  /** Home Manager's own words, for removed options. */
  message?: string;
  /** Intermediate paths of a chained rename. */
  via?: string[][];
  /** Set for declarations inside a submodule: the submodule's location. */
  parent?: string[];
}

export interface PackageRule {
  /** The retired name, possibly dotted (`nodePackages.typescript-language-server`). */
  name: string;
  kind: "removed" | "alias";
  /** The name to use instead, when there is exactly one. */
  to?: string;
  message: string;
}

export interface RenameData {
  source: {
    homeManager: { repository: string; commit: string; date: string };
    nixpkgs: string;
    generator: string;
  };
  counts: Record<string, number>;
  options: OptionRule[];
  packages: PackageRule[];
  sha256: string;
}

/** The data committed with this version. */
export const renameData: RenameData = raw as RenameData;
