/**
 * String values as Nix sees them: an indented string's indentation stripped
 * exactly as Nix's parser does (stripIndentation in parser.y), escapes
 * resolved. Interpolations stay parts.
 */
import type { Expr, StringNode, StrPart } from "./syntax.js";

export type ValuePart = { kind: "text"; value: string } | { kind: "interp"; expr: Expr };

/**
 * The parts of a string after Nix's indentation stripping. Literal pieces are
 * not merged (Nix keeps one string per lexer token); callers merge when they
 * want the value.
 */
export function stringParts(node: StringNode): ValuePart[] {
  if (!node.indented) {
    return node.parts.map((p) =>
      p.kind === "interp"
        ? { kind: "interp", expr: p.expr }
        : { kind: "text", value: (p as Extract<StrPart, { kind: "text" }>).value },
    );
  }
  const es = node.parts;
  // Minimum indentation over lines; whitespace-only final lines do not count.
  let atStartOfLine = true;
  let minIndent = 1000000;
  let curIndent = 0;
  for (const p of es) {
    if (p.kind !== "text") {
      if (atStartOfLine) {
        atStartOfLine = false;
        if (curIndent < minIndent) minIndent = curIndent;
      }
      continue;
    }
    const s = p.value;
    for (let j = 0; j < s.length; j++) {
      const c = s[j];
      if (atStartOfLine) {
        if (c === " ") curIndent++;
        else if (c === "\n") curIndent = 0;
        else {
          atStartOfLine = false;
          if (curIndent < minIndent) minIndent = curIndent;
        }
      } else if (c === "\n") {
        atStartOfLine = true;
        curIndent = 0;
      }
    }
  }
  const out: ValuePart[] = [];
  atStartOfLine = true;
  let curDropped = 0;
  es.forEach((p, i) => {
    if (p.kind === "interp") {
      atStartOfLine = false;
      curDropped = 0;
      out.push({ kind: "interp", expr: p.expr });
      return;
    }
    // Escapes are strings too here (Nix trims every string token alike).
    const t = p.value;
    let s2 = "";
    for (let j = 0; j < t.length; j++) {
      const c = t[j] as string;
      if (atStartOfLine) {
        if (c === " ") {
          if (curDropped++ >= minIndent) s2 += c;
        } else if (c === "\n") {
          curDropped = 0;
          s2 += c;
        } else {
          atStartOfLine = false;
          curDropped = 0;
          s2 += c;
        }
      } else {
        s2 += c;
        if (c === "\n") atStartOfLine = true;
      }
    }
    if (i === es.length - 1) {
      const nl = s2.lastIndexOf("\n");
      if (nl !== -1 && /^ *$/.test(s2.slice(nl + 1))) s2 = s2.slice(0, nl + 1);
    }
    out.push({ kind: "text", value: s2 });
  });
  return out;
}

/** The string's value when it has no interpolation, else undefined. */
export function stringValue(node: StringNode): string | undefined {
  let v = "";
  for (const p of stringParts(node)) {
    if (p.kind === "interp") return undefined;
    v += p.value;
  }
  return v;
}
