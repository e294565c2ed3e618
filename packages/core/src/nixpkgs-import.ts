/**
 * `import nixpkgs { inherit system; config.allowUnfreePredicate = …; }`: the one
 * way nixhome's flakes get a package set that allows exactly the unfree
 * packages named (never all unfree software).
 */
import type { NixExpr } from "./nix/ast.js";
import { n } from "./nix/build.js";

export function importNixpkgs(options: {
  /** Where `getName` comes from: `lib` when in scope, else `nixpkgs.lib`. */
  lib: string;
  /** A Nix list (expression) of allowed package names. */
  allowed: NixExpr;
  comment?: string;
}): NixExpr {
  return n.call(
    "import",
    n.id("nixpkgs"),
    n.attrs([
      n.inherit(["system"]),
      n.bind(
        "config.allowUnfreePredicate",
        n.lambda(
          "pkg",
          n.call("builtins.elem", n.call(`${options.lib}.getName`, n.id("pkg")), options.allowed),
        ),
        options.comment ? { comment: options.comment } : {},
      ),
    ]),
  );
}
