/**
 * Lexical rules of Nix: which names are identifiers, how strings, attribute
 * names, numbers and paths are written so that Nix reads back exactly the
 * value we meant.
 */

/** Words Nix reserves; as attribute names they must be quoted. */
export const NIX_KEYWORDS: ReadonlySet<string> = new Set([
  "if",
  "then",
  "else",
  "assert",
  "with",
  "let",
  "in",
  "rec",
  "inherit",
  "or",
]);

const IDENT = /^[A-Za-z_][A-Za-z0-9_'-]*$/;

/** True when `name` can be written bare as a variable or attribute name. */
export function isIdentifier(name: string): boolean {
  return IDENT.test(name) && !NIX_KEYWORDS.has(name);
}

/** Escape literal text for a double-quoted Nix string (without the quotes). */
export function escapeDoubleQuoted(text: string, beforeInterpolation = false): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === "\\") out += "\\\\";
    else if (c === '"') out += '\\"';
    else if (c === "\n") out += "\\n";
    else if (c === "\r") out += "\\r";
    else if (c === "\t") out += "\\t";
    else if (c === "$" && (text[i + 1] === "{" || (beforeInterpolation && i === text.length - 1)))
      out += "\\$";
    else out += c;
  }
  return out;
}

/** A double-quoted Nix string literal for `text`. */
export function quoteString(text: string): string {
  return `"${escapeDoubleQuoted(text)}"`;
}

/** An attribute name as written in a binding or selection: bare when possible. */
export function attrName(name: string): string {
  return isIdentifier(name) ? name : quoteString(name);
}

/**
 * Lines of an indented string (`''…''`) for text whose interpolations are the
 * `{ interp: true }` parts, or null when the text is better (or only safely)
 * written as a double-quoted string. Each line is a list of escaped literal
 * text (strings) and interpolations (`{ interp: k }`: the k-th interpolation
 * part); the printer adds indentation.
 */
export function indentedStringLines(
  parts: ReadonlyArray<string | { interp: true }>,
): Array<Array<string | { interp: number }>> | null {
  // Work on a flat token stream: literal chars and interpolation markers (NUL,
  // which no Nix string can hold: text with one is written double-quoted).
  let text = "";
  for (const p of parts) {
    if (typeof p === "string" && p.includes("\u0000")) return null;
    text += typeof p === "string" ? p : "\u0000";
  }
  if (!text.includes("\n") || text.indexOf("\n") === text.length - 1) return null;
  if (text.endsWith("'")) return null;
  const lines = text.split("\n");
  const nonEmpty = lines.filter((l) => l.length > 0);
  // Nix strips the smallest indentation of all lines and ignores lines made of spaces only:
  // text whose every line starts with a space, or has space-only lines, is not reproducible.
  if (nonEmpty.every((l) => l.startsWith(" "))) return null;
  if (nonEmpty.some((l) => /^ +$/.test(l))) return null;
  let k = 0;
  const out: Array<Array<string | { interp: number }>> = [];
  for (const line of lines) {
    const segs: Array<string | { interp: number }> = [];
    let s = "";
    for (let i = 0; i < line.length; i++) {
      const c = line[i] as string;
      const next = line[i + 1];
      const needsEscape = (ch: string | undefined) =>
        ch === "\t" || ch === "\r" || ch === "\u0000" || ch === "$";
      if (c === "'" && next === "'") {
        s += "'''";
        i++;
      } else if (c === "'" && needsEscape(next)) {
        // `'` right before an `''x` escape or an interpolation would merge with it.
        return null;
      } else if (c === "$" && (next === "{" || next === "\u0000")) {
        s += "''$";
      } else if (c === "\t") s += "''\\t";
      else if (c === "\r") s += "''\\r";
      else if (c === "\u0000") {
        if (s) segs.push(s);
        s = "";
        segs.push({ interp: k++ });
      } else s += c;
    }
    if (s) segs.push(s);
    out.push(segs);
  }
  return out;
}

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

export function isInt64(value: bigint): boolean {
  return value >= INT64_MIN && value <= INT64_MAX;
}

/** Digits of a non-negative float such that Nix's lexer reads it as that same float. */
export function floatLiteral(value: number): string {
  const abs = Math.abs(value);
  // Nix's lexer rejects subnormal literals; scale into the normal range and back (exact).
  if (abs !== 0 && abs < 2.2250738585072014e-308)
    return `(${floatLiteral(abs * 2 ** 54)} / 18014398509481984.0)`;
  const s = String(abs);
  const [mantissa, exponent] = s.split("e") as [string, string | undefined];
  const m = mantissa.includes(".") ? mantissa : `${mantissa}.0`;
  return exponent === undefined ? m : `${m}e${exponent}`;
}

const PATH = /^(\.{1,2}|~)?(\/[A-Za-z0-9._+-]+)+\/?$/;

/** True when `p` can be written as a Nix path literal (`./a/b.nix`, `/etc/x`, `~/x`). */
export function isPathLiteral(p: string): boolean {
  return PATH.test(p) && !p.endsWith("/");
}
