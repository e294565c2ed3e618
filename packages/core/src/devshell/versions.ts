/**
 * Version pins as ecosystems write them, and the offered version (a knob key
 * such as "22" or "3.13") that satisfies one.
 *
 * A key stands for every release of its line: "22" is [22.0.0, 23.0.0), "3.13"
 * is [3.13.0, 3.14.0). A pin is turned into intervals and a key satisfies it
 * when their intersection is not empty. Understood: npm/semver ranges (`^`,
 * `~`, `x`, `*`, hyphen ranges, `||`), PEP 440 (`>=3.10,<3.14`, `~=3.11`,
 * `==3.12.*`), RubyGems/Mix `~>`, plain versions (`3.4.4`, `v22`, `go1.26.1`).
 */
import type { VersionKnob } from "./preset.js";

type V = number[];

interface Bound {
  v: V;
  incl: boolean;
}
interface Interval {
  lo: Bound | null;
  hi: Bound | null;
}

const WIDTH = 3;

function pad(v: V): V {
  const out = v.slice(0, WIDTH);
  while (out.length < WIDTH) out.push(0);
  return out;
}

function cmp(a: V, b: V): number {
  const x = pad(a);
  const y = pad(b);
  for (let i = 0; i < WIDTH; i++) {
    const d = (x[i] as number) - (y[i] as number);
    if (d !== 0) return d;
  }
  return 0;
}

/** The release after a prefix: 22 → 23, 3.13 → 3.14. */
function bump(v: V, at = v.length - 1): V {
  const out = v.slice(0, at + 1);
  out[at] = (out[at] ?? 0) + 1;
  return out;
}

/** "v22.3" → { v: [22, 3], parts: 2 }; wildcards end the version ("3.12.*" → [3, 12]). */
function parse(text: string): V | null {
  const m = /^[=v\s]*(\d+(?:\.(?:\d+|[xX*]))*)/.exec(text.trim());
  if (!m) return null;
  const out: number[] = [];
  for (const p of (m[1] as string).split(".")) {
    if (!/^\d+$/.test(p)) break;
    out.push(Number(p));
  }
  return out.length ? out : null;
}

/** The versions of a prefix: 3.12 → [3.12.0, 3.13.0); a full version is itself. */
function prefixInterval(v: V): Interval {
  if (v.length >= WIDTH) return { lo: { v, incl: true }, hi: { v, incl: true } };
  return { lo: { v, incl: true }, hi: { v: bump(v), incl: false } };
}

function intersect(a: Interval, b: Interval): Interval {
  const lo =
    !a.lo || (b.lo && (cmp(b.lo.v, a.lo.v) > 0 || (cmp(b.lo.v, a.lo.v) === 0 && !b.lo.incl)))
      ? b.lo
      : a.lo;
  const hi =
    !a.hi || (b.hi && (cmp(b.hi.v, a.hi.v) < 0 || (cmp(b.hi.v, a.hi.v) === 0 && !b.hi.incl)))
      ? b.hi
      : a.hi;
  return { lo, hi };
}

function empty(i: Interval): boolean {
  if (!i.lo || !i.hi) return false;
  const d = cmp(i.lo.v, i.hi.v);
  return d > 0 || (d === 0 && !(i.lo.incl && i.hi.incl));
}

/** One comparator (`>=1.2`, `^1.2.3`, `~> 1.15`, `1.2.x`) as an interval, or null if unreadable. */
function comparator(token: string): Interval | null {
  const m = /^(>=|<=|>|<|===|==|=|!=|\^|~>|~=|~)?\s*(.*)$/.exec(token.trim());
  if (!m) return null;
  const op = m[1] ?? "";
  const rest = (m[2] ?? "").trim();
  if (rest === "*" || rest === "" || /^[xX]$/.test(rest))
    return op === "" ? { lo: null, hi: null } : null;
  const v = parse(rest);
  if (!v) return null;
  switch (op) {
    case ">=":
      return { lo: { v, incl: true }, hi: null };
    case ">":
      return v.length >= WIDTH
        ? { lo: { v, incl: false }, hi: null }
        : { lo: { v: bump(v), incl: true }, hi: null };
    case "<":
      return { lo: null, hi: { v, incl: false } };
    case "<=":
      return v.length >= WIDTH
        ? { lo: null, hi: { v, incl: true } }
        : { lo: null, hi: { v: bump(v), incl: false } };
    case "!=":
      return { lo: null, hi: null };
    case "^": {
      const first = v.findIndex((x) => x !== 0);
      const at = first === -1 ? v.length - 1 : Math.min(first, v.length - 1);
      return { lo: { v, incl: true }, hi: { v: bump(v, at), incl: false } };
    }
    case "~":
      return { lo: { v, incl: true }, hi: { v: bump(v, Math.min(1, v.length - 1)), incl: false } };
    case "~>":
    case "~=":
      // Pessimistic: the last given component may grow (~> 1.15 → < 2.0; ~> 1.15.7 → < 1.16).
      return {
        lo: { v, incl: true },
        hi: { v: bump(v, Math.max(0, v.length - 2)), incl: false },
      };
    default:
      return prefixInterval(v);
  }
}

/** A range as a union of intervals, or null when it cannot be read. */
export function parseRange(range: string): Interval[] | null {
  const alternatives = range.split("||").map((a) => a.trim());
  const out: Interval[] = [];
  for (const alt of alternatives) {
    let text = alt;
    let interval: Interval = { lo: null, hi: null };
    // Hyphen range: `1.2 - 2.3`.
    const hy = /^(\S+)\s+-\s+(\S+)$/.exec(text);
    if (hy) {
      const a = parse(hy[1] as string);
      const b = parse(hy[2] as string);
      if (!a || !b) return null;
      const hi = b.length >= WIDTH ? { v: b, incl: true } : { v: bump(b), incl: false };
      out.push({ lo: { v: a, incl: true }, hi });
      continue;
    }
    // `>= 1.2` with a space: glue operators to their versions, then split on spaces/commas.
    text = text.replace(/(>=|<=|>|<|===|==|=|!=|\^|~>|~=|~)\s+/g, "$1");
    const tokens = text.split(/[\s,]+/).filter(Boolean);
    if (tokens.length === 0) return null;
    for (const t of tokens) {
      const c = comparator(t);
      if (!c) return null;
      interval = intersect(interval, c);
    }
    out.push(interval);
  }
  return out;
}

function keyInterval(key: string): Interval | null {
  const v = parse(key);
  if (!v) return null;
  return { lo: { v, incl: true }, hi: { v: bump(v), incl: false } };
}

/** Whether some release of the line `key` satisfies `range`. */
export function keySatisfies(key: string, range: Interval[]): boolean {
  const k = keyInterval(key);
  return k !== null && range.some((r) => !empty(intersect(r, k)));
}

function newestFirst(keys: readonly string[]): string[] {
  return [...keys].sort((a, b) => cmp(parse(b) ?? [], parse(a) ?? []));
}

export type PinKind = "exact" | "line" | "minimum" | "range";

export interface PinMatch {
  /** The knob key chosen. */
  key: string;
  /** The pin names a patch release more precise than the key (`3.4.4` for "3.4"). */
  finer: boolean;
}

/**
 * The offered key that satisfies a pin: the default when it does, else the
 * newest key that does; null when none does (or the pin cannot be read).
 * An exact pin picks the line it belongs to (`3.4.4` → "3.4", `v22.3.0` → "22").
 */
export function satisfyingKey(knob: VersionKnob, pin: string, kind: PinKind): PinMatch | null {
  const keys = Object.keys(knob.attrs);
  const text = pin.trim().replace(/^(?:go|jdk|[a-z]+-|v)(?=\d)/, "");
  if (kind === "exact" || kind === "line") {
    const v = parse(text);
    if (!v) return null;
    // The most specific key that is a prefix of the pin.
    let best: string | null = null;
    for (const key of keys) {
      const kv = parse(key);
      if (!kv || kv.length > v.length) continue;
      if (
        kv.every((x, i) => x === v[i]) &&
        (best === null || kv.length > (parse(best)?.length ?? 0))
      )
        best = key;
    }
    if (best !== null)
      return {
        key: best,
        finer: kind === "exact" && v.length > (parse(best)?.length ?? 0) && v.length >= 3,
      };
    // A shorter pin (`3` for keys "3.x"): the default if it matches, else the newest match.
    const matches = keys.filter((k) => keySatisfies(k, [prefixInterval(v)]));
    if (matches.includes(knob.default)) return { key: knob.default, finer: false };
    const newest = newestFirst(matches)[0];
    return newest === undefined ? null : { key: newest, finer: false };
  }
  const range = kind === "minimum" ? parseRange(`>=${text}`) : parseRange(text);
  if (!range) return null;
  if (keySatisfies(knob.default, range)) return { key: knob.default, finer: false };
  const newest = newestFirst(keys.filter((k) => keySatisfies(k, range)))[0];
  return newest === undefined ? null : { key: newest, finer: false };
}
