/**
 * A hand-written recursive-descent parser for the Nix language (the grammar
 * of Nix 2.x: lexer.l and parser.y), producing the lossless tree of
 * `syntax.ts`. It never guesses: input Nix rejects is a NixSyntaxError with
 * its line and column. See docs/decisions (doctor-lossless-parser) for why it
 * is hand-written rather than a Lezer grammar.
 */
import { NIX_KEYWORDS } from "../nix/lexical.js";
import {
  type AttrName,
  type AttrPath,
  type Comment,
  type Expr,
  type Formal,
  type Formals,
  lineCol,
  type NixFile,
  NixSyntaxError,
  type Span,
  type StringNode,
  type StrPart,
  type SyntaxBindingLike,
} from "./syntax.js";

export interface ParseOptions {
  /**
   * Read what `nix-instantiate --parse` prints, which is not quite Nix: paths
   * with a trailing slash (`/a/ + b`) and the bare root `/`, keywords as
   * attribute names (`{ assert = 1; }`), `assert` as a function argument.
   */
  nixPrinted?: boolean;
}

type Tok =
  | "id"
  | "kw"
  | "int"
  | "float"
  | "path"
  | "pathStart"
  | "hpath"
  | "spath"
  | "uri"
  | "str"
  | "istr"
  | "op"
  | "eof";

interface Token {
  t: Tok;
  start: number;
  end: number;
  /** The text (for operators and keywords, the operator itself). */
  v: string;
}

const OPS2 = ["->", "||", "&&", "==", "!=", "<=", ">=", "//", "++", "${"];
const OPS1 = "{}[]();:,.=?@!<>+-*/";

const isIdStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isIdChar = (c: number) =>
  isIdStart(c) || (c >= 48 && c <= 57) || c === 39 /* ' */ || c === 45; /* - */
const isDigit = (c: number) => c >= 48 && c <= 57;
/** [a-zA-Z0-9._\-+] */
const isPathChar = (c: number) =>
  (c >= 65 && c <= 90) ||
  (c >= 97 && c <= 122) ||
  (c >= 48 && c <= 57) ||
  c === 46 ||
  c === 95 ||
  c === 45 ||
  c === 43;
const isSchemeChar = (c: number) =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || isDigit(c) || c === 43 || c === 45 || c === 46;
/** [a-zA-Z0-9%/?:@&=+$,\-_.!~*'] */
const isUriChar = (c: number) =>
  (c >= 65 && c <= 90) ||
  (c >= 97 && c <= 122) ||
  isDigit(c) ||
  "%/?:@&=+$,-_.!~*'".includes(String.fromCharCode(c));

const SIMPLE_START = new Set<Tok>([
  "id",
  "int",
  "float",
  "path",
  "pathStart",
  "hpath",
  "spath",
  "uri",
  "str",
  "istr",
]);

class Parser {
  pos = 0;
  private peeked: Token | undefined;
  private commentsEnd = 0;
  readonly comments: Comment[] = [];

  constructor(
    readonly src: string,
    readonly opts: ParseOptions,
  ) {}

  fail(message: string, at: number): never {
    const { line, column } = lineCol(this.src, at);
    throw new NixSyntaxError(message, at, line, column);
  }

  // ---------------------------------------------------------------- lexer

  /** Skip whitespace and comments from `p`; returns the next significant offset. */
  skipTrivia(p: number): number {
    const s = this.src;
    for (;;) {
      const c = s.charCodeAt(p);
      if (c === 32 || c === 9 || c === 10 || c === 13) p++;
      else if (c === 35 /* # */) {
        const start = p;
        const nl = s.indexOf("\n", p);
        p = nl === -1 ? s.length : nl;
        this.comment(start, p, false);
      } else if (c === 47 /* / */ && s.charCodeAt(p + 1) === 42 /* * */) {
        const start = p;
        const close = s.indexOf("*/", p + 2);
        if (close === -1) this.fail("unterminated /* comment", p);
        p = close + 2;
        this.comment(start, p, true);
      } else return p;
    }
  }

  private comment(start: number, end: number, block: boolean) {
    if (start >= this.commentsEnd) {
      this.comments.push({ start, end, block });
      this.commentsEnd = end;
    }
  }

  /** Length of a path literal at p ({PATH_CHAR}*(/{PATH_CHAR}+)+/?), or a path start before `${`. */
  private pathAt(p: number): { end: number; interp: boolean } | undefined {
    const s = this.src;
    let q = p;
    while (isPathChar(s.charCodeAt(q))) q++;
    let segments = 0;
    for (;;) {
      if (s.charCodeAt(q) !== 47) break;
      if (s.charCodeAt(q + 1) === 36 && s.charCodeAt(q + 2) === 123)
        return { end: q + 1, interp: true };
      let r = q + 1;
      while (isPathChar(s.charCodeAt(r))) r++;
      if (r === q + 1) break;
      segments++;
      q = r;
    }
    if (segments === 0) {
      // Nix prints the root path as a bare `/`.
      const n = s.charCodeAt(q + 1);
      if (this.opts.nixPrinted && q === p && s.charCodeAt(q) === 47 && n !== 42 && n !== 47)
        return { end: q + 1, interp: false };
      return undefined;
    }
    if (s.charCodeAt(q) === 36 && s.charCodeAt(q + 1) === 123) return { end: q, interp: true }; // ./a-${x}.ini
    if (s.charCodeAt(q) === 47) {
      if (s.charCodeAt(q + 1) === 36 && s.charCodeAt(q + 2) === 123)
        return { end: q + 1, interp: true };
      if (!this.opts.nixPrinted) this.fail("path has a trailing slash", p);
      return { end: q + 1, interp: false };
    }
    return { end: q, interp: false };
  }

  /** Scan one token at p (after trivia). */
  scan(p0: number): Token {
    const s = this.src;
    const p = this.skipTrivia(p0);
    if (p >= s.length) return { t: "eof", start: p, end: p, v: "" };
    const c = s.charCodeAt(p);
    if (c === 34) return { t: "str", start: p, end: p + 1, v: '"' };
    if (c === 39 && s.charCodeAt(p + 1) === 39) return { t: "istr", start: p, end: p + 2, v: "''" };
    // ~/ home paths
    if (c === 126 && s.charCodeAt(p + 1) === 47) {
      const m = this.pathAt(p + 1);
      if (m)
        return { t: m.interp ? "pathStart" : "hpath", start: p, end: m.end, v: s.slice(p, m.end) };
    }
    // <nixpkgs>
    if (c === 60) {
      let q = p + 1;
      if (isPathChar(s.charCodeAt(q))) {
        while (isPathChar(s.charCodeAt(q))) q++;
        while (s.charCodeAt(q) === 47 && isPathChar(s.charCodeAt(q + 1))) {
          q++;
          while (isPathChar(s.charCodeAt(q))) q++;
        }
        if (s.charCodeAt(q) === 62)
          return { t: "spath", start: p, end: q + 1, v: s.slice(p, q + 1) };
      }
    }
    if (isPathChar(c) || c === 47) {
      // Longest match among identifier, number, path and URI (flex's rule).
      let best: Token | undefined;
      const offer = (t: Tok, end: number) => {
        if (end > p && (!best || end > best.end)) best = { t, start: p, end, v: s.slice(p, end) };
      };
      if (isIdStart(c)) {
        let q = p + 1;
        while (isIdChar(s.charCodeAt(q))) q++;
        const word = s.slice(p, q);
        offer(NIX_KEYWORDS.has(word) ? "kw" : "id", q);
        // URI: scheme ':' uri-chars+
        let r = p + 1;
        while (isSchemeChar(s.charCodeAt(r))) r++;
        if (s.charCodeAt(r) === 58 && isUriChar(s.charCodeAt(r + 1))) {
          let u = r + 1;
          while (isUriChar(s.charCodeAt(u))) u++;
          offer("uri", u);
        }
      }
      if (isDigit(c) || (c === 46 && isDigit(s.charCodeAt(p + 1)))) {
        let q = p;
        while (isDigit(s.charCodeAt(q))) q++;
        offer("int", q);
        // FLOAT (([1-9][0-9]*\.[0-9]*)|(0?\.[0-9]+))([Ee][+-]?[0-9]+)?
        let f = -1;
        if (c !== 48 && c !== 46 && s.charCodeAt(q) === 46) {
          f = q + 1;
          while (isDigit(s.charCodeAt(f))) f++;
        } else {
          let z = p;
          if (s.charCodeAt(z) === 48) z++;
          if (s.charCodeAt(z) === 46 && isDigit(s.charCodeAt(z + 1))) {
            f = z + 1;
            while (isDigit(s.charCodeAt(f))) f++;
          }
        }
        if (f !== -1) {
          const e = s.charCodeAt(f);
          if (e === 69 || e === 101) {
            let g = f + 1;
            if (s.charCodeAt(g) === 43 || s.charCodeAt(g) === 45) g++;
            if (isDigit(s.charCodeAt(g))) {
              while (isDigit(s.charCodeAt(g))) g++;
              f = g;
            }
          }
          offer("float", f);
        }
      }
      // A path needs a `/` right after a run of path characters: skip the scan otherwise.
      let q = p;
      while (isPathChar(s.charCodeAt(q))) q++;
      const m = s.charCodeAt(q) === 47 ? this.pathAt(p) : undefined;
      if (m) offer(m.interp ? "pathStart" : "path", m.end);
      if (best) {
        if (best.t === "kw") best.v = s.slice(p, best.end);
        return best;
      }
    }
    if (c === 46 && s.startsWith("...", p)) return { t: "op", start: p, end: p + 3, v: "..." };
    const two = s.slice(p, p + 2);
    if (OPS2.includes(two)) return { t: "op", start: p, end: p + 2, v: two };
    if (OPS1.includes(s[p] as string)) return { t: "op", start: p, end: p + 1, v: s[p] as string };
    return this.fail(`unexpected character ${JSON.stringify(s[p])}`, p);
  }

  peek(): Token {
    if (!this.peeked) this.peeked = this.scan(this.pos);
    return this.peeked;
  }

  /** The token after the next one (for lambda detection). */
  peekAt(n: number): Token {
    let t = this.peek();
    for (let i = 0; i < n; i++) t = this.scan(t.end);
    return t;
  }

  take(): Token {
    const t = this.peek();
    this.pos = t.end;
    this.peeked = undefined;
    return t;
  }

  isOp(v: string, t = this.peek()): boolean {
    return t.t === "op" && t.v === v;
  }
  isKw(v: string, t = this.peek()): boolean {
    return t.t === "kw" && t.v === v;
  }

  expectOp(v: string): Token {
    const t = this.peek();
    if (!this.isOp(v, t)) this.unexpected(t, `'${v}'`);
    return this.take();
  }
  expectKw(v: string): Token {
    const t = this.peek();
    if (!this.isKw(v, t)) this.unexpected(t, `'${v}'`);
    return this.take();
  }

  unexpected(t: Token, wanted: string): never {
    const what = t.t === "eof" ? "end of file" : `'${t.v || this.src.slice(t.start, t.end)}'`;
    return this.fail(`unexpected ${what}, expecting ${wanted}`, t.start);
  }

  // ---------------------------------------------------------------- grammar

  file(): NixFile {
    const expr = this.expr();
    const t = this.peek();
    if (t.t !== "eof") this.unexpected(t, "end of file");
    return { source: this.src, expr, comments: this.comments };
  }

  expr(): Expr {
    const t = this.peek();
    if (t.t === "id") {
      const n = this.peekAt(1);
      if (this.isOp(":", n)) {
        this.take();
        this.take();
        const body = this.expr();
        return {
          type: "Lambda",
          param: { type: "Ident", name: t.v, span: { start: t.start, end: t.end } },
          body,
          start: t.start,
          end: body.end,
        };
      }
      if (this.isOp("@", n)) {
        this.take();
        this.take();
        const formals = this.formals({
          name: t.v,
          span: { start: t.start, end: t.end },
          before: true,
        });
        this.expectOp(":");
        const body = this.expr();
        return { type: "Lambda", param: formals, body, start: t.start, end: body.end };
      }
    }
    if (this.isOp("{", t) && this.looksLikeFormals()) {
      const formals = this.formals(undefined);
      if (this.isOp("@")) {
        this.take();
        const id = this.take();
        if (id.t !== "id") this.unexpected(id, "an identifier");
        formals.at = { name: id.v, span: { start: id.start, end: id.end }, before: false };
        formals.end = id.end;
      }
      this.expectOp(":");
      const body = this.expr();
      return { type: "Lambda", param: formals, body, start: t.start, end: body.end };
    }
    if (t.t === "kw") {
      switch (t.v) {
        case "let": {
          if (this.isOp("{", this.peekAt(1))) break; // `let { … }` is a simple expression
          this.take();
          const bindings = this.bindings("in");
          this.expectKw("in");
          const body = this.expr();
          return { type: "Let", bindings, body, start: t.start, end: body.end };
        }
        case "with": {
          this.take();
          const env = this.expr();
          this.expectOp(";");
          const body = this.expr();
          return { type: "With", env, body, start: t.start, end: body.end };
        }
        case "assert": {
          this.take();
          const cond = this.expr();
          this.expectOp(";");
          const body = this.expr();
          return { type: "Assert", cond, body, start: t.start, end: body.end };
        }
        case "if": {
          this.take();
          const cond = this.expr();
          this.expectKw("then");
          const th = this.expr();
          this.expectKw("else");
          const el = this.expr();
          return { type: "If", cond, then: th, else: el, start: t.start, end: el.end };
        }
      }
    }
    return this.op(0);
  }

  /** After `{`: formals when `{ }` / `{ a }` is followed by `:` or `@`, or on `...`, `a,`, `a ?`. */
  private looksLikeFormals(): boolean {
    const a = this.peekAt(1);
    if (this.isOp("}", a)) {
      const b = this.scan(a.end);
      return this.isOp(":", b) || this.isOp("@", b);
    }
    if (this.isOp("...", a)) return true;
    if (a.t !== "id") return false;
    const b = this.scan(a.end);
    if (this.isOp(",", b) || this.isOp("?", b)) return true;
    if (this.isOp("}", b)) {
      const c = this.scan(b.end);
      return this.isOp(":", c) || this.isOp("@", c);
    }
    return false;
  }

  private formals(at: Formals["at"]): Formals {
    const open = this.expectOp("{");
    const formals: Formal[] = [];
    let ellipsis = false;
    for (;;) {
      const t = this.peek();
      if (this.isOp("}", t)) break;
      if (this.isOp("...", t)) {
        this.take();
        ellipsis = true;
        break;
      }
      if (t.t !== "id") this.unexpected(t, "a formal argument");
      this.take();
      const f: Formal = {
        name: t.v,
        nameSpan: { start: t.start, end: t.end },
        start: t.start,
        end: t.end,
      };
      if (this.isOp("?")) {
        this.take();
        f.default = this.expr();
        f.end = f.default.end;
      }
      formals.push(f);
      if (this.isOp(",")) this.take();
      else break;
    }
    const close = this.expectOp("}");
    return {
      type: "Formals",
      formals,
      ellipsis,
      ...(at ? { at } : {}),
      start: at?.before ? at.span.start : open.start,
      end: close.end,
    };
  }

  // Operators, from loosest to tightest (parser.y's %left/%right/%nonassoc).
  private static readonly BIN: Record<string, { prec: number; assoc: "l" | "r" | "n" }> = {
    "->": { prec: 1, assoc: "r" },
    "||": { prec: 2, assoc: "l" },
    "&&": { prec: 3, assoc: "l" },
    "==": { prec: 4, assoc: "n" },
    "!=": { prec: 4, assoc: "n" },
    "<": { prec: 5, assoc: "n" },
    ">": { prec: 5, assoc: "n" },
    "<=": { prec: 5, assoc: "n" },
    ">=": { prec: 5, assoc: "n" },
    "//": { prec: 6, assoc: "r" },
    "+": { prec: 8, assoc: "l" },
    "-": { prec: 8, assoc: "l" },
    "*": { prec: 9, assoc: "l" },
    "/": { prec: 9, assoc: "l" },
    "++": { prec: 10, assoc: "r" },
  };
  private static readonly NOT = 7;
  private static readonly HAS = 11;
  private static readonly NEG = 12;

  private op(min: number): Expr {
    const t = this.peek();
    let left: Expr;
    if (this.isOp("!", t)) {
      this.take();
      const e = this.op(Parser.NOT);
      left = { type: "Not", expr: e, start: t.start, end: e.end };
    } else if (this.isOp("-", t)) {
      this.take();
      const e = this.op(Parser.NEG);
      left = { type: "Neg", expr: e, start: t.start, end: e.end };
    } else left = this.app();
    let lastNonassoc = -1;
    for (;;) {
      const o = this.peek();
      if (o.t !== "op") break;
      if (o.v === "?") {
        if (Parser.HAS < min) break;
        if (lastNonassoc === Parser.HAS) this.unexpected(o, "an operator other than '?'");
        this.take();
        const path = this.attrPath();
        left = { type: "HasAttr", expr: left, path, start: left.start, end: path.end };
        lastNonassoc = Parser.HAS;
        continue;
      }
      const info = Parser.BIN[o.v];
      if (!info || info.prec < min) break;
      if (info.assoc === "n" && lastNonassoc === info.prec)
        this.unexpected(o, "no second comparison without parentheses");
      this.take();
      const right = this.op(info.assoc === "l" || info.assoc === "n" ? info.prec + 1 : info.prec);
      left = { type: "BinOp", op: o.v, left, right, start: left.start, end: right.end };
      lastNonassoc = info.assoc === "n" ? info.prec : -1;
    }
    return left;
  }

  private startsSimple(t: Token): boolean {
    if (SIMPLE_START.has(t.t)) return true;
    if (t.t === "op") return t.v === "(" || t.v === "[" || t.v === "{";
    if (t.t === "kw")
      return (
        t.v === "rec" ||
        (t.v === "let" && this.isOp("{", this.scan(t.end))) ||
        (t.v === "assert" && this.opts.nixPrinted === true)
      );
    return false;
  }

  private app(): Expr {
    const fn = this.select();
    const args: Expr[] = [];
    while (this.startsSimple(this.peek())) args.push(this.select());
    if (!args.length) return fn;
    // (f x) y is one call in Nix, like f x y.
    const last = args[args.length - 1] as Expr;
    return { type: "App", fn, args, start: fn.start, end: last.end };
  }

  private select(): Expr {
    const e = this.simple();
    if (this.isOp(".")) {
      this.take();
      const path = this.attrPath();
      if (this.isKw("or")) {
        this.take();
        const def = this.select();
        return { type: "Select", expr: e, path, default: def, start: e.start, end: def.end };
      }
      return { type: "Select", expr: e, path, start: e.start, end: path.end };
    }
    if (this.isKw("or")) {
      // parser.y: `map or [ … ]` calls map with a variable named `or`.
      const o = this.take();
      const v: Expr = { type: "Var", name: "or", start: o.start, end: o.end };
      return { type: "App", fn: e, args: [v], start: e.start, end: o.end };
    }
    return e;
  }

  private simple(): Expr {
    const t = this.peek();
    switch (t.t) {
      case "id":
        this.take();
        return { type: "Var", name: t.v, start: t.start, end: t.end };
      case "int":
        this.take();
        return { type: "Int", raw: t.v, start: t.start, end: t.end };
      case "float":
        this.take();
        return { type: "Float", raw: t.v, start: t.start, end: t.end };
      case "path":
      case "hpath": {
        this.take();
        const part: StrPart = { kind: "text", raw: t.v, value: t.v, start: t.start, end: t.end };
        return { type: "Path", parts: [part], start: t.start, end: t.end };
      }
      case "pathStart":
        return this.interpPath();
      case "spath":
        this.take();
        return { type: "SPath", raw: t.v, start: t.start, end: t.end };
      case "uri":
        this.take();
        return { type: "Uri", raw: t.v, start: t.start, end: t.end };
      case "str":
        return this.string();
      case "istr":
        return this.indString();
      case "kw":
        if (t.v === "rec") {
          this.take();
          return this.attrSet(true, t.start);
        }
        if (t.v === "assert" && this.opts.nixPrinted) return this.expr();
        if (t.v === "let") {
          this.take();
          const open = this.expectOp("{");
          const bindings = this.bindings("}");
          const close = this.expectOp("}");
          void open;
          return { type: "LetOld", bindings, start: t.start, end: close.end };
        }
        break;
      case "op":
        if (t.v === "(") {
          this.take();
          const e = this.expr();
          const close = this.expectOp(")");
          return { type: "Paren", expr: e, start: t.start, end: close.end };
        }
        if (t.v === "[") {
          this.take();
          const items: Expr[] = [];
          while (!this.isOp("]")) {
            if (this.peek().t === "eof") this.unexpected(this.peek(), "']'");
            items.push(this.select());
          }
          const close = this.take();
          return { type: "List", items, start: t.start, end: close.end };
        }
        if (t.v === "{") return this.attrSet(false, t.start);
        break;
    }
    return this.unexpected(t, "an expression");
  }

  private attrSet(rec: boolean, start: number): Expr {
    const open = this.expectOp("{");
    const bindings = this.bindings("}");
    const close = this.expectOp("}");
    return { type: "AttrSet", rec, bindings, open: open.start, start, end: close.end };
  }

  /** Bindings up to the closing `}` or `in` (not consumed). */
  private bindings(until: "}" | "in"): SyntaxBindingLike[] {
    const out: SyntaxBindingLike[] = [];
    for (;;) {
      const t = this.peek();
      if (until === "}" ? this.isOp("}", t) : this.isKw("in", t)) return out;
      if (this.isKw("inherit", t) && !(this.opts.nixPrinted && this.isOp("=", this.peekAt(1)))) {
        this.take();
        let from: Expr | undefined;
        if (this.isOp("(")) {
          this.take();
          from = this.expr();
          this.expectOp(")");
        }
        const names: AttrName[] = [];
        while (!this.isOp(";")) names.push(this.attrName());
        const semi = this.take();
        out.push({
          type: "Inherit",
          ...(from ? { from } : {}),
          names,
          start: t.start,
          end: semi.end,
        });
        continue;
      }
      const path = this.attrPath();
      this.expectOp("=");
      const value = this.expr();
      const semi = this.expectOp(";");
      out.push({ type: "Binding", path, value, start: path.start, end: semi.end });
    }
  }

  private attrPath(): AttrPath {
    const names = [this.attrName()];
    while (this.isOp(".")) {
      this.take();
      names.push(this.attrName());
    }
    const first = names[0] as AttrName;
    const last = names[names.length - 1] as AttrName;
    return { type: "AttrPath", names, start: first.start, end: last.end };
  }

  private attrName(): AttrName {
    const t = this.peek();
    if (t.t === "id" || this.isKw("or", t) || (this.opts.nixPrinted && t.t === "kw")) {
      this.take();
      return { kind: "ident", name: t.v, start: t.start, end: t.end };
    }
    if (t.t === "str") {
      const str = this.string();
      return { kind: "string", str, start: str.start, end: str.end };
    }
    if (this.isOp("${", t)) {
      this.take();
      const expr = this.expr();
      const close = this.expectOp("}");
      return { kind: "interp", expr, start: t.start, end: close.end };
    }
    return this.unexpected(t, "an attribute name");
  }

  /** `${ expr }` at this.pos (after the `${`). */
  private interp(start: number): StrPart {
    this.peeked = undefined;
    const expr = this.expr();
    const close = this.expectOp("}");
    return { kind: "interp", expr, start, end: close.end };
  }

  private string(): StringNode {
    const open = this.take();
    const s = this.src;
    const parts: StrPart[] = [];
    let p = open.end;
    let textStart = p;
    let value = "";
    const flush = (end: number) => {
      if (end > textStart)
        parts.push({ kind: "text", raw: s.slice(textStart, end), value, start: textStart, end });
      value = "";
    };
    for (;;) {
      const c = s.charCodeAt(p);
      if (Number.isNaN(c)) this.fail("unterminated string", open.start);
      if (c === 34) {
        flush(p);
        this.pos = p + 1;
        this.peeked = undefined;
        return { type: "String", indented: false, parts, start: open.start, end: p + 1 };
      }
      if (c === 92 /* \ */) {
        const n = s[p + 1];
        if (n === undefined) this.fail("unterminated string", open.start);
        value += n === "n" ? "\n" : n === "r" ? "\r" : n === "t" ? "\t" : n;
        p += 2;
      } else if (c === 36 /* $ */ && s.charCodeAt(p + 1) === 123) {
        flush(p);
        this.pos = p + 2;
        const part = this.interp(p);
        parts.push(part);
        p = this.pos;
        textStart = p;
      } else if (c === 36 && s.charCodeAt(p + 1) === 36) {
        value += "$$";
        p += 2;
      } else if (c === 13 /* \r */) {
        // Nix normalises CR and CR LF inside "…" to LF.
        value += "\n";
        p += s.charCodeAt(p + 1) === 10 ? 2 : 1;
      } else {
        value += s[p];
        p++;
      }
    }
  }

  private indString(): StringNode {
    const open = this.take();
    const s = this.src;
    const parts: StrPart[] = [];
    let p = open.end;
    // lexer.l: the opening '' swallows spaces and one newline right after it.
    const opening = /^ *\n/.exec(s.slice(p, p + 200));
    if (opening) p += opening[0].length;
    let textStart = p;
    const flush = (end: number) => {
      if (end > textStart) {
        const raw = s.slice(textStart, end);
        parts.push({ kind: "text", raw, value: raw, start: textStart, end });
      }
    };
    for (;;) {
      const c = s.charCodeAt(p);
      if (Number.isNaN(c)) this.fail("unterminated indented string", open.start);
      if (c === 39 && s.charCodeAt(p + 1) === 39) {
        const n = s[p + 2];
        if (n === "$" || n === "'") {
          flush(p);
          parts.push({
            kind: "escape",
            raw: s.slice(p, p + 3),
            value: n === "$" ? "$" : "''",
            start: p,
            end: p + 3,
          });
          p += 3;
          textStart = p;
          continue;
        }
        if (n === "\\") {
          const e = s[p + 3];
          if (e === undefined) this.fail("unterminated indented string", open.start);
          flush(p);
          const value = e === "n" ? "\n" : e === "r" ? "\r" : e === "t" ? "\t" : e;
          parts.push({ kind: "escape", raw: s.slice(p, p + 4), value, start: p, end: p + 4 });
          p += 4;
          textStart = p;
          continue;
        }
        flush(p);
        this.pos = p + 2;
        this.peeked = undefined;
        return { type: "String", indented: true, parts, start: open.start, end: p + 2 };
      }
      if (c === 36 && s.charCodeAt(p + 1) === 123) {
        flush(p);
        this.pos = p + 2;
        parts.push(this.interp(p));
        p = this.pos;
        textStart = p;
      } else if (c === 36 && s.charCodeAt(p + 1) === 36) p += 2;
      else p++;
    }
  }

  private interpPath(): Expr {
    const first = this.take();
    const s = this.src;
    const parts: StrPart[] = [
      { kind: "text", raw: first.v, value: first.v, start: first.start, end: first.end },
    ];
    let p = first.end;
    for (;;) {
      if (s.charCodeAt(p) === 36 && s.charCodeAt(p + 1) === 123) {
        this.pos = p + 2;
        parts.push(this.interp(p));
        p = this.pos;
        continue;
      }
      const q0 = p;
      while (isPathChar(s.charCodeAt(p)) || s.charCodeAt(p) === 47) p++;
      if (p === q0) break;
      const raw = s.slice(q0, p);
      parts.push({ kind: "text", raw, value: raw, start: q0, end: p });
    }
    this.pos = p;
    this.peeked = undefined;
    return { type: "Path", parts, start: first.start, end: p };
  }
}

/** Parse a Nix file into its lossless tree; throws NixSyntaxError on invalid input. */
export function parseNix(source: string, options: ParseOptions = {}): NixFile {
  return new Parser(source, options).file();
}

/** Like parseNix, but returns the error instead of throwing. */
export function tryParseNix(
  source: string,
  options: ParseOptions = {},
): { file: NixFile; error?: undefined } | { file?: undefined; error: NixSyntaxError } {
  try {
    return { file: parseNix(source, options) };
  } catch (e) {
    if (e instanceof NixSyntaxError) return { error: e };
    throw e;
  }
}

export type { Span };
