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
import type { BinaryOp, BindingLike, NixExpr } from "../nix/ast.js";
import { n } from "../nix/build.js";
import type { NixValue } from "../nix/to-nix.js";
import { toNix } from "../nix/to-nix.js";
import { parseNix } from "../parse/parser.js";
import { stringParts } from "../parse/strings.js";
import {
  type AttrName,
  type Expr,
  type NixFile,
  type SyntaxBindingLike,
  staticName,
} from "../parse/syntax.js";

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

/**
 * A module file's text as an expression, read with core's Nix parser (the
 * doctor's), so the checks above read a template file as it is, hand edits
 * included. `#` comments above a binding or list item, and a blank line
 * before it, are kept (the printer prints the result back as it was written).
 * Syntax the expression model has no node for is read the way Nix desugars it:
 * `a < b` → `__lessThan a b`, `a * b` → `__mul a b`, `a -> b` → `!a || b`,
 * `e ? a` → `__hasAttr e "a"`, `<p>` → `__findFile __nixPath "p"`; `assert c; e`
 * is read as `e` (the checks look at definitions). A `${…}` attribute name stays
 * its source text, so an option check reports it rather than skipping it.
 */
export function moduleFromText(source: string): NixExpr {
  const file = parseNix(source);
  return new FromSyntax(file).expr(file.expr);
}

const DESUGARED: Readonly<Record<string, (l: NixExpr, r: NixExpr) => NixExpr>> = {
  "<": (l, r) => n.call("__lessThan", l, r),
  ">": (l, r) => n.call("__lessThan", r, l),
  "<=": (l, r) => n.not(n.call("__lessThan", r, l)),
  ">=": (l, r) => n.not(n.call("__lessThan", l, r)),
  "*": (l, r) => n.call("__mul", l, r),
  "/": (l, r) => n.call("__div", l, r),
  "->": (l, r) => n.op("||", n.not(l), r),
};
const BINARY = new Set<string>(["//", "++", "+", "-", "==", "!=", "&&", "||"]);

class FromSyntax {
  constructor(readonly file: NixFile) {}

  /** The `#` comment lines in [from, to) and whether a blank line comes before them. */
  trivia(from: number, to: number): { comment?: string; gap?: boolean } {
    const lines: string[] = [];
    let first = to;
    for (const c of this.file.comments) {
      if (c.start < from || c.end > to || c.block) continue;
      if (lines.length === 0) first = c.start;
      lines.push(this.file.source.slice(c.start + 1, c.end).replace(/^ /, ""));
    }
    const gap = /\n[ \t]*\n/.test(this.file.source.slice(from, first));
    return { ...(lines.length ? { comment: lines.join("\n") } : {}), ...(gap ? { gap } : {}) };
  }

  name(a: AttrName): string {
    return staticName(a) ?? this.file.source.slice(a.start, a.end);
  }

  selector(a: AttrName): string | NixExpr {
    if (a.kind === "ident") return a.name;
    return staticName(a) ?? this.expr(a.kind === "interp" ? a.expr : a.str);
  }

  bindings(bs: readonly SyntaxBindingLike[], open: number): BindingLike[] {
    let prev = open;
    return bs.map((b) => {
      const t = this.trivia(prev, b.start);
      prev = b.end;
      if (b.type === "Inherit")
        return n.inherit(
          b.names.map((x) => this.name(x)),
          b.from ? this.expr(b.from) : undefined,
          t,
        );
      return n.bind(
        b.path.names.map((x) => this.name(x)),
        this.expr(b.value),
        t,
      );
    });
  }

  expr(e: Expr): NixExpr {
    switch (e.type) {
      case "Var":
        if (e.name === "true" || e.name === "false") return n.bool(e.name === "true");
        if (e.name === "null") return n.null();
        // `f or` passes a variable named `or` (parser.y), which n.id would refuse.
        return e.name === "or" ? ({ ...n.id("x"), name: "or" } as NixExpr) : n.id(e.name);
      case "Int":
        return n.int(BigInt(e.raw));
      case "Float":
        return n.float(Number(e.raw));
      case "String": {
        const parts: Array<string | NixExpr> = [];
        for (const p of stringParts(e)) {
          if (p.kind === "interp") parts.push(this.expr(p.expr));
          else if (typeof parts[parts.length - 1] === "string") parts[parts.length - 1] += p.value;
          else parts.push(p.value);
        }
        return { ...n.str(""), parts };
      }
      case "Path":
        if (e.parts.every((p) => p.kind !== "interp"))
          return n.path(this.file.source.slice(e.start, e.end));
        return {
          ...n.str(""),
          parts: e.parts.map((p) => (p.kind === "interp" ? this.expr(p.expr) : p.value)),
        };
      case "SPath":
        return n.call("__findFile", n.id("__nixPath"), e.raw.slice(1, -1));
      case "Uri":
        return n.str(e.raw);
      case "Paren":
        return this.expr(e.expr);
      case "List": {
        let prev = e.start + 1;
        return n.list(
          e.items.map((i) => {
            const { comment } = this.trivia(prev, i.start);
            prev = i.end;
            return n.item(this.expr(i), comment);
          }),
        );
      }
      case "AttrSet":
        return n.attrs(this.bindings(e.bindings, e.open + 1), e.rec);
      case "LetOld":
        return n.let(this.bindings(e.bindings, e.start), n.id("body"));
      case "Let":
        return n.let(this.bindings(e.bindings, e.start + 3), this.expr(e.body));
      case "Lambda": {
        const body = this.expr(e.body);
        if (e.param.type === "Ident") return n.lambda(e.param.name, body);
        const p = e.param;
        return n.fn(
          p.formals.map((f) =>
            f.default ? { name: f.name, default: this.expr(f.default) } : f.name,
          ),
          body,
          { ellipsis: p.ellipsis, ...(p.at ? { bind: p.at.name } : {}) },
        );
      }
      case "App":
        return n.call(this.expr(e.fn), ...e.args.map((a) => this.expr(a)));
      case "Select":
        return n.select(
          this.expr(e.expr),
          e.path.names.map((x) => this.selector(x)),
          e.default ? this.expr(e.default) : undefined,
        );
      case "HasAttr":
        return n.call("__hasAttr", this.expr(e.expr), ...e.path.names.map((x) => this.selector(x)));
      case "BinOp": {
        const l = this.expr(e.left);
        const r = this.expr(e.right);
        const desugar = DESUGARED[e.op];
        if (desugar) return desugar(l, r);
        if (!BINARY.has(e.op)) throw new TypeError(`unknown operator ${e.op}`);
        return n.op(e.op as BinaryOp, l, r);
      }
      case "Not":
        return n.not(this.expr(e.expr));
      case "Neg":
        return n.neg(this.expr(e.expr));
      case "If":
        return n.if(this.expr(e.cond), this.expr(e.then), this.expr(e.else));
      case "With":
        return n.with(this.expr(e.env), this.expr(e.body));
      case "Assert":
        return this.expr(e.body);
    }
  }
}
