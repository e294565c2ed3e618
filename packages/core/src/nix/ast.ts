/**
 * The Nix expression model. Everything nixhome writes as Nix is built from
 * these nodes and turned into text by `printer.ts` — the only code in the
 * repository that produces Nix source.
 */

/** Brand that tells expression nodes apart from plain JSON-like data in `toNix`. */
export const NIX_NODE: unique symbol = Symbol.for("nixhome.nix.node");

interface NodeBase {
  readonly [NIX_NODE]: true;
}

/** A string; `parts` alternate literal text and interpolated expressions. */
export interface NixString extends NodeBase {
  kind: "string";
  parts: ReadonlyArray<string | NixExpr>;
}
export interface NixInt extends NodeBase {
  kind: "int";
  value: bigint;
}
export interface NixFloat extends NodeBase {
  kind: "float";
  value: number;
}
export interface NixBool extends NodeBase {
  kind: "bool";
  value: boolean;
}
export interface NixNull extends NodeBase {
  kind: "null";
}
/** A path literal such as `./profiles/base.nix`. */
export interface NixPath extends NodeBase {
  kind: "path";
  value: string;
}
/** A variable: `pkgs`, `lib`, `inputs`. */
export interface NixIdent extends NodeBase {
  kind: "ident";
  name: string;
}
/** `expr.a.b` (or `expr.${name}` for an expression element) with an optional `or` default. */
export interface NixSelect extends NodeBase {
  kind: "select";
  expr: NixExpr;
  path: ReadonlyArray<string | NixExpr>;
  or?: NixExpr;
}
/** Function application `f a b`. */
export interface NixApply extends NodeBase {
  kind: "apply";
  fn: NixExpr;
  args: readonly NixExpr[];
}
export interface PatternField {
  name: string;
  default?: NixExpr;
}
/** `x:` or `{ a, b ? 1, ... }:` or `inputs@{ self, ... }:` */
export type LambdaParam =
  | { kind: "ident"; name: string }
  | { kind: "pattern"; fields: readonly PatternField[]; ellipsis: boolean; bind?: string };
export interface NixLambda extends NodeBase {
  kind: "lambda";
  param: LambdaParam;
  body: NixExpr;
}

/** `a.b.c = value;` — `gap` puts a blank line before it, `comment` a `#` comment. */
export interface Binding {
  kind: "bind";
  path: readonly string[];
  value: NixExpr;
  comment?: string;
  gap?: boolean;
}
/** `inherit a b;` or `inherit (from) a b;` */
export interface Inherit {
  kind: "inherit";
  from?: NixExpr;
  names: readonly string[];
  comment?: string;
  gap?: boolean;
}
export type BindingLike = Binding | Inherit;

export interface NixAttrs extends NodeBase {
  kind: "attrs";
  bindings: readonly BindingLike[];
  rec?: boolean;
}
export interface ListItem {
  expr: NixExpr;
  comment?: string;
}
export interface NixList extends NodeBase {
  kind: "list";
  items: readonly ListItem[];
}
export interface NixLet extends NodeBase {
  kind: "let";
  bindings: readonly BindingLike[];
  body: NixExpr;
}
export interface NixWith extends NodeBase {
  kind: "with";
  scope: NixExpr;
  body: NixExpr;
}
export interface NixIf extends NodeBase {
  kind: "if";
  cond: NixExpr;
  then: NixExpr;
  else: NixExpr;
}
export type BinaryOp = "//" | "++" | "+" | "-" | "==" | "!=" | "&&" | "||";
export interface NixBinary extends NodeBase {
  kind: "binary";
  op: BinaryOp;
  left: NixExpr;
  right: NixExpr;
}
export interface NixNeg extends NodeBase {
  kind: "neg";
  expr: NixExpr;
}
export interface NixNot extends NodeBase {
  kind: "not";
  expr: NixExpr;
}

export type NixExpr =
  | NixString
  | NixInt
  | NixFloat
  | NixBool
  | NixNull
  | NixPath
  | NixIdent
  | NixSelect
  | NixApply
  | NixLambda
  | NixAttrs
  | NixList
  | NixLet
  | NixWith
  | NixIf
  | NixBinary
  | NixNeg
  | NixNot;

export function isNixExpr(value: unknown): value is NixExpr {
  return typeof value === "object" && value !== null && NIX_NODE in value;
}
