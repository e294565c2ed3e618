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

/**
 * A value Home Manager still accepts but warns about
 * (lib.hm.deprecations.mkDeprecatedOptionValueWarning: `shape`;
 * mkDeprecatedOptionValueRenameWarning: `value`), read from the call site.
 * A field the call computes from the module's own variables is null.
 */
export interface ValueRule {
  kind: "shape" | "value";
  option: string[] | null;
  /** HM's words for the deprecated value ("a list", `"kde6"`). */
  old: string | null;
  /** The Nix type `old` names (list, bool, …); null when it names none. */
  shape: "list" | "bool" | "string" | "set" | "function" | "path" | null;
  replacement: string | null;
  /** HM's message, exactly as its function builds it (null when not known statically). */
  message: string | null;
  /** HM adds details computed from the user's value: not part of `message`. */
  detailsDynamic?: boolean;
  /** The call site in Home Manager: `modules/…nix:line`. */
  source: string;
}

/** lib.hm.deprecations.remapAttrsRecursive applied to an option's value: keys HM renames. */
export interface RemapRule {
  option: string[] | null;
  /** The predicate and transform, as HM's source names them. */
  pred: string | null;
  transform: string | null;
  /** Keys never renamed. */
  ignore: string[] | null;
  source: string;
}

export interface RenameData {
  source: {
    homeManager: { repository: string; commit: string; date: string };
    nixpkgs: string;
    generator: string;
  };
  counts: Record<string, number>;
  options: OptionRule[];
  values: ValueRule[];
  remaps: RemapRule[];
  packages: PackageRule[];
  sha256: string;
}

/** The data committed with this version. */
export const renameData: RenameData = raw as RenameData;
