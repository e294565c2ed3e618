/**
 * `toNix`: any JSON-like JavaScript value → a Nix expression node.
 * Invalid values (NaN, ±Infinity, integers outside 64 bits, undefined,
 * functions, symbols, class instances) throw a TypeError naming their path.
 */
import { isNixExpr, NIX_NODE, type NixExpr } from "./ast.js";
import { attrName, isInt64 } from "./lexical.js";

/** What `toNix` accepts: JSON plus bigint, with expression nodes allowed anywhere. */
export type NixValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | NixExpr
  | readonly NixValue[]
  | { readonly [key: string]: NixValue };

export interface ToNixOptions {
  /**
   * Write single-key chains as paths (`programs.git.enable = true;`) instead
   * of nested sets. Default true.
   */
  collapse?: boolean;
}

function where(path: readonly (string | number)[]): string {
  if (path.length === 0) return "the value";
  return path
    .map((p, i) => (typeof p === "number" ? `[${p}]` : (i ? "." : "") + attrName(p)))
    .join("");
}

const node = <T extends object>(fields: T) => ({ [NIX_NODE]: true as const, ...fields });

export function toNix(value: unknown, options: ToNixOptions = {}): NixExpr {
  const collapse = options.collapse ?? true;
  const convert = (v: unknown, path: (string | number)[]): NixExpr => {
    if (isNixExpr(v)) return v;
    switch (typeof v) {
      case "string":
        return node({ kind: "string", parts: [v] });
      case "boolean":
        return node({ kind: "bool", value: v });
      case "bigint":
        if (!isInt64(v))
          throw new TypeError(`${where(path)}: integer ${v} is outside Nix's 64-bit range`);
        return node({ kind: "int", value: v });
      case "number": {
        if (!Number.isFinite(v))
          throw new TypeError(
            `${where(path)}: ${v} has no Nix equivalent (numbers must be finite)`,
          );
        if (Number.isInteger(v) && Math.abs(v) < 2 ** 63)
          return node({ kind: "int", value: BigInt(v) });
        return node({ kind: "float", value: v });
      }
      case "object": {
        if (v === null) return node({ kind: "null" });
        if (Array.isArray(v))
          return node({
            kind: "list",
            items: v.map((item, i) => ({ expr: convert(item, [...path, i]) })),
          });
        const proto = Object.getPrototypeOf(v);
        if (proto !== Object.prototype && proto !== null)
          throw new TypeError(
            `${where(path)}: ${proto?.constructor?.name ?? "object"} is not plain data`,
          );
        const bindings = Object.entries(v as Record<string, unknown>).map(([key, child]) => {
          const keys = [key];
          let inner: unknown = child;
          while (collapse && isChainable(inner)) {
            const [k, c] = Object.entries(inner)[0] as [string, unknown];
            keys.push(k);
            inner = c;
          }
          return { kind: "bind" as const, path: keys, value: convert(inner, [...path, ...keys]) };
        });
        return node({ kind: "attrs", bindings });
      }
      default:
        throw new TypeError(`${where(path)}: ${typeof v} cannot be written as Nix`);
    }
  };
  return convert(value, []);
}

function isChainable(v: unknown): v is Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v) || isNixExpr(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return (proto === Object.prototype || proto === null) && Object.keys(v).length === 1;
}
