/**
 * Builders for the expression model. Arguments that are not expression nodes
 * are converted with `toNix`, so data and expressions mix freely:
 *
 *   n.call("lib.mkDefault", "vim")            →  lib.mkDefault "vim"
 *   n.attrs([n.bind("programs.git.enable", true)])
 */
import {
  type BinaryOp,
  type Binding,
  type BindingLike,
  type Inherit,
  isNixExpr,
  type LambdaParam,
  type ListItem,
  NIX_NODE,
  type NixAttrs,
  type NixExpr,
  type NixList,
  type NixString,
  type PatternField,
} from "./ast.js";
import { isIdentifier } from "./lexical.js";
import { type NixValue, toNix } from "./to-nix.js";

type Arg = NixExpr | NixValue;

function node<T extends { kind: string }>(fields: T): T & { [NIX_NODE]: true } {
  return { [NIX_NODE]: true, ...fields };
}

function expr(value: Arg): NixExpr {
  return isNixExpr(value) ? value : toNix(value);
}

function checkIdent(name: string): string {
  if (!isIdentifier(name)) throw new TypeError(`not a Nix identifier: ${JSON.stringify(name)}`);
  return name;
}

/** Split a dotted path; use an array to keep a dot inside one name. */
function splitPath(path: string | readonly string[]): readonly string[] {
  if (typeof path !== "string") return path;
  return path.split(".");
}

export const n = {
  str(text: string): NixString {
    return node({ kind: "string", parts: [text] });
  },
  /** Interpolated string: n.interp`${n.ref("pkgs.git")}/bin/git` */
  interp(strings: TemplateStringsArray, ...exprs: NixExpr[]): NixString {
    const parts: Array<string | NixExpr> = [];
    strings.forEach((s, i) => {
      if (s) parts.push(s);
      const e = exprs[i];
      if (e) parts.push(e);
    });
    return node({ kind: "string", parts });
  },
  int(value: number | bigint): NixExpr {
    return node({ kind: "int", value: BigInt(value) });
  },
  float(value: number): NixExpr {
    return node({ kind: "float", value });
  },
  bool(value: boolean): NixExpr {
    return node({ kind: "bool", value });
  },
  null(): NixExpr {
    return node({ kind: "null" });
  },
  path(value: string): NixExpr {
    return node({ kind: "path", value });
  },
  id(name: string): NixExpr {
    return node({ kind: "ident", name: checkIdent(name) });
  },
  /** `pkgs.git`, `inputs.nixpkgs.lib` — a variable and a selection path. */
  ref(path: string | readonly string[]): NixExpr {
    const [head, ...rest] = splitPath(path);
    const base = n.id(head as string);
    return rest.length ? node({ kind: "select", expr: base, path: rest }) : base;
  },
  /** `base.a.b`; an expression element is written `base.${e}`. */
  select(base: NixExpr, path: string | ReadonlyArray<string | NixExpr>, or?: Arg): NixExpr {
    return node({
      kind: "select",
      expr: base,
      path: typeof path === "string" ? splitPath(path) : path,
      ...(or === undefined ? {} : { or: expr(or) }),
    });
  },
  call(fn: NixExpr | string, ...args: Arg[]): NixExpr {
    return node({
      kind: "apply",
      fn: typeof fn === "string" ? n.ref(fn) : fn,
      args: args.map(expr),
    });
  },
  /** `x: body` */
  lambda(param: string, body: Arg): NixExpr {
    return node({
      kind: "lambda",
      param: { kind: "ident", name: checkIdent(param) },
      body: expr(body),
    });
  },
  /** `{ a, b ? d, ... }: body`, optionally `bind@{ … }:` */
  fn(
    fields: ReadonlyArray<string | PatternField>,
    body: Arg,
    opts: { ellipsis?: boolean; bind?: string } = {},
  ): NixExpr {
    const param: LambdaParam = {
      kind: "pattern",
      fields: fields.map((f) =>
        typeof f === "string" ? { name: checkIdent(f) } : { ...f, name: checkIdent(f.name) },
      ),
      ellipsis: opts.ellipsis ?? false,
      ...(opts.bind ? { bind: checkIdent(opts.bind) } : {}),
    };
    return node({ kind: "lambda", param, body: expr(body) });
  },
  attrs(bindings: ReadonlyArray<BindingLike | null | undefined | false>, rec = false): NixAttrs {
    return node({
      kind: "attrs",
      bindings: bindings.filter((b): b is BindingLike => Boolean(b)),
      ...(rec ? { rec } : {}),
    });
  },
  /** `a.b.c = value;` — a string path is split on dots. */
  bind(
    path: string | readonly string[],
    value: Arg,
    opts: { comment?: string; gap?: boolean } = {},
  ): Binding {
    return { kind: "bind", path: splitPath(path), value: expr(value), ...opts };
  },
  inherit(
    names: readonly string[],
    from?: NixExpr,
    opts: { comment?: string; gap?: boolean } = {},
  ): Inherit {
    return { kind: "inherit", names, ...(from ? { from } : {}), ...opts };
  },
  list(items: ReadonlyArray<Arg | ListItem>): NixList {
    return node({
      kind: "list",
      items: items.map((i) => (isListItem(i) ? i : { expr: expr(i) })),
    });
  },
  /** A list item with a comment above it. */
  item(value: Arg, comment?: string): ListItem {
    return { expr: expr(value), ...(comment ? { comment } : {}) };
  },
  let(bindings: ReadonlyArray<BindingLike | null | undefined | false>, body: Arg): NixExpr {
    return node({
      kind: "let",
      bindings: bindings.filter((b): b is BindingLike => Boolean(b)),
      body: expr(body),
    });
  },
  with(scope: NixExpr | string, body: Arg): NixExpr {
    return node({
      kind: "with",
      scope: typeof scope === "string" ? n.ref(scope) : scope,
      body: expr(body),
    });
  },
  if(cond: Arg, then: Arg, otherwise: Arg): NixExpr {
    return node({ kind: "if", cond: expr(cond), then: expr(then), else: expr(otherwise) });
  },
  op(op: BinaryOp, left: Arg, right: Arg): NixExpr {
    return node({ kind: "binary", op, left: expr(left), right: expr(right) });
  },
  /** `a // b // c` */
  update(...operands: Arg[]): NixExpr {
    return chain("//", operands);
  },
  /** `a ++ b ++ c` */
  concat(...operands: Arg[]): NixExpr {
    return chain("++", operands);
  },
  not(value: Arg): NixExpr {
    return node({ kind: "not", expr: expr(value) });
  },
  neg(value: Arg): NixExpr {
    return node({ kind: "neg", expr: expr(value) });
  },
};

function chain(op: "//" | "++", operands: Arg[]): NixExpr {
  if (operands.length === 0) throw new TypeError(`${op} needs at least one operand`);
  // Both operators are right-associative: a // (b // c).
  const exprs = operands.map(expr);
  let result = exprs[exprs.length - 1] as NixExpr;
  for (let i = exprs.length - 2; i >= 0; i--) result = n.op(op, exprs[i] as NixExpr, result);
  return result;
}

function isListItem(value: unknown): value is ListItem {
  return (
    typeof value === "object" &&
    value !== null &&
    !isNixExpr(value) &&
    "expr" in value &&
    isNixExpr((value as ListItem).expr)
  );
}
