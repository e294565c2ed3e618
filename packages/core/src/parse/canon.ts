/**
 * A canonical text of a parsed expression, desugared the way Nix's own parser
 * desugars (nested attribute paths merged into sets, `a - b` → `__sub`,
 * strings → concatenations, relative paths made absolute, keys sorted). Used
 * to check the parser against `nix-instantiate --parse`: parse the source with
 * parseNix, parse Nix's printed form with parseNix too, and compare canonical
 * texts. Any difference in attribute paths, string values (indentation, `''$`,
 * `'''`, `''\`), operators or structure shows up as a mismatch.
 */
import { parseNix } from "./parser.js";
import { stringParts } from "./strings.js";
import {
  type AttrName,
  type Expr,
  type NixFile,
  type SyntaxBindingLike,
  staticName,
} from "./syntax.js";

export interface CanonOptions {
  /** Directory relative paths are resolved against (the file's directory). */
  dir: string;
  /** For `~/…` paths. */
  home?: string;
}

const IDENT = /^[a-zA-Z_][a-zA-Z0-9_'-]*$/;
const key = (k: string) => (IDENT.test(k) ? k : JSON.stringify(k));

function normPath(p: string): string {
  const out: string[] = [];
  for (const seg of p.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return `/${out.join("/")}`;
}

type Item = { lit: "str"; v: string } | { lit: "path"; v: string } | { lit: false; v: string };

const unparen = (e: Expr): Expr => (e.type === "Paren" ? unparen(e.expr) : e);

class Canon {
  constructor(readonly o: CanonOptions) {}

  absPath(raw: string, keepSlash: boolean): string {
    let p: string;
    if (raw.startsWith("/")) p = raw;
    else if (raw.startsWith("~/")) p = `${this.o.home ?? "/homeless-shelter"}/${raw.slice(2)}`;
    else p = `${this.o.dir}/${raw}`;
    const n = normPath(p);
    return keepSlash && raw.endsWith("/") && n !== "/" ? `${n}/` : n;
  }

  /** Items of a `+` chain (strings and paths are chains of their parts). */
  items(e: Expr, out: Item[]): void {
    const u = unparen(e);
    if (u.type === "BinOp" && u.op === "+") {
      this.items(u.left, out);
      this.items(u.right, out);
      return;
    }
    if (u.type === "String") {
      const parts = stringParts(u);
      if (parts.length === 0) out.push({ lit: "str", v: "" });
      for (const p of parts)
        if (p.kind === "text") out.push({ lit: "str", v: p.value });
        else this.items(p.expr, out);
      return;
    }
    if (u.type === "Path") {
      u.parts.forEach((p, i) => {
        if (p.kind === "interp") this.items(p.expr, out);
        else if (i === 0) out.push({ lit: "path", v: this.absPath(p.value, true) });
        else out.push({ lit: "str", v: p.value });
      });
      return;
    }
    if (u.type === "Uri") {
      out.push({ lit: "str", v: u.raw });
      return;
    }
    out.push({ lit: false, v: this.expr(u) });
  }

  chain(e: Expr): string {
    const raw: Item[] = [];
    this.items(e, raw);
    const merged: Item[] = [];
    for (const it of raw) {
      const last = merged[merged.length - 1];
      if (it.lit === "str" && last?.lit === "str") last.v += it.v;
      else if (it.lit === "str" && it.v === "" && raw.length > 1) continue;
      else merged.push({ ...it });
    }
    const show = (it: Item) => (it.lit === "str" ? JSON.stringify(it.v) : it.v);
    if (merged.length === 0) return '""';
    if (merged.length === 1) return show(merged[0] as Item);
    return `(${merged.map(show).join(" + ")})`;
  }

  name(a: AttrName): string {
    const s = staticName(a);
    if (s !== undefined) return key(s);
    const e = a.kind === "interp" ? a.expr : a.kind === "string" ? a.str : undefined;
    if (!e) return key(a.kind === "ident" ? a.name : "");
    return `\${${this.chain(e)}}`;
  }

  attrs(bindings: readonly SyntaxBindingLike[], rec: boolean): string {
    type Node =
      | { kind: "set"; rec: boolean; keys: Map<string, Node>; dyn: [string, Node][] }
      | { kind: "val"; v: string };
    const root: Node = { kind: "set", rec, keys: new Map(), dyn: [] };
    const setOf = (e: Expr): Node | undefined => {
      const u = unparen(e);
      if (u.type !== "AttrSet" || u.rec) return undefined;
      const n: Node = { kind: "set", rec: false, keys: new Map(), dyn: [] };
      for (const b of u.bindings) add(n, b);
      return n;
    };
    const merge = (into: Node, from: Node) => {
      if (into.kind !== "set" || from.kind !== "set") return;
      for (const [k, v] of from.keys) {
        const old = into.keys.get(k);
        if (old && old.kind === "set" && v.kind === "set") merge(old, v);
        else into.keys.set(k, v);
      }
      into.dyn.push(...from.dyn);
    };
    const add = (set: Node, b: SyntaxBindingLike) => {
      if (set.kind !== "set") return;
      if (b.type === "Inherit") {
        for (const n of b.names) {
          const k = this.name(n);
          set.keys.set(k, {
            kind: "val",
            v: b.from ? `(${this.expr(b.from)}).${k}` : "inherit",
          });
        }
        return;
      }
      let cur: Node = set;
      const names = b.path.names;
      names.forEach((n, i) => {
        if (cur.kind !== "set") return;
        const k = this.name(n);
        const dynamic = staticName(n) === undefined;
        const lastName = i === names.length - 1;
        const value: Node = lastName
          ? (setOf(b.value) ?? { kind: "val", v: this.expr(b.value) })
          : { kind: "set", rec: false, keys: new Map(), dyn: [] };
        if (dynamic) {
          cur.dyn.push([k, value]);
          cur = value;
          return;
        }
        const old = cur.keys.get(k);
        if (old?.kind === "set" && value.kind === "set") {
          merge(old, value);
          cur = old;
        } else {
          cur.keys.set(k, value);
          cur = value;
        }
      });
    };
    for (const b of bindings) add(root, b);
    const show = (n: Node): string => {
      if (n.kind === "val") return n.v;
      const body = [...n.keys]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) =>
          v.kind === "val" && v.v === "inherit" ? `inherit ${k}; ` : `${k} = ${show(v)}; `,
        );
      const dyn = n.dyn.map(([k, v]) => `"${k}" = ${show(v)}; `);
      return `${n.rec ? "rec " : ""}{ ${body.join("")}${dyn.join("")}}`;
    };
    return show(root);
  }

  path(names: readonly AttrName[]): string {
    return names.map((n) => this.name(n)).join(".");
  }

  expr(e: Expr): string {
    switch (e.type) {
      case "Var":
        return e.name;
      case "Int":
        return BigInt(e.raw).toString();
      case "Float":
        return String(Number.parseFloat(Number(e.raw).toPrecision(6)));
      case "String":
      case "Path":
      case "Uri":
        return this.chain(e);
      case "SPath":
        return `(__findFile __nixPath ${JSON.stringify(e.raw.slice(1, -1))})`;
      case "Paren":
        return this.expr(e.expr);
      case "List":
        return `[ ${e.items.map((i) => `${this.expr(i)} `).join("")}]`;
      case "AttrSet":
        return this.attrs(e.bindings, e.rec);
      case "LetOld":
        return `(${this.attrs(e.bindings, true)}).body`;
      case "Let": {
        const a = this.attrs(e.bindings, false);
        return `(let ${a.slice(2, -1)}in ${this.expr(e.body)})`;
      }
      case "Lambda": {
        const body = this.expr(e.body);
        if (e.param.type === "Ident") return `(${e.param.name}: ${body})`;
        const f = e.param;
        const fs = [...f.formals]
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
          .map((x) => (x.default ? `${x.name} ? ${this.expr(x.default)}` : x.name));
        if (f.ellipsis) fs.push("...");
        return `({ ${fs.join(", ")} }${f.at ? ` @ ${f.at.name}` : ""}: ${body})`;
      }
      case "App": {
        const args: string[] = [];
        let fn: Expr = unparen(e.fn);
        const collect: Expr[][] = [e.args];
        while (fn.type === "App") {
          collect.unshift(fn.args);
          fn = unparen(fn.fn);
        }
        for (const group of collect) for (const a of group) args.push(this.expr(a));
        return `(${this.expr(fn)} ${args.join(" ")})`;
      }
      case "Select":
        return `(${this.expr(e.expr)}).${this.path(e.path.names)}${e.default ? ` or (${this.expr(e.default)})` : ""}`;
      case "HasAttr":
        return `((${this.expr(e.expr)}) ? ${this.path(e.path.names)})`;
      case "Not":
        return `(! ${this.expr(e.expr)})`;
      case "Neg":
        return `(__sub 0 ${this.expr(e.expr)})`;
      case "BinOp": {
        const l = () => this.expr(e.left);
        const r = () => this.expr(e.right);
        switch (e.op) {
          case "+":
            return this.chain(e);
          case "-":
            return `(__sub ${l()} ${r()})`;
          case "*":
            return `(__mul ${l()} ${r()})`;
          case "/":
            return `(__div ${l()} ${r()})`;
          case "<":
            return `(__lessThan ${l()} ${r()})`;
          case ">":
            return `(__lessThan ${r()} ${l()})`;
          case "<=":
            return `(! (__lessThan ${r()} ${l()}))`;
          case ">=":
            return `(! (__lessThan ${l()} ${r()}))`;
          default:
            return `(${l()} ${e.op} ${r()})`;
        }
      }
      case "If":
        return `(if ${this.expr(e.cond)} then ${this.expr(e.then)} else ${this.expr(e.else)})`;
      case "With":
        return `(with ${this.expr(e.env)}; ${this.expr(e.body)})`;
      case "Assert":
        return `(assert ${this.expr(e.cond)}; ${this.expr(e.body)})`;
    }
  }
}

/** The canonical text of a parsed file. */
export function canonical(file: NixFile | Expr, options: CanonOptions): string {
  const e = "source" in file ? file.expr : file;
  return new Canon(options).expr(e);
}

/**
 * The canonical text of what `nix-instantiate --parse` printed: Nix's output is
 * itself Nix (interpolated paths print with a trailing slash, accepted here).
 */
export function canonicalOfNixOutput(printed: string, options: CanonOptions): string {
  return canonical(parseNix(printed, { nixPrinted: true }), options);
}
