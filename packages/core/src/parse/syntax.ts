/**
 * The syntax tree of a Nix file. Lossless: every node records its byte span
 * [start, end) in the source, and the source is kept, so any node's text is
 * `source.slice(node.start, node.end)` and comments and blank lines live in the
 * gaps between tokens. Edits are splices of spans; nothing is re-printed.
 */

export interface Span {
  start: number;
  end: number;
}

/** One part of a string or interpolated path. */
export type StrPart =
  /** Literal text: `raw` as written, `value` decoded (escapes resolved, not dedented). */
  | (Span & { kind: "text"; raw: string; value: string })
  /** An indented-string escape (`''$`, `'''`, `''\n`): ends start-of-line indentation. */
  | (Span & { kind: "escape"; raw: string; value: string })
  | (Span & { kind: "interp"; expr: Expr });

/** One name of an attribute path: `a`, `"a b"`, `${e}`. */
export type AttrName =
  | (Span & { kind: "ident"; name: string })
  | (Span & { kind: "string"; str: StringNode })
  | (Span & { kind: "interp"; expr: Expr });

export interface AttrPath extends Span {
  type: "AttrPath";
  names: AttrName[];
}

export interface SyntaxBinding extends Span {
  type: "Binding";
  path: AttrPath;
  value: Expr;
}

export interface SyntaxInherit extends Span {
  type: "Inherit";
  from?: Expr;
  names: AttrName[];
}

export type SyntaxBindingLike = SyntaxBinding | SyntaxInherit;

export interface StringNode extends Span {
  type: "String";
  indented: boolean;
  parts: StrPart[];
}

export interface Formal extends Span {
  name: string;
  nameSpan: Span;
  default?: Expr;
}

export interface Formals extends Span {
  type: "Formals";
  formals: Formal[];
  ellipsis: boolean;
  /** The `@` name, before or after the set. */
  at?: { name: string; span: Span; before: boolean };
}

export type Expr =
  | (Span & { type: "Var"; name: string })
  | (Span & { type: "Int"; raw: string })
  | (Span & { type: "Float"; raw: string })
  | StringNode
  | (Span & { type: "Path"; parts: StrPart[] })
  | (Span & { type: "SPath"; raw: string })
  | (Span & { type: "Uri"; raw: string })
  | (Span & { type: "Paren"; expr: Expr })
  | (Span & { type: "List"; items: Expr[] })
  | (Span & { type: "AttrSet"; rec: boolean; bindings: SyntaxBindingLike[]; open: number })
  | (Span & { type: "LetOld"; bindings: SyntaxBindingLike[] })
  | (Span & { type: "Let"; bindings: SyntaxBindingLike[]; body: Expr })
  | (Span & {
      type: "Lambda";
      param: Formals | { type: "Ident"; name: string; span: Span };
      body: Expr;
    })
  | (Span & { type: "App"; fn: Expr; args: Expr[] })
  | (Span & { type: "Select"; expr: Expr; path: AttrPath; default?: Expr })
  | (Span & { type: "HasAttr"; expr: Expr; path: AttrPath })
  | (Span & { type: "BinOp"; op: string; left: Expr; right: Expr })
  | (Span & { type: "Not"; expr: Expr })
  | (Span & { type: "Neg"; expr: Expr })
  | (Span & { type: "If"; cond: Expr; then: Expr; else: Expr })
  | (Span & { type: "With"; env: Expr; body: Expr })
  | (Span & { type: "Assert"; cond: Expr; body: Expr });

export type ExprType = Expr["type"];

export interface Comment extends Span {
  block: boolean;
}

export interface NixFile {
  source: string;
  expr: Expr;
  comments: Comment[];
}

/** A syntax error: one line with its position. */
export class NixSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${line}:${column}: ${message}`);
    this.name = "NixSyntaxError";
  }
}

/** 1-based line and column (in UTF-16 code units) of an offset. */
export function lineCol(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = source.indexOf("\n"); i !== -1 && i < offset; i = source.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** The static name of an attribute (`a`, `"a"`), or undefined for `${…}` and interpolated strings. */
export function staticName(a: AttrName): string | undefined {
  if (a.kind === "ident") return a.name;
  const str = a.kind === "string" ? a.str : a.expr.type === "String" ? a.expr : undefined;
  if (!str || str.indented) return undefined;
  let name = "";
  for (const p of str.parts) {
    if (p.kind === "interp") return undefined;
    name += p.value;
  }
  return name;
}
