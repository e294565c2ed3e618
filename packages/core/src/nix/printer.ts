/**
 * The Nix printer: expression model → source text, laid out the way nixfmt
 * (RFC 166) would: two-space indent, one binding per line, non-empty sets
 * expanded, lists inline only when short and simple, a trailing newline.
 * This is the only place in nixhome that produces Nix text.
 */
import {
  type BindingLike,
  isNixExpr,
  type LambdaParam,
  type ListItem,
  type NixExpr,
  type NixString,
} from "./ast.js";
import {
  attrName,
  escapeDoubleQuoted,
  floatLiteral,
  indentedStringLines,
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
  return `${new Printer(options.width ?? 100).print(expr, 0, 0)}\n`;
}

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

const spaces = (n: number) => " ".repeat(n);

class Printer {
  constructor(private readonly width: number) {}

  private readonly flatCache = new WeakMap<NixExpr, string | null>();

  /** Single-line form, or null when the expression must span lines (memoised: layout asks often). */
  flat(e: NixExpr): string | null {
    let text = this.flatCache.get(e);
    if (text === undefined) {
      text = this.flatUncached(e);
      this.flatCache.set(e, text);
    }
    return text;
  }

  private flatUncached(e: NixExpr): string | null {
    switch (e.kind) {
      case "string":
        return this.stringLines(e) ? null : this.quoted(e);
      case "int":
        if (!isInt64(e.value)) throw new TypeError(`integer ${e.value} is outside 64-bit range`);
        // -2^63 has no literal: its magnitude overflows before negation.
        return e.value === -(2n ** 63n) ? "(-9223372036854775807 - 1)" : String(e.value);
      case "float":
        if (!Number.isFinite(e.value)) throw new TypeError(`${e.value} has no Nix equivalent`);
        return (e.value < 0 || Object.is(e.value, -0) ? "-" : "") + floatLiteral(e.value);
      case "bool":
        return e.value ? "true" : "false";
      case "null":
        return "null";
      case "path":
        return this.path(e.value);
      case "ident":
        return e.name;
      case "select": {
        const base = this.flat(e.expr);
        if (base === null) return null;
        const baseMax = e.expr.kind === "select" && !e.expr.or ? SELECT : ATOM;
        const path = this.selectPath(e.path);
        if (path === null) return null;
        const sel = `${this.wrapFlat(base, e.expr, baseMax)}.${path}`;
        if (!e.or) return sel;
        const def = this.flat(e.or);
        return def === null ? null : `${sel} or ${this.wrapFlat(def, e.or, SELECT)}`;
      }
      case "apply": {
        const parts = [
          this.flatOperand(e.fn, APPLY),
          ...e.args.map((a) => this.flatOperand(a, SELECT)),
        ];
        return parts.includes(null) ? null : parts.join(" ");
      }
      case "lambda": {
        const param = this.paramFlat(e.param);
        const body = this.flat(e.body);
        return param === null || body === null ? null : `${param}: ${body}`;
      }
      case "attrs": {
        if (e.bindings.length === 0) return e.rec ? "rec { }" : "{ }";
        // `{ inherit system; }` stays on one line, as people write it.
        const [only] = e.bindings;
        if (e.bindings.length === 1 && only?.kind === "inherit" && !only.comment && !only.from)
          return `${e.rec ? "rec " : ""}{ inherit ${only.names.map(attrName).join(" ")}; }`;
        return null;
      }
      case "list": {
        if (e.items.length === 0) return "[ ]";
        if (e.items.some((i) => i.comment || !isSimple(i.expr))) return null;
        const items = e.items.map((i) => this.flatOperand(i.expr, SELECT));
        return items.includes(null) ? null : `[ ${items.join(" ")} ]`;
      }
      case "let":
        return null;
      case "with": {
        const scope = this.flat(e.scope);
        const body = this.flat(e.body);
        return scope === null || body === null ? null : `with ${scope}; ${body}`;
      }
      case "if": {
        const [c, t, f] = [this.flat(e.cond), this.flat(e.then), this.flat(e.else)];
        return c === null || t === null || f === null ? null : `if ${c} then ${t} else ${f}`;
      }
      case "binary": {
        const { left, right } = this.operands(e);
        const l = this.flatOperand(e.left, left);
        const r = this.flatOperand(e.right, right);
        return l === null || r === null ? null : `${l} ${e.op} ${r}`;
      }
      case "neg": {
        const inner = this.flatOperand(e.expr, APPLY);
        return inner === null ? null : `-${inner}`;
      }
      case "not": {
        const inner = this.flatOperand(e.expr, NOT);
        return inner === null ? null : `!${inner}`;
      }
    }
  }

  /** Print `e` starting at column `col` on a line indented by `indent`. */
  print(e: NixExpr, indent: number, col: number): string {
    const flat = this.flat(e);
    if (flat !== null && col + flat.length <= this.width) return flat;
    const pad = spaces(indent);
    const inner = spaces(indent + 2);
    switch (e.kind) {
      case "string": {
        const lines = this.stringLines(e);
        if (!lines) return this.quoted(e);
        const body = lines.map((l) => (l.length ? inner + l : l));
        const last = lines[lines.length - 1] as string;
        // Text ending in a newline closes on its own line; otherwise right after the text.
        if (last === "") return `''\n${body.slice(0, -1).join("\n")}\n${pad}''`;
        return `''\n${body.join("\n")}''`;
      }
      case "attrs": {
        const head = e.rec ? "rec {" : "{";
        if (e.bindings.length === 0) return `${head} }`;
        return `${head}\n${this.bindings(e.bindings, indent + 2)}\n${pad}}`;
      }
      case "list": {
        if (e.items.length === 0) return "[ ]";
        return `[\n${e.items.map((i) => this.listItem(i, indent + 2)).join("\n")}\n${pad}]`;
      }
      case "let":
        return `let\n${this.bindings(e.bindings, indent + 2)}\n${pad}in\n${pad}${this.print(e.body, indent, indent)}`;
      case "with": {
        const scope = this.flatOperandOrPrint(e.scope, LOWEST, indent, col + 5);
        const head = `with ${scope}; `;
        if (isAbsorbable(e.body)) return head + this.print(e.body, indent, col + head.length);
        return `${head.trimEnd()}\n${pad}${this.print(e.body, indent, indent)}`;
      }
      case "lambda": {
        const param = this.paramFlat(e.param);
        // `pkgs: {` keeps a plain parameter on the line of the block it opens; a set
        // pattern (`{ pkgs, ... }:`) puts the body on its own line, as nixfmt does.
        if (param !== null && e.param.kind === "ident" && isAbsorbable(e.body))
          return `${param}: ${this.print(e.body, indent, col + param.length + 2)}`;
        return `${this.paramPrint(e.param, indent)}:\n${pad}${this.print(e.body, indent, indent)}`;
      }
      case "apply":
        return this.applyPrint(e.fn, e.args, indent, col);
      case "if":
        return (
          `if ${this.print(e.cond, indent, col + 3)} then\n${inner}${this.print(e.then, indent + 2, indent + 2)}\n` +
          `${pad}else\n${inner}${this.print(e.else, indent + 2, indent + 2)}`
        );
      case "binary": {
        const { left, right } = this.operands(e);
        const l = this.operandPrint(e.left, left, indent, col);
        const lastLine = l.slice(l.lastIndexOf("\n") + 1);
        const rightCol = (l.includes("\n") ? lastLine.length : col + l.length) + e.op.length + 2;
        if (isAbsorbable(e.right) && precedence(e.right) <= right) {
          const rFlat = this.flat(e.right);
          if (!l.includes("\n") || rFlat === null || rightCol + rFlat.length > this.width)
            return `${l} ${e.op} ${this.print(e.right, indent, rightCol)}`;
        }
        const r = this.operandPrint(e.right, right, indent, indent + e.op.length + 1);
        return `${l}\n${pad}${e.op} ${r}`;
      }
      case "select": {
        const base = this.operandPrint(e.expr, ATOM, indent, col);
        const sel = `${base}.${this.selectPath(e.path) ?? ""}`;
        if (!e.or) return sel;
        return `${sel} or ${this.operandPrint(e.or, SELECT, indent, indent)}`;
      }
      case "neg":
        return `-${this.operandPrint(e.expr, APPLY, indent, col + 1)}`;
      case "not":
        return `!${this.operandPrint(e.expr, NOT, indent, col + 1)}`;
      default:
        return flat ?? "";
    }
  }

  /** Whether `e` can start on the current line and open a block there (`f {`, `a // {`). */
  private opensBlock(e: NixExpr): boolean {
    switch (e.kind) {
      case "apply":
        return absorbsLast(e);
      case "lambda":
        return e.param.kind === "ident" && isAbsorbable(e.body);
      case "binary":
        return this.flat(e.left) !== null && isAbsorbable(e.right);
      default:
        return isAbsorbable(e);
    }
  }

  private selectPath(path: ReadonlyArray<string | NixExpr>): string | null {
    const parts = path.map((p) => {
      if (typeof p === "string") return attrName(p);
      const text = this.flat(p);
      return text === null ? null : `\${${text}}`;
    });
    return parts.includes(null) ? null : parts.join(".");
  }

  private applyPrint(fn: NixExpr, args: readonly NixExpr[], indent: number, col: number): string {
    const pad = spaces(indent);
    const fnText = this.operandPrint(fn, APPLY, indent, col);
    const last = args[args.length - 1];
    const init = args.slice(0, -1).map((a) => this.flatOperand(a, SELECT));
    // `f a b {` … `}`: the last argument opens a block on the call's own line.
    if (last && !fnText.includes("\n") && !init.includes(null)) {
      const head = [fnText, ...(init as string[])].join(" ");
      if (col + head.length < this.width) {
        if (isAbsorbable(last) && precedence(last) <= SELECT)
          return `${head} ${this.print(last, indent, col + head.length + 1)}`;
        if (precedence(last) > SELECT && this.opensBlock(last))
          return `${head} (${this.print(last, indent, col + head.length + 2)})`;
        if (precedence(last) > SELECT) {
          // `f (` newline, the argument indented, `)`.
          return `${head} (\n${spaces(indent + 2)}${this.print(last, indent + 2, indent + 2)}\n${pad})`;
        }
      }
    }
    const argLines = args.map(
      (a) => `\n${spaces(indent + 2)}${this.operandPrint(a, SELECT, indent + 2, indent + 2)}`,
    );
    return fnText + argLines.join("");
  }

  private bindings(bindings: readonly BindingLike[], indent: number): string {
    const pad = spaces(indent);
    return bindings
      .map((b, i) => {
        const gap = b.gap && i > 0 ? "\n" : "";
        const comment = b.comment ? commentLines(b.comment, pad) : "";
        if (b.kind === "inherit") {
          const from = b.from ? `(${this.print(b.from, indent, indent + 9)}) ` : "";
          const names = b.names.map((nm) => attrName(nm)).join(" ");
          return `${gap}${comment}${pad}inherit ${from}${names};`;
        }
        if (b.path.length === 0) throw new TypeError("a binding needs a name");
        const key = b.path.map(attrName).join(".");
        const head = `${pad}${key} =`;
        return `${gap}${comment}${head}${this.bindingValue(b.value, indent, head.length)};`;
      })
      .join("\n");
  }

  /** The text after `name =` (including the leading space or line break). */
  private bindingValue(value: NixExpr, indent: number, col: number): string {
    const flat = this.flat(value);
    if (flat !== null && col + 1 + flat.length + 1 <= this.width) return ` ${flat}`;
    if (this.opensBlock(value)) return ` ${this.print(value, indent, col + 1)}`;
    return `\n${spaces(indent + 2)}${this.print(value, indent + 2, indent + 2)}`;
  }

  private listItem(item: ListItem, indent: number): string {
    const pad = spaces(indent);
    const comment = item.comment ? commentLines(item.comment, pad) : "";
    return `${comment}${pad}${this.operandPrint(item.expr, SELECT, indent, indent)}`;
  }

  private operands(e: NixExpr & { kind: "binary" }): { left: number; right: number } {
    const { prec, assoc } = OPS[e.op] as { prec: number; assoc: string };
    return {
      left: assoc === "left" ? prec : prec - 1,
      right: assoc === "right" ? prec : prec - 1,
    };
  }

  private wrapFlat(text: string, e: NixExpr, max: number): string {
    return precedence(e) > max ? `(${text})` : text;
  }

  private flatOperand(e: NixExpr, max: number): string | null {
    const text = this.flat(e);
    return text === null ? null : this.wrapFlat(text, e, max);
  }

  private flatOperandOrPrint(e: NixExpr, max: number, indent: number, col: number): string {
    return this.flatOperand(e, max) ?? this.operandPrint(e, max, indent, col);
  }

  /** Print an operand, in parentheses when it binds more loosely than `max` allows. */
  private operandPrint(e: NixExpr, max: number, indent: number, col: number): string {
    if (precedence(e) <= max) return this.print(e, indent, col);
    const flat = this.flat(e);
    if (flat !== null && col + flat.length + 2 <= this.width) return `(${flat})`;
    if (isAbsorbable(e) || absorbsLast(e)) return `(${this.print(e, indent, col + 1)})`;
    return `(\n${spaces(indent + 2)}${this.print(e, indent + 2, indent + 2)}\n${spaces(indent)})`;
  }

  private paramFlat(p: LambdaParam): string | null {
    if (p.kind === "ident") return p.name;
    // nixfmt expands a pattern with two or more names, one per line.
    if (p.fields.length > 1 || p.fields.some((f) => f.default && this.flat(f.default) === null))
      return null;
    const fields = p.fields.map((f) =>
      f.default ? `${f.name} ? ${this.flat(f.default)}` : f.name,
    );
    if (p.ellipsis) fields.push("...");
    const set = fields.length ? `{ ${fields.join(", ")} }` : "{ }";
    return p.bind ? `${p.bind}@${set}` : set;
  }

  private paramPrint(p: LambdaParam, indent: number): string {
    const flat = this.paramFlat(p);
    if (flat !== null) return flat;
    if (p.kind === "ident") return p.name;
    const inner = spaces(indent + 2);
    const lines = p.fields.map((f) =>
      f.default
        ? `${inner}${f.name} ? ${this.print(f.default, indent + 2, indent + 5 + f.name.length)},`
        : `${inner}${f.name},`,
    );
    if (p.ellipsis) lines.push(`${inner}...`);
    return `${p.bind ? `${p.bind}@` : ""}{\n${lines.join("\n")}\n${spaces(indent)}}`;
  }

  private path(p: string): string {
    if (!isPathLiteral(p)) throw new TypeError(`not a Nix path literal: ${JSON.stringify(p)}`);
    return p.startsWith("/") || p.startsWith(".") || p.startsWith("~") ? p : `./${p}`;
  }

  private stringLines(e: NixString): string[] | null {
    const parts = e.parts.map((p) => {
      if (typeof p === "string") return p;
      const text = this.flat(p);
      if (text === null) throw new TypeError("string interpolations must fit on one line");
      return { text };
    });
    return indentedStringLines(parts);
  }

  private quoted(e: NixString): string {
    if (e.parts.length === 1 && typeof e.parts[0] === "string") return quoteString(e.parts[0]);
    let out = "";
    e.parts.forEach((p, i) => {
      if (typeof p === "string") {
        out += escapeDoubleQuoted(p, typeof e.parts[i + 1] === "object");
      } else {
        const text = this.flat(p);
        if (text === null) throw new TypeError("string interpolations must fit on one line");
        out += `\${${text}}`;
      }
    });
    return `"${out}"`;
  }
}

/** Expressions that open a block on the current line: `{`, `[`, `''`, `with x; [`. */
function isAbsorbable(e: NixExpr): boolean {
  switch (e.kind) {
    case "attrs":
    case "list":
      return true;
    case "string":
      return e.parts.some((p) => typeof p === "string" && p.includes("\n"));
    case "with":
      return isAbsorbable(e.body);
    default:
      return false;
  }
}

/** Applications whose last argument is a block: `pkgs.mkShell {`. */
function absorbsLast(e: NixExpr): boolean {
  if (e.kind !== "apply") return false;
  const last = e.args[e.args.length - 1];
  return last !== undefined && (isAbsorbable(last) || precedence(last) > SELECT);
}

/** Items that may share one line inside a short list. */
function isSimple(e: NixExpr): boolean {
  switch (e.kind) {
    case "string":
    case "int":
    case "float":
    case "bool":
    case "null":
    case "path":
    case "ident":
    case "select":
      return true;
    default:
      return false;
  }
}

/**
 * A `#` comment, one per line. Nix's lexer ends a `#` comment at `\n` or `\r`
 * (`\#[^\r\n]*` in Nix 2.8's lexer.l; U+2028, NEL, form feed do not end it),
 * so the text is split on every one of them: nothing after a line break can
 * become code. Other control characters (a NUL would cut the file short for
 * some tools) become spaces.
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
