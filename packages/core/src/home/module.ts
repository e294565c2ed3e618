/**
 * Home Manager modules as expressions, and the one precedence mechanism every
 * layer follows:
 *
 *   base     scalars wrapped in `lib.mkDefault`   (priority 1000: anything above wins)
 *   personal scalars plain                        (priority 100)
 *   host     scalars wrapped in `lib.mkForce`     (priority 50: beats every layer below)
 *
 * Lists (`home.packages`) and attribute sets (`shellAliases`) are never
 * wrapped, so they merge across layers. Custom layers (added with `npx plop
 * profile`) follow the personal rule.
 */
import type { BindingLike, NixExpr } from "../nix/ast.js";
import { n } from "../nix/build.js";
import type { NixValue } from "../nix/to-nix.js";
import { toNix } from "../nix/to-nix.js";

export type Rank = "base" | "layer" | "host";

/** A scalar definition at a layer's precedence. */
export function scalar(rank: Rank, value: NixExpr | NixValue): NixExpr {
  const e = toNix(value);
  if (rank === "base") return n.call("lib.mkDefault", e);
  if (rank === "host") return n.call("lib.mkForce", e);
  return e;
}

/** `with pkgs; [ a b ]` for package attribute names (dotted names select). */
export function packageList(names: readonly string[]): NixExpr {
  return n.with("pkgs", n.list(names.map((p) => n.ref(p))));
}

const ARGS = ["config", "pkgs", "lib", "nixhome"] as const;

/**
 * `{ pkgs, lib, ... }: body` naming exactly the module arguments the body uses,
 * plus `opts.args` (arguments the comments tell a reader to use, e.g. `lib`
 * for `lib.mkForce`). `opts.let` bindings come before the body.
 */
export function moduleFn(
  bindings: ReadonlyArray<BindingLike | null | undefined | false>,
  opts: { args?: readonly string[]; let?: ReadonlyArray<BindingLike> } = {},
): NixExpr {
  const attrs = n.attrs(bindings);
  const body = opts.let?.length ? n.let(opts.let, attrs) : attrs;
  const used = freeNames(body);
  for (const a of opts.args ?? []) used.add(a);
  return n.fn(
    ARGS.filter((a) => used.has(a)),
    body,
    { ellipsis: true },
  );
}

/** Call `visit` on every expression node below (and including) `e`. */
export function walkExpr(e: NixExpr, visit: (e: NixExpr) => void): void {
  visit(e);
  const walkBindings = (bs: readonly BindingLike[]) => {
    for (const b of bs) {
      if (b.kind === "bind") walkExpr(b.value, visit);
      else if (b.from) walkExpr(b.from, visit);
    }
  };
  switch (e.kind) {
    case "string":
      for (const p of e.parts) if (typeof p !== "string") walkExpr(p, visit);
      return;
    case "select":
      walkExpr(e.expr, visit);
      for (const p of e.path) if (typeof p !== "string") walkExpr(p, visit);
      if (e.or) walkExpr(e.or, visit);
      return;
    case "apply":
      walkExpr(e.fn, visit);
      for (const a of e.args) walkExpr(a, visit);
      return;
    case "lambda":
      if (e.param.kind === "pattern")
        for (const f of e.param.fields) if (f.default) walkExpr(f.default, visit);
      walkExpr(e.body, visit);
      return;
    case "attrs":
      walkBindings(e.bindings);
      return;
    case "list":
      for (const i of e.items) walkExpr(i.expr, visit);
      return;
    case "let":
      walkBindings(e.bindings);
      walkExpr(e.body, visit);
      return;
    case "with":
      walkExpr(e.scope, visit);
      walkExpr(e.body, visit);
      return;
    case "if":
      walkExpr(e.cond, visit);
      walkExpr(e.then, visit);
      walkExpr(e.else, visit);
      return;
    case "binary":
      walkExpr(e.left, visit);
      walkExpr(e.right, visit);
      return;
    case "neg":
    case "not":
      walkExpr(e.expr, visit);
      return;
    default:
      return;
  }
}

/** Variable names an expression refers to (a superset of its free variables: enough here). */
export function freeNames(e: NixExpr): Set<string> {
  const names = new Set<string>();
  walkExpr(e, (x) => {
    if (x.kind === "ident") names.add(x.name);
  });
  return names;
}

const PRIORITY_WRAPPERS = new Set(["lib.mkDefault", "lib.mkForce", "lib.mkOverride", "lib.mkIf"]);

function refName(e: NixExpr): string | null {
  if (e.kind === "ident") return e.name;
  if (e.kind === "select" && !e.or && e.path.every((p) => typeof p === "string")) {
    const base = refName(e.expr);
    return base === null ? null : [base, ...(e.path as string[])].join(".");
  }
  return null;
}

/**
 * Every option path a module defines, from its expression (not its text):
 * `{ programs.zsh = { enable = lib.mkDefault true; }; }` → `programs.zsh.enable`.
 * Nested sets are followed, through `lib.mkDefault` / `mkForce` / `mkOverride` /
 * `mkIf` / `mkMerge`; anything else is a leaf value.
 */
export function collectOptionPaths(module: NixExpr): string[][] {
  let body = module;
  while (body.kind === "lambda" || body.kind === "let" || body.kind === "with") body = body.body;
  const out: string[][] = [];
  const visit = (prefix: readonly string[], value: NixExpr): void => {
    if (value.kind === "attrs" && !value.rec) {
      for (const b of value.bindings) {
        // `imports = [ … ]` names other modules; it is not an option.
        if (!prefix.length && b.kind === "bind" && b.path.join(".") === "imports") continue;
        if (b.kind === "bind") visit([...prefix, ...b.path], b.value);
        else for (const name of b.names) out.push([...prefix, name]);
      }
      return;
    }
    if (value.kind === "apply") {
      const fn = refName(value.fn);
      const last = value.args[value.args.length - 1];
      if (fn && PRIORITY_WRAPPERS.has(fn) && last) {
        visit(prefix, last);
        return;
      }
      if (fn === "lib.mkMerge" && value.args[0]?.kind === "list") {
        for (const item of value.args[0].items) visit(prefix, item.expr);
        return;
      }
    }
    if (prefix.length) out.push([...prefix]);
  };
  visit([], body);
  return out;
}

/** Package attribute names a module installs: `with pkgs; [ … ]` items and `pkgs.x` references. */
export function collectPackages(e: NixExpr): string[] {
  const out: string[] = [];
  const add = (name: string) => {
    if (!out.includes(name)) out.push(name);
  };
  walkExpr(e, (x) => {
    if (x.kind === "with" && refName(x.scope) === "pkgs") {
      walkExpr(x.body, (y) => {
        if (y.kind === "list")
          for (const item of y.items) {
            const name = refName(item.expr);
            if (name) add(name);
          }
      });
    }
    const name = refName(x);
    if (
      name?.startsWith("pkgs.") &&
      !name.startsWith("pkgs.stdenv.") &&
      !name.startsWith("pkgs.lib.") &&
      x.kind === "select"
    )
      add(name.slice(5));
  });
  return out;
}
