/**
 * The Nix printer: expression model → source text, laid out exactly as
 * nixfmt 1.4 (default settings: width 100, indent 2) lays it out, so every
 * file nixhome writes is a fixed point of `nixfmt`.
 *
 * It works in two steps, mirroring nixfmt itself: the expression model is
 * first read into the shape nixfmt's parser would build from the printed text
 * (parentheses where precedence needs them, `a.b.c` as one selection, `+`
 * chains re-associated, comments as items), then that tree is turned into a
 * layout document by the rules of nixfmt's `Nixfmt.Pretty` and laid out by
 * `doc.ts` (nixfmt's `Nixfmt.Predoc`). The printed text never spans lines
 * where nixfmt would look at source line numbers, so nixfmt's line-sensitive
 * rules (a list kept expanded because its brackets were on different lines…)
 * never apply to it. This is the only place in nixhome that produces Nix text.
 */
import {
  type BindingLike,
  isNixExpr,
  type LambdaParam,
  type NixExpr,
  type NixString,
} from "./ast.js";
import {
  cat,
  comment,
  type Doc,
  empty,
  emptyline,
  group,
  groupWith,
  hardline,
  hardspace,
  layout,
  line,
  line_,
  nest,
  newline,
  offset,
  PRIORITY_G,
  REGULAR_G,
  sepBy,
  softline,
  softline_,
  surroundWith,
  TRANSPARENT_G,
  taggedGroup,
  text,
  textWidth,
  trailing,
  unexpandSpacingFlat,
} from "./doc.js";
import {
  escapeDoubleQuoted,
  floatLiteral,
  indentedStringLines,
  isIdentifier,
  isInt64,
  isPathLiteral,
  quoteString,
} from "./lexical.js";
import { type NixValue, toNix } from "./to-nix.js";

export interface PrintOptions {
  /** Line width the layout aims for. Default 100 (nixfmt's). */
  width?: number;
}

/** Render a value or expression as a complete Nix file (with trailing newline). */
export function renderNix(value: NixExpr | NixValue, options: PrintOptions = {}): string {
  const expr = isNixExpr(value) ? value : toNix(value);
  const tree = read(expr);
  const width = options.width ?? 100;
  // nixfmt lays a short set pattern (`{ a, b }:`) out differently once its braces are on
  // different lines. When one did not fit on its line, print again with it known as such:
  // that is the layout nixfmt keeps (at most one retry per such pattern).
  // The same holds for `{ a }: x: …` whose body had to start on the next line.
  multiline = new Set();
  bodyBreak = new Set();
  for (;;) {
    let again = false;
    const out = layout(width, 2, group(pFile(tree)), (tag) => {
      if ("body" in tag) {
        const p = (tag as { body: Param }).body;
        if (!bodyBreak.has(p)) again = Boolean(bodyBreak.add(p));
        return;
      }
      const p = tag as Param;
      if (!multiline.has(p) && p.k === "set" && canFlattenAttrs(p))
        again = Boolean(multiline.add(p));
    });
    if (!again) return out;
  }
}

/** Set patterns known to span lines, and those whose body starts on the next line (see renderNix). */
let multiline = new Set<Param>();
let bodyBreak = new Set<Param>();

function pFile(tree: Expr): Doc {
  // A module file (`{ lib, ... }:` then its body) keeps the body on the line after the
  // pattern, as Home Manager and nixpkgs write modules; nixfmt keeps that line break.
  if (tree.k === "abs" && tree.param.k === "set" && !tree.param.bind)
    return cat(pParam(tree.param), text(":"), hardline, pExpr(tree.body));
  return pExpr(tree);
}

// ---------------------------------------------------------------------------
// The tree nixfmt's parser would build (Nixfmt.Types, without trivia).

type Part = { k: "text"; s: string } | { k: "interp"; e: Expr };
type Line = Part[];
type Sel = { k: "id"; s: string } | { k: "str"; lines: Line[] } | { k: "interp"; e: Expr };
type Trivium = { k: "empty" } | { k: "line"; c: string };
type Item<T> = { k: "item"; v: T } | { k: "comments"; t: Trivium[] };
type Binder =
  | { k: "inherit"; from?: Term; names: Sel[] }
  | { k: "assign"; sels: Sel[]; value: Expr };
interface ParamAttr {
  name: string;
  def?: Expr;
}
type Param =
  | { k: "id"; name: string }
  | { k: "set"; attrs: ParamAttr[]; ellipsis: boolean; bind?: string };

type Term =
  | { k: "tok"; s: string; ident: boolean }
  | { k: "sstr"; lines: Line[] }
  | { k: "istr"; lines: Line[] }
  | { k: "path"; s: string }
  | { k: "sel"; t: Term; sels: Sel[]; or?: Term }
  | { k: "list"; items: Item<Term>[] }
  | { k: "set"; rec: boolean; items: Item<Binder>[] }
  | { k: "paren"; e: Expr };

type Expr =
  | { k: "term"; t: Term }
  | { k: "with"; scope: Expr; body: Expr }
  | { k: "let"; binders: Item<Binder>[]; body: Expr }
  | { k: "if"; cond: Expr; then: Expr; else: Expr }
  | { k: "abs"; param: Param; body: Expr }
  | { k: "app"; f: Expr; a: Expr }
  | { k: "op"; l: Expr; op: string; r: Expr }
  | { k: "neg"; e: Expr }
  | { k: "not"; e: Expr };

const term = (t: Term): Expr => ({ k: "term", t });
const tok = (s: string, ident = false): Term => ({ k: "tok", s, ident });
const paren = (e: Expr): Term => ({ k: "paren", e });

// ---------------------------------------------------------------------------
// Reading the expression model into that tree.

// Binding strength, as in the Nix manual's operator table: lower binds tighter.
const ATOM = 0;
const SELECT = 1;
const APPLY = 2;
const NEG = 3;
const OPS: Record<string, { prec: number; assoc: "left" | "right" | "none" }> = {
  "++": { prec: 5, assoc: "right" },
  "+": { prec: 7, assoc: "left" },
  "-": { prec: 7, assoc: "left" },
  "//": { prec: 9, assoc: "right" },
  "==": { prec: 11, assoc: "none" },
  "!=": { prec: 11, assoc: "none" },
  "&&": { prec: 12, assoc: "left" },
  "||": { prec: 13, assoc: "left" },
};
const NOT = 8;
const LOWEST = 20;

function precedence(e: NixExpr): number {
  switch (e.kind) {
    case "int":
      return e.value < 0n ? NEG : ATOM;
    case "float":
      return e.value < 0 || Object.is(e.value, -0) ? NEG : ATOM;
    case "select":
      return SELECT;
    case "apply":
      return APPLY;
    case "neg":
      return NEG;
    case "not":
      return NOT;
    case "binary":
      return (OPS[e.op] as { prec: number }).prec;
    case "lambda":
    case "let":
    case "with":
    case "if":
      return LOWEST;
    default:
      return ATOM;
  }
}

/** `e` as an operand that may bind at most as loosely as `max`, parenthesised otherwise. */
function operand(e: NixExpr, max: number): Expr {
  return precedence(e) > max ? term(paren(read(e))) : read(e);
}
function operandTerm(e: NixExpr, max: number): Term {
  const x = operand(e, max);
  return x.k === "term" ? x.t : paren(x);
}

function read(e: NixExpr): Expr {
  switch (e.kind) {
    case "string":
      return term(readString(e));
    case "int": {
      if (!isInt64(e.value)) throw new TypeError(`integer ${e.value} is outside 64-bit range`);
      // -2^63 has no literal: its magnitude overflows before negation.
      if (e.value === -(2n ** 63n))
        return term(
          paren({
            k: "op",
            l: { k: "neg", e: term(tok("9223372036854775807")) },
            op: "-",
            r: term(tok("1")),
          }),
        );
      if (e.value < 0n) return { k: "neg", e: term(tok(String(-e.value))) };
      return term(tok(String(e.value)));
    }
    case "float": {
      if (!Number.isFinite(e.value)) throw new TypeError(`${e.value} has no Nix equivalent`);
      const lit = floatLiteral(e.value);
      let t: Term;
      const m = /^\((\S+) \/ (\S+)\)$/.exec(lit);
      // Subnormals are written as a quotient of two normal literals.
      if (m)
        t = paren({ k: "op", l: term(tok(m[1] as string)), op: "/", r: term(tok(m[2] as string)) });
      else t = tok(lit);
      return e.value < 0 || Object.is(e.value, -0) ? { k: "neg", e: term(t) } : term(t);
    }
    case "bool":
      return term(tok(e.value ? "true" : "false", true));
    case "null":
      return term(tok("null", true));
    case "path": {
      const p = e.value;
      if (!isPathLiteral(p)) throw new TypeError(`not a Nix path literal: ${JSON.stringify(p)}`);
      return term({
        k: "path",
        s: p.startsWith("/") || p.startsWith(".") || p.startsWith("~") ? p : `./${p}`,
      });
    }
    case "ident":
      return term(tok(e.name, true));
    case "select": {
      // `a.b` selected further is one selection `a.b.c`, as nixfmt parses it.
      const base =
        e.expr.kind === "select" && !e.expr.or
          ? (read(e.expr) as { k: "term"; t: Term & { k: "sel" } }).t
          : null;
      const sels = e.path.map(readSel);
      const or = e.or ? operandTerm(e.or, SELECT) : undefined;
      const t: Term = base
        ? { k: "sel", t: base.t, sels: [...base.sels, ...sels], ...(or ? { or } : {}) }
        : { k: "sel", t: selectBase(e.expr), sels, ...(or ? { or } : {}) };
      return term(t);
    }
    case "apply": {
      let x = operand(e.fn, APPLY);
      for (const a of e.args) x = { k: "app", f: x, a: operand(a, SELECT) };
      return x;
    }
    case "lambda":
      return { k: "abs", param: readParam(e.param), body: read(e.body) };
    case "attrs":
      return term({ k: "set", rec: e.rec ?? false, items: readBinders(e.bindings) });
    case "list":
      return term({
        k: "list",
        items: e.items.flatMap((i) => {
          const it: Item<Term> = { k: "item", v: operandTerm(i.expr, SELECT) };
          return i.comment ? [{ k: "comments", t: commentTrivia(i.comment) }, it] : [it];
        }),
      });
    case "let":
      return { k: "let", binders: readBinders(e.bindings), body: read(e.body) };
    case "with":
      return { k: "with", scope: read(e.scope), body: read(e.body) };
    case "if":
      return { k: "if", cond: read(e.cond), then: read(e.then), else: read(e.else) };
    case "binary": {
      const { prec, assoc } = OPS[e.op] as { prec: number; assoc: string };
      const l = operand(e.left, assoc === "left" ? prec : prec - 1);
      const r = operand(e.right, assoc === "right" ? prec : prec - 1);
      // nixfmt's parser turns `(a + b) + c` into `a + (b + c)` (its mkOp).
      if (e.op === "+" && l.k === "op" && l.op === "+")
        return { k: "op", l: l.l, op: "+", r: { k: "op", l: l.r, op: "+", r } };
      return { k: "op", l, op: e.op, r };
    }
    case "neg":
      return { k: "neg", e: operand(e.expr, APPLY) };
    case "not":
      return { k: "not", e: operand(e.expr, NOT) };
  }
}

/** What `.name` is selected from: a path or number would swallow the dot, so it gets parentheses. */
function selectBase(e: NixExpr): Term {
  if (e.kind === "path" || e.kind === "int" || e.kind === "float") return paren(read(e));
  return operandTerm(e, ATOM);
}

function readSel(p: string | NixExpr): Sel {
  if (typeof p !== "string") return { k: "interp", e: read(p) };
  if (isIdentifier(p)) return { k: "id", s: p };
  return { k: "str", lines: [[{ k: "text", s: escapeDoubleQuoted(p) }]] };
}

function readParam(p: LambdaParam): Param {
  if (p.kind === "ident") return { k: "id", name: p.name };
  return {
    k: "set",
    attrs: p.fields.map((f) =>
      f.default ? { name: f.name, def: read(f.default) } : { name: f.name },
    ),
    ellipsis: p.ellipsis,
    ...(p.bind ? { bind: p.bind } : {}),
  };
}

function readBinders(bindings: readonly BindingLike[]): Item<Binder>[] {
  const items: Item<Binder>[] = [];
  bindings.forEach((b, i) => {
    const trivia: Trivium[] = [];
    if (b.gap && i > 0) trivia.push({ k: "empty" });
    if (b.comment) trivia.push(...commentTrivia(b.comment));
    if (trivia.length) items.push({ k: "comments", t: trivia });
    if (b.kind === "inherit") {
      items.push({
        k: "item",
        v: {
          k: "inherit",
          ...(b.from ? { from: paren(read(b.from)) } : {}),
          names: b.names.map(readSel),
        },
      });
    } else {
      if (b.path.length === 0) throw new TypeError("a binding needs a name");
      items.push({
        k: "item",
        v: { k: "assign", sels: b.path.map(readSel), value: read(b.value) },
      });
    }
  });
  return items;
}

/** The `#` lines of a comment, as nixfmt reads them back (text after `#`). */
function commentTrivia(text: string): Trivium[] {
  return commentLines(text, "")
    .split("\n")
    .filter((l) => l.length > 0)
    .map((l) => ({ k: "line", c: l.slice(1) }));
}

function readString(e: NixString): Term {
  const exprs = e.parts.filter((p): p is NixExpr => typeof p !== "string");
  const lines = indentedStringLines(
    e.parts.map((p) => (typeof p === "string" ? p : { interp: true as const })),
  );
  if (lines)
    return {
      k: "istr",
      lines: lines.map((segs) =>
        segs.map(
          (seg): Part =>
            typeof seg === "string"
              ? { k: "text", s: seg }
              : { k: "interp", e: read(exprs[seg.interp] as NixExpr) },
        ),
      ),
    };
  if (e.parts.length === 1 && typeof e.parts[0] === "string") {
    const s = quoteString(e.parts[0]).slice(1, -1);
    return { k: "sstr", lines: [s ? [{ k: "text", s }] : []] };
  }
  const parts: Line = [];
  e.parts.forEach((p, i) => {
    if (typeof p === "string") {
      const s = escapeDoubleQuoted(p, typeof e.parts[i + 1] === "object");
      if (s) parts.push({ k: "text", s });
    } else parts.push({ k: "interp", e: read(p) });
  });
  return { k: "sstr", lines: [parts] };
}

// ---------------------------------------------------------------------------
// nixfmt's layout rules (Nixfmt.Pretty), for the tree above.

const isSimpleSel = (s: Sel) => s.k === "id";

function pTrivia(t: Trivium[]): Doc {
  if (t.length === 0) return empty;
  return cat(
    hardline,
    ...t.map((x) => (x.k === "empty" ? emptyline : cat(comment(`#${x.c}`), hardline))),
  );
}

function renderItems<T>(sep: Doc, items: Item<T>[], pItem: (v: T) => Doc): Doc {
  return sepBy(
    sep,
    items.map((it) => (it.k === "comments" ? pTrivia(it.t) : group(pItem(it.v)))),
  );
}

const hasOnlyComments = <T>(items: Item<T>[]) =>
  items.length > 0 && items.every((i) => i.k === "comments");

function renderList(itemSep: Doc, items: Item<Term>[]): Doc {
  const sur = hasOnlyComments(items) ? hardline : items.length === 0 ? hardspace : line;
  return cat(text("["), surroundWith(sur, nest(renderItems(itemSep, items, pTerm))), text("]"));
}

function pSel(s: Sel): Doc {
  if (s.k === "id") return text(s.s);
  if (s.k === "str") return prettySimpleString(s.lines);
  return pPart(s);
}

function pBinder(b: Binder): Doc {
  if (b.k === "inherit") {
    const few = b.names.length < 4;
    const sep = few ? line : hardline;
    const nosep = few ? line_ : hardline;
    const ids = sepBy(sep, b.names.map(pSel));
    if (!b.from) return group(cat(text("inherit"), sep, nest(cat(ids, nosep, text(";")))));
    return group(
      cat(
        text("inherit"),
        nest(cat(groupWith(REGULAR_G, cat(line, pTerm(b.from))), sep, ids, nosep, text(";"))),
      ),
    );
  }
  const rhs =
    b.sels.length <= 4 && b.sels.every(isSimpleSel)
      ? absorbRHS(b.value)
      : cat(line_, groupWith(PRIORITY_G, absorbRHS(b.value)));
  return group(
    cat(sepBy(text("."), b.sels.map(pSel)), nest(cat(hardspace, text("="), rhs)), text(";")),
  );
}

function prettySet(wide: boolean, t: Term & { k: "set" }): Doc {
  const krec = t.rec ? cat(text("rec"), hardspace) : empty;
  if (t.items.length === 0) return cat(krec, text("{"), hardspace, text("}"));
  const sep = wide ? hardline : line;
  return cat(
    krec,
    text("{"),
    surroundWith(sep, nest(renderItems(hardline, t.items, pBinder))),
    text("}"),
  );
}

const prettyTermWide = (t: Term): Doc => (t.k === "set" ? prettySet(true, t) : prettyTerm(t));

/** nixfmt's `prettyTerm`: a term without a group around it. */
function prettyTerm(t: Term): Doc {
  switch (t.k) {
    case "tok":
    case "path":
      return text(t.s);
    case "sstr":
      return prettySimpleString(t.lines);
    case "istr":
      return prettyIndentedString(t.lines);
    case "sel": {
      const sep =
        t.t.k === "tok" ? (t.t.ident ? empty : hardspace) : t.t.k === "paren" ? softline_ : line_;
      return cat(
        pTerm(t.t),
        sep,
        ...t.sels.map((s) => cat(text("."), pSel(s))),
        t.or ? cat(softline, nest(cat(text("or"), hardspace, pTerm(t.or)))) : empty,
      );
    }
    case "list":
      if (t.items.length === 0) return cat(text("["), hardspace, text("]"));
      return renderList(hardline, t.items);
    case "set":
      return prettySet(false, t);
    case "paren":
      return group(cat(text("("), nest(parenInner(t.e)), text(")")));
  }
}

/** What goes between `(` and `)`, or `${` and `}` when alone on a string line. */
function parenInner(e: Expr): Doc {
  if (isAbsorbableExpr(e)) return group(absorbExpr(false, e));
  if (e.k === "app") return prettyApp(true, empty, true, e.f, e.a);
  if (e.k === "term" && e.t.k === "sel") {
    if (isAbsorbable(e.t)) return cat(line_, group(pExpr(e)), line_);
    return cat(group(pExpr(e)), line_);
  }
  return cat(line_, group(pExpr(e)), line_);
}

/** nixfmt's `pretty` for a term: lists get their own group. */
const pTerm = (t: Term): Doc => (t.k === "list" ? group(prettyTerm(t)) : prettyTerm(t));

function pParamAttr(a: ParamAttr, comma: Doc): Doc {
  if (!a.def) return cat(text(a.name), comma);
  return group(cat(text(a.name), hardspace, nest(cat(text("?"), absorbRHS(a.def))), comma));
}

function canFlattenAttrs(p: Param & { k: "set" }): boolean {
  return p.attrs.length <= 2 && p.attrs.every((a) => !a.def) && !multiline.has(p);
}

function pParam(p: Param): Doc {
  if (p.k === "id") return text(p.name);
  const bind = p.bind ? text(`${p.bind}@`) : empty;
  if (p.attrs.length === 0 && !p.ellipsis)
    return cat(bind, group(cat(text("{"), hardspace, text("}"))));
  const docs = p.attrs.map((a, i) =>
    i === p.attrs.length - 1 && !p.ellipsis
      ? cat(pParamAttr(a, empty), trailing(","))
      : pParamAttr(a, text(",")),
  );
  if (p.ellipsis) docs.push(text("..."));
  const sep = canFlattenAttrs(p) ? line : hardline;
  return cat(
    bind,
    taggedGroup(p, cat(text("{"), surroundWith(sep, nest(sepBy(sep, docs))), text("}"))),
  );
}

function isAbsorbable(t: Term): boolean {
  switch (t.k) {
    case "istr":
      return t.lines.length >= 2;
    case "set":
    case "list":
      return t.items.length > 0;
    case "paren":
      return t.e.k === "term" && isAbsorbable(t.e.t);
    default:
      return false;
  }
}

function isAbsorbableExpr(e: Expr): boolean {
  switch (e.k) {
    case "term":
      return isAbsorbable(e.t);
    case "with":
      return e.body.k === "term" && isAbsorbable(e.body.t);
    case "abs":
      if (e.param.k === "id") {
        if (e.body.k === "term") return isAbsorbable(e.body.t);
        if (e.body.k === "abs") return isAbsorbableExpr(e.body);
        return false;
      }
      return (
        !e.param.bind &&
        canFlattenAttrs(e.param) &&
        !bodyBreak.has(e.param) &&
        isAbsorbableExpr(e.body)
      );
    default:
      return false;
  }
}

function absorbParen(e: Expr): Doc {
  return groupWith(
    PRIORITY_G,
    nest(cat(text("("), surroundWith(line_, groupWith(REGULAR_G, nest(pExpr(e)))), text(")"))),
  );
}

function absorbExpr(wide: boolean, e: Expr): Doc {
  if (e.k === "term" && isAbsorbable(e.t)) return wide ? prettyTermWide(e.t) : prettyTerm(e.t);
  if (e.k === "with" && e.body.k === "term" && isAbsorbable(e.body.t)) return prettyWith(true, e);
  return pExpr(e);
}

const isUpdateConcatPlus = (op: string) => op === "//" || op === "++" || op === "+";

/** The right-hand side of `name =` (and of a parameter default). */
function absorbRHS(e: Expr): Doc {
  if (e.k === "term") {
    const t = e.t;
    if (
      t.k === "set" &&
      t.items.length === 1 &&
      t.items[0]?.k === "item" &&
      t.items[0].v.k === "inherit"
    )
      return nest(cat(hardspace, group(absorbExpr(false, e))));
    if (isAbsorbableExpr(e)) return nest(cat(hardspace, group(absorbExpr(true, e))));
    if (t.k === "paren") return nest(cat(hardspace, absorbParen(t.e)));
    if (t.k === "sstr" || t.k === "istr" || t.k === "path")
      return nest(cat(hardspace, group(pExpr(e))));
    return nest(groupWith(REGULAR_G, cat(line, pExpr(e))));
  }
  if (isAbsorbableExpr(e)) return nest(cat(hardspace, group(absorbExpr(true, e))));
  if (e.k === "app") return nest(prettyApp(false, line, false, e.f, e.a));
  if (e.k === "with") return nest(groupWith(REGULAR_G, cat(line, pExpr(e))));
  if (e.k === "op" && isUpdateConcatPlus(e.op)) {
    if (e.l.k === "term" && isAbsorbable(e.l.t)) return cat(hardspace, prettyOp(true, e, e.op));
    if (e.r.k === "term" && isAbsorbable(e.r.t))
      return nest(
        groupWith(
          REGULAR_G,
          cat(
            line,
            pExpr(e.l),
            line,
            groupWith(
              TRANSPARENT_G,
              cat(text(e.op), hardspace, groupWith(PRIORITY_G, prettyTermWide(e.r.t))),
            ),
          ),
        ),
      );
  }
  return nest(cat(line, group(pExpr(e))));
}

const COMPARISON = new Set(["==", "!=", "<", ">", "<=", ">="]);

/** nixfmt's `pretty` for an expression. */
function pExpr(e: Expr): Doc {
  switch (e.k) {
    case "term":
      return pTerm(e.t);
    case "with":
      return prettyWith(false, e);
    case "let":
      return cat(
        group(cat(text("let"), hardline, nest(renderItems(hardline, e.binders, pBinder)))),
        hardline,
        group(cat(text("in"), hardline, pExpr(e.body))),
      );
    case "if":
      return groupWith(REGULAR_G, prettyIf(line, e));
    case "abs": {
      const p = e.param;
      if (p.k === "id") return pAbsId(e);
      if (!p.bind && bodyBreak.has(p)) return cat(pParam(p), text(":"), hardline, pExpr(e.body));
      if (!p.bind && canFlattenAttrs(p) && isAbsorbableExpr(e.body)) {
        const body = e.body;
        const doc =
          body.k === "abs" && body.param.k === "id" ? pAbsId(body, { body: p }) : pExpr(body);
        return cat(pParam(p), text(":"), hardspace, groupWith(PRIORITY_G, doc));
      }
      if (e.body.k === "term" && isAbsorbable(e.body.t))
        return cat(pParam(p), text(":"), line, group(prettyTermWide(e.body.t)));
      return cat(pParam(p), text(":"), line, pExpr(e.body));
    }
    case "app":
      return prettyApp(false, empty, false, e.f, e.a);
    case "op":
      if (COMPARISON.has(e.op)) return cat(pExpr(e.l), softline, text(e.op), hardspace, pExpr(e.r));
      return prettyOp(false, e, e.op);
    case "neg":
      return cat(text("-"), pExpr(e.e));
    case "not":
      return cat(text("!"), pExpr(e.e));
  }
}

/** `x: body` (and `x: y: body`); `tag` reports when the whole group had to span lines. */
function pAbsId(e: Expr & { k: "abs" }, tag?: object): Doc {
  const name = (e.param as { name: string }).name;
  const absorbAbs = (depth: number, body: Expr): Doc => {
    if (body.k === "abs" && body.param.k === "id")
      return cat(hardspace, text(body.param.name), text(":"), absorbAbs(depth + 1, body.body));
    if (isAbsorbableExpr(body))
      return cat(hardspace, groupWith(PRIORITY_G, absorbExpr(false, body)));
    return cat(depth <= 2 ? line : hardline, pExpr(body));
  };
  const doc = cat(line_, text(name), text(":"), absorbAbs(1, e.body));
  return tag ? taggedGroup(tag, doc) : groupWith(REGULAR_G, doc);
}

function prettyIf(sep: Doc, e: Expr): Doc {
  if (e.k !== "if") return cat(line, nest(group(pExpr(e))));
  return cat(
    group(cat(text("if"), line, nest(pExpr(e.cond)), line, text("then"))),
    surroundWith(sep, nest(group(pExpr(e.then)))),
    text("else"),
    hardspace,
    prettyIf(hardline, e.else),
  );
}

function isSimple(e: Expr): boolean {
  if (e.k === "term") {
    const t = e.t;
    switch (t.k) {
      case "sstr":
      case "istr":
      case "path":
      case "tok":
        return true;
      case "sel":
        return isSimple(term(t.t)) && t.sels.every(isSimpleSel) && !t.or;
      case "paren":
        return isSimple(t.e);
      default:
        return false;
    }
  }
  if (e.k === "app") {
    if (e.f.k === "app" && e.f.f.k === "app") return false;
    return isSimple(e.f) && isSimple(e.a);
  }
  return false;
}

const isList = (e: Expr): e is { k: "term"; t: Term & { k: "list" } } =>
  e.k === "term" && e.t.k === "list";

function prettyApp(indentFunction: boolean, pre: Doc, hasPost: boolean, f: Expr, a: Expr): Doc {
  const absorbInner = (x: Expr): Doc => {
    if (isList(x)) {
      const items = x.t.items;
      if (items.length <= 6 && items.every((i) => i.k === "comments" || isSimple(term(i.v))))
        return renderList(line, items);
    }
    return pExpr(x);
  };
  const absorbApp = (x: Expr): Doc => {
    if (x.k === "app") {
      if (x.a.k === "term" && x.a.t.k === "sel")
        return cat(
          groupWith(TRANSPARENT_G, absorbApp(x.f)),
          line,
          nest(groupWith(REGULAR_G, absorbInner(x.a))),
        );
      if (isList(x.a) && x.f.k === "app" && isList(x.f.a))
        return groupWith(
          TRANSPARENT_G,
          cat(
            groupWith(TRANSPARENT_G, absorbApp(x.f.f)),
            nest(
              groupWith(
                REGULAR_G,
                cat(line, group(absorbInner(x.f.a)), line, group(absorbInner(x.a))),
              ),
            ),
          ),
        );
      return cat(
        groupWith(TRANSPARENT_G, absorbApp(x.f)),
        line,
        nest(groupWith(PRIORITY_G, absorbInner(x.a))),
      );
    }
    if (indentFunction) return nest(groupWith(REGULAR_G, cat(line_, pExpr(x))));
    return pExpr(x);
  };
  const absorbLast = (x: Expr): Doc => {
    if (x.k === "term") {
      const t = x.t;
      if (isAbsorbable(t)) return groupWith(PRIORITY_G, nest(prettyTerm(t)));
      if (t.k === "paren") {
        const inner = t.e;
        if (
          inner.k === "abs" &&
          inner.param.k === "id" &&
          inner.body.k === "term" &&
          isAbsorbable(inner.body.t)
        )
          return groupWith(
            PRIORITY_G,
            nest(
              cat(
                text("("),
                text(inner.param.name),
                text(":"),
                hardspace,
                prettyTermWide(inner.body.t),
                text(")"),
              ),
            ),
          );
        if (
          inner.k === "app" &&
          inner.f.k === "term" &&
          inner.f.t.k === "tok" &&
          inner.f.t.ident &&
          inner.a.k === "term" &&
          isAbsorbable(inner.a.t)
        )
          return groupWith(
            PRIORITY_G,
            nest(
              cat(text("("), text(inner.f.t.s), hardspace, prettyTermWide(inner.a.t), text(")")),
            ),
          );
        return absorbParen(inner);
      }
    }
    return groupWith(REGULAR_G, nest(pExpr(x)));
  };
  const post = hasPost ? line_ : empty;
  if (f.k === "app" && isList(f.a) && isList(a))
    return groupWith(
      REGULAR_G,
      cat(
        pre,
        groupWith(TRANSPARENT_G, absorbApp(f.f)),
        line,
        nest(group(absorbInner(f.a))),
        line,
        nest(group(absorbInner(a))),
        post,
      ),
    );
  const renderedF = cat(pre, groupWith(TRANSPARENT_G, absorbApp(f)));
  const unexpanded = isSimple({ k: "app", f, a }) ? unexpandSpacingFlat(null, renderedF) : null;
  if (unexpanded) return groupWith(REGULAR_G, cat(unexpanded, hardspace, absorbLast(a)));
  return groupWith(REGULAR_G, cat(renderedF, line, absorbLast(a), post));
}

function prettyOp(forceFirstTermWide: boolean, operation: Expr, op: string): Doc {
  const flat: Array<[string | null, Expr]> = [];
  const flatten = (opL: string | null, x: Expr) => {
    if (x.k === "op" && x.op === op) {
      flatten(opL, x.l);
      flatten(op, x.r);
    } else flat.push([opL, x]);
  };
  flatten(null, operation);
  const absorbOperation = (x: Expr): Doc => {
    if (x.k === "term" && isAbsorbable(x.t)) return cat(hardspace, pTerm(x.t));
    if (x.k === "op") return groupWith(REGULAR_G, cat(line, pExpr(x)));
    if (x.k === "app") return group(cat(hardspace, prettyApp(false, line, false, x.f, x.a)));
    return cat(hardspace, pExpr(x));
  };
  return groupWith(
    REGULAR_G,
    cat(
      ...flat.map(([o, x]) => {
        if (o === null) {
          if (x.k === "term" && isAbsorbable(x.t) && forceFirstTermWide) return prettyTermWide(x.t);
          return pExpr(x);
        }
        return cat(line, text(o), nest(absorbOperation(x)));
      }),
    ),
  );
}

function prettyWith(absorb: boolean, e: Expr & { k: "with" }): Doc {
  if (absorb && e.body.k === "term")
    return groupWith(
      REGULAR_G,
      cat(
        line_,
        text("with"),
        hardspace,
        nest(group(pExpr(e.scope))),
        text(";"),
        hardspace,
        groupWith(PRIORITY_G, prettyTermWide(e.body.t)),
      ),
    );
  return cat(
    group(cat(text("with"), hardspace, nest(group(pExpr(e.scope))), text(";"))),
    line,
    pExpr(e.body),
  );
}

// Strings.

function pPart(p: Part): Doc {
  if (p.k === "text") return text(p.s);
  const e = p.e;
  if (e.k === "term" && isAbsorbable(e.t))
    return group(cat(text("${"), prettyTerm(e.t), text("}")));
  if (isSimple(e)) {
    const d = pExpr(e);
    return cat(text("${"), unexpandSpacingFlat(null, d) ?? d, text("}"));
  }
  const whole = group(pExpr(e));
  return group(
    cat(text("${"), unexpandSpacingFlat(30, whole) ?? surroundWith(line_, nest(whole)), text("}")),
  );
}

const isSpaces = (s: string) => /^ *$/.test(s);

function pLine(parts: Line): Doc {
  const [first, second] = parts;
  if (parts.length === 1 && first?.k === "interp") return pLine([{ k: "text", s: "" }, first]);
  if (parts.length === 2 && first?.k === "text" && second?.k === "interp" && isSpaces(first.s))
    return cat(
      text(first.s),
      offset(textWidth(first.s), group(cat(text("${"), nest(parenInner(second.e)), text("}")))),
    );
  if (first?.k === "text") {
    const ws = /^\s*/.exec(first.s)?.[0] ?? "";
    return cat(text(first.s), offset(textWidth(ws), cat(...parts.slice(1).map(pPart))));
  }
  return cat(...parts.map(pPart));
}

function prettySimpleString(lines: Line[]): Doc {
  return group(cat(text('"'), sepBy(text("\n"), lines.map(pLine)), text('"')));
}

function prettyIndentedString(lines: Line[]): Doc {
  return group(
    cat(
      text("''"),
      lines.length >= 2 ? line_ : empty,
      nest(sepBy(newline, lines.map(pLine))),
      text("''"),
    ),
  );
}

// ---------------------------------------------------------------------------

/**
 * A `#` comment, one per line, each prefixed by `pad`, ending in a newline.
 * Nix's lexer ends a `#` comment at `\n` or `\r` (`\#[^\r\n]*` in Nix 2.8's
 * lexer.l; U+2028, NEL, form feed do not end it), so the text is split on every
 * one of them: nothing after a line break can become code. Other control
 * characters (a NUL would cut the file short for some tools) become spaces.
 */
export function commentLines(comment: string, pad: string): string {
  return (
    comment
      .split(/\r\n|\r|\n/)
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
      .map((l) => l.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, " ").trimEnd())
      .map((l) => (l.length ? `${pad}# ${l}` : `${pad}#`))
      .join("\n")
      .concat("\n")
  );
}
