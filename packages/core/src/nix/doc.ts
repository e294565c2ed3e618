/**
 * A document model and layout engine with the semantics of nixfmt 1.4's
 * `Nixfmt.Predoc` (groups, nesting, soft/hard spacing, priority groups,
 * greedy layout). `printer.ts` builds documents the way nixfmt's
 * `Nixfmt.Pretty` does, so that what nixhome prints is what nixfmt prints.
 * Only the parts nixhome's printer can reach are ported (no format-disabled
 * regions, no raw text).
 */

// Spacing, ordered as nixfmt's `Spacing` (mergeSpacings relies on the order).
// `Newlines n` is encoded as NEWLINES0 + n.
export const SOFTBREAK = 0;
export const BREAK = 1;
export const HARDSPACE = 2;
export const SOFTSPACE = 3;
export const SPACE = 4;
export const HARDLINE = 5;
export const EMPTYLINE = 6;
const NEWLINES0 = 6;

// Text annotations.
export const REGULAR = 0;
export const COMMENT = 1;
export const TRAILING_COMMENT = 2;
export const TRAILING = 3;

// Group annotations.
export const REGULAR_G = 0;
export const PRIORITY_G = 1;
export const TRANSPARENT_G = 2;

export interface TextE {
  readonly k: 0;
  readonly nl: number;
  readonly off: number;
  readonly ann: number;
  readonly s: string;
}
export interface SpacingE {
  readonly k: 1;
  readonly sp: number;
}
export interface GroupE {
  readonly k: 2;
  readonly ann: number;
  readonly doc: Doc;
  /** Set on groups whose expansion the printer wants to hear about (see `layout`). */
  readonly tag?: object;
}
/**
 * `nest` applied lazily: its texts are one nesting level deeper. `fixup` (and
 * `unexpandSpacingFlat`) resolve it, so layout never sees one; nixfmt's eager
 * `nest` would copy the document once per level.
 */
export interface NestE {
  readonly k: 3;
  readonly doc: Doc;
}
export type DocE = TextE | SpacingE | GroupE | NestE;
export type Doc = readonly DocE[];

const mkText = (nl: number, off: number, ann: number, s: string): TextE => ({
  k: 0,
  nl,
  off,
  ann,
  s,
});
const spacing = (sp: number): SpacingE => ({ k: 1, sp });
const mkGroup = (ann: number, doc: Doc, tag?: object): GroupE =>
  tag ? { k: 2, ann, doc, tag } : { k: 2, ann, doc };

export const text = (s: string): Doc => (s ? [mkText(0, 0, REGULAR, s)] : []);
export const comment = (s: string): Doc => (s ? [mkText(0, 0, COMMENT, s)] : []);
export const trailing = (s: string): Doc => (s ? [mkText(0, 0, TRAILING, s)] : []);
export const group = (doc: Doc): Doc => [mkGroup(REGULAR_G, doc)];
export const groupWith = (ann: number, doc: Doc): Doc => [mkGroup(ann, doc)];
/** A regular group that `layout` reports (by `tag`) when it is laid out expanded. */
export const taggedGroup = (tag: object, doc: Doc): Doc => [mkGroup(REGULAR_G, doc, tag)];
export const softline_: Doc = [spacing(SOFTBREAK)];
export const line_: Doc = [spacing(BREAK)];
export const softline: Doc = [spacing(SOFTSPACE)];
export const line: Doc = [spacing(SPACE)];
export const hardspace: Doc = [spacing(HARDSPACE)];
export const hardline: Doc = [spacing(HARDLINE)];
export const emptyline: Doc = [spacing(EMPTYLINE)];
export const newline: Doc = [spacing(NEWLINES0 + 1)];
export const empty: Doc = [];

/** Concatenate documents. */
export function cat(...docs: Doc[]): Doc {
  const out: DocE[] = [];
  for (const d of docs) for (const e of d) out.push(e);
  return out;
}

export function sepBy(sep: Doc, docs: readonly Doc[]): Doc {
  const out: DocE[] = [];
  docs.forEach((d, i) => {
    if (i > 0) out.push(...sep);
    out.push(...d);
  });
  return out;
}

export const surroundWith = (outside: Doc, inner: Doc): Doc => cat(outside, inner, outside);

/** Declare `doc` one nesting level deeper (nixfmt's `nest`). */
export function nest(doc: Doc): Doc {
  return doc.length ? [{ k: 3, doc }] : doc;
}

/** Indent by `level` columns without the nesting rules (indented strings). */
export function offset(level: number, doc: Doc): Doc {
  if (level === 0) return doc;
  const go = (e: DocE): DocE => {
    if (e.k === 0) return mkText(e.nl, e.off + level, e.ann, e.s);
    if (e.k === 2) return mkGroup(e.ann, e.doc.map(go), e.tag);
    if (e.k === 3) return { k: 3, doc: e.doc.map(go) };
    return e;
  };
  return doc.map(go);
}

/** Characters in `s` (nixfmt's textWidth counts code points). */
export function textWidth(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) n--;
  }
  return n;
}

const isSoftSpacing = (e: DocE) => e.k === 1 && e.sp <= SPACE && e.sp !== HARDSPACE;
const isHardSpacing = (e: DocE) => e.k === 1 && !isSoftSpacing(e);
function isComment(e: DocE): boolean {
  if (e.k === 0) return e.ann === COMMENT || e.ann === TRAILING_COMMENT;
  if (e.k === 2) return e.doc.every((x) => isComment(x) || isHardSpacing(x));
  return false;
}

export function mergeSpacings(a: number, b: number): number {
  const [x, y] = a > b ? [b, a] : [a, b];
  if (x === BREAK && y === SOFTSPACE) return SPACE;
  if (x === BREAK && y === HARDSPACE) return SPACE;
  if (x === SOFTBREAK && y === HARDSPACE) return SOFTSPACE;
  if (y > NEWLINES0) {
    const ny = y - NEWLINES0;
    if (x > NEWLINES0) return NEWLINES0 + (x - NEWLINES0) + ny;
    if (x === EMPTYLINE) return NEWLINES0 + ny + 2;
    if (x === HARDSPACE) return y;
    return NEWLINES0 + ny + 1;
  }
  return y;
}

/**
 * Force a document onto one line (nixfmt's `unexpandSpacing'`): null when it
 * has hard line breaks or is longer than `limit`.
 */
export function unexpandSpacingFlat(limit: number | null, doc: Doc): Doc | null {
  const out: DocE[] = [];
  let n = limit;
  const stack: Array<{ d: Doc; i: number; depth: number }> = [{ d: doc, i: 0, depth: 0 }];
  while (stack.length) {
    if (n !== null && n < 0) return null;
    const top = stack[stack.length - 1] as { d: Doc; i: number; depth: number };
    if (top.i >= top.d.length) {
      stack.pop();
      continue;
    }
    const e = top.d[top.i++] as DocE;
    if (e.k === 0) {
      out.push(top.depth ? mkText(e.nl + top.depth, e.off, e.ann, e.s) : e);
      if (n !== null) n -= textWidth(e.s);
    } else if (e.k === 1) {
      if (e.sp === HARDSPACE || e.sp === SPACE || e.sp === SOFTSPACE) {
        out.push(hardspace[0] as DocE);
        if (n !== null) n -= 1;
      } else if (e.sp !== BREAK && e.sp !== SOFTBREAK) return null;
    } else stack.push({ d: e.doc, i: 0, depth: top.depth + (e.k === 3 ? 1 : 0) });
  }
  if (n !== null && n < 0) return null;
  return out;
}

/** nixfmt's non-recursive `unexpandSpacing`. */
function unexpandSpacing(doc: Doc): Doc {
  const out: DocE[] = [];
  for (const e of doc) {
    if (e.k === 1 && (e.sp === SPACE || e.sp === SOFTSPACE)) out.push(hardspace[0] as DocE);
    else if (e.k === 1 && (e.sp === BREAK || e.sp === SOFTBREAK)) continue;
    else out.push(e);
  }
  return out;
}

/**
 * nixfmt's `fixup`: merge consecutive spacings and texts, move hard spacing
 * and comments out of the edges of groups, drop empty groups.
 */
export function fixup(doc: Doc, depth = 0): DocE[] {
  const out: DocE[] = [];
  // The work list (top = next element) with the pending nesting depth of each element.
  const work: DocE[] = [];
  const depths: number[] = [];
  pushAll(work, depths, doc, depth);
  while (work.length) {
    settle(work, depths);
    if (!work.length) break;
    const x = work.pop() as DocE;
    const xd = depths.pop() as number;
    settle(work, depths);
    const y = work[work.length - 1];
    const yd = depths[depths.length - 1] as number;
    if (x.k === 1 && y?.k === 1) {
      work[work.length - 1] = spacing(mergeSpacings(x.sp, y.sp));
      depths[depths.length - 1] = 0;
      continue;
    }
    if (x.k === 0 && y?.k === 0 && x.ann === y.ann) {
      work[work.length - 1] = mkText(x.nl, x.off, x.ann, x.s + y.s);
      depths[depths.length - 1] = 0;
      continue;
    }
    if (x.k === 1 && x.sp === HARDSPACE && y?.k === 2) {
      // The hard space has no level: the new group keeps the group's pending one.
      work[work.length - 1] = mkGroup(y.ann, [x, ...y.doc], y.tag);
      continue;
    }
    let lead: DocE | null = null;
    let g: GroupE;
    let gd: number;
    if (x.k === 1 && y?.k === 2) {
      work.pop();
      depths.pop();
      lead = x;
      g = y;
      gd = yd;
    } else if (x.k === 2) {
      g = x;
      gd = xd;
    } else {
      out.push(x);
      continue;
    }
    const inner = fixup(g.doc, gd);
    let i = 0;
    while (i < inner.length && (isHardSpacing(inner[i] as DocE) || isComment(inner[i] as DocE)))
      i++;
    let j = inner.length;
    while (j > i && isHardSpacing(inner[j - 1] as DocE)) j--;
    const only = j - i === 1 ? inner[i] : undefined;
    const tag = g.tag ?? (only?.k === 2 && only.ann === g.ann ? only.tag : undefined);
    if (j === i) {
      // Dissolve the empty group: its edges (and the spacing before it) go round again.
      for (let k = inner.length - 1; k >= j; k--) pushOne(work, depths, inner[k] as DocE);
      for (let k = i - 1; k >= 0; k--) pushOne(work, depths, inner[k] as DocE);
      if (lead) pushOne(work, depths, lead);
      continue;
    }
    if (lead || i > 0) {
      const pre = i > 0 ? inner.slice(0, i) : [];
      if (lead) pre.unshift(lead);
      const again = pre.length > 1 || pre[0]?.k === 2;
      for (const e of again ? fixup(pre) : pre) out.push(e);
    }
    const body =
      only?.k === 2 && only.ann === g.ann
        ? (only.doc as DocE[])
        : i === 0 && j === inner.length
          ? inner
          : inner.slice(i, j);
    out.push(mkGroup(g.ann, body, tag));
    for (let k = inner.length - 1; k >= j; k--) pushOne(work, depths, inner[k] as DocE);
  }
  return out;
}

function pushOne(work: DocE[], depths: number[], e: DocE): void {
  work.push(e);
  depths.push(0);
}
function pushAll(work: DocE[], depths: number[], d: Doc, level: number): void {
  for (let i = d.length - 1; i >= 0; i--) {
    work.push(d[i] as DocE);
    depths.push(level);
  }
}
/** Resolve lazy nests at the top of the work list; materialise a text's level. */
function settle(work: DocE[], depths: number[]): void {
  for (;;) {
    const top = work[work.length - 1];
    if (top === undefined) return;
    if (top.k === 3) {
      work.pop();
      pushAll(work, depths, top.doc, (depths.pop() as number) + 1);
      continue;
    }
    if (top.k === 0) {
      const d = depths[depths.length - 1] as number;
      if (d > 0) {
        work[work.length - 1] = mkText(top.nl + d, top.off, top.ann, top.s);
        depths[depths.length - 1] = 0;
      }
    }
    return;
  }
}

// The lookahead of the layout: a lazily concatenated sequence of documents.
interface Rest {
  readonly d: Doc;
  readonly i: number;
  readonly next: Rest | null;
}
const restOf = (d: Doc, i: number, next: Rest | null): Rest | null =>
  i < d.length ? { d, i, next } : next;

const EMPTY: Doc = [];

/** A read-only walk over a Rest that can step into groups; allocates only on entering one. */
class Cursor {
  d: Doc;
  i: number;
  up: Rest | null;
  constructor(r: Rest | null) {
    this.d = r ? r.d : EMPTY;
    this.i = r ? r.i : 0;
    this.up = r ? r.next : null;
  }
  next(): DocE | undefined {
    while (this.i >= this.d.length) {
      const up = this.up;
      if (!up) return undefined;
      this.d = up.d;
      this.i = up.i;
      this.up = up.next;
    }
    return this.d[this.i++];
  }
  peek(): DocE | undefined {
    const e = this.next();
    if (e !== undefined) this.i--;
    return e;
  }
  /** Continue inside `doc`, then with what followed. */
  enter(doc: Doc): void {
    if (this.i < this.d.length) this.up = { d: this.d, i: this.i, next: this.up };
    this.d = doc;
    this.i = 0;
  }
  /** What is left, as a Rest. */
  rest(): Rest | null {
    return restOf(this.d, this.i, this.up);
  }
  /** `sp` merged with the spacings right after it (across boundaries). */
  mergeSpacing(sp: number): number {
    for (let e = this.peek(); e !== undefined && e.k === 1; e = this.peek()) {
      sp = mergeSpacings(sp, e.sp);
      this.i++;
    }
    return sp;
  }
}

function fits(ni: number, c: number, r: Rest | null): string | null {
  let out = "";
  const cur = new Cursor(r);
  for (;;) {
    if (c < 0) return null;
    const x = cur.next();
    if (x === undefined) return out;
    if (x.k === 0) {
      if (x.ann === REGULAR) {
        const w = textWidth(x.s);
        out += x.s;
        ni -= w;
        c -= w;
      } else if (x.ann === COMMENT) out += x.s;
      else if (x.ann === TRAILING_COMMENT) out += ni === 0 ? ` ${x.s}` : x.s;
    } else if (x.k === 1) {
      const sp = cur.mergeSpacing(x.sp);
      if (sp === SOFTSPACE || sp === SPACE || sp === HARDSPACE) {
        out += " ";
        ni -= 1;
        c -= 1;
      } else if (sp >= HARDLINE) return null;
    } else cur.enter(x.doc);
  }
}

function firstLineWidth(r: Rest | null): number {
  let w = 0;
  const cur = new Cursor(r);
  for (;;) {
    const x = cur.next();
    if (x === undefined) return w;
    if (x.k === 0) {
      if (x.ann !== COMMENT && x.ann !== TRAILING_COMMENT) w += textWidth(x.s);
    } else if (x.k === 1) {
      if (cur.mergeSpacing(x.sp) === HARDSPACE) w += 1;
      else return w;
    } else cur.enter(x.doc);
  }
}

function firstLineFits(targetWidth: number, maxWidth: number, r: Rest | null): boolean {
  let c = maxWidth;
  const cur = new Cursor(r);
  for (;;) {
    if (c < 0) return false;
    const x = cur.next();
    if (x === undefined) return maxWidth - c <= targetWidth;
    if (x.k === 0) {
      if (x.ann === REGULAR) c -= textWidth(x.s);
    } else if (x.k === 1) {
      if (cur.mergeSpacing(x.sp) === HARDSPACE) c -= 1;
      else return maxWidth - c <= targetWidth;
    } else {
      const t = fits(0, c - firstLineWidth(cur.rest()), restOf(x.doc, 0, null));
      if (t === null) cur.enter(x.doc);
      else c -= textWidth(t);
    }
  }
}

/** Nesting level and offset of the first text (nixfmt's `nextIndent`). */
function nextIndent(r: Rest | null): [number, number] {
  let d = r ? r.d : EMPTY;
  let i = r ? r.i : 0;
  let up = r ? r.next : null;
  for (;;) {
    if (i >= d.length) {
      if (!up) return [0, 0];
      d = up.d;
      i = up.i;
      up = up.next;
      continue;
    }
    const x = d[i++] as DocE;
    if (x.k === 0) return [x.nl, x.off];
    if (x.k === 2) {
      // Only the group's own content counts, not what follows it.
      d = x.doc;
      i = 0;
      up = null;
    }
  }
}

type Segment = [boolean, DocE[]];
/** The (pre, prio, post) splits of a group around each of its priority groups. */
function priorityGroups(doc: Doc): Array<[Doc, Doc, Doc]> {
  const segs: Segment[] = [];
  const segments = (d: Doc) => {
    for (const x of d) {
      if (x.k === 2 && x.ann === PRIORITY_G) segs.push([true, x.doc.slice()]);
      else if (x.k === 2 && x.ann === TRANSPARENT_G) segments(x.doc);
      else {
        const last = segs[segs.length - 1];
        if (last && !last[0]) last[1].push(x);
        else segs.push([false, [x]]);
      }
    }
  };
  segments(doc);
  const out: Array<[Doc, Doc, Doc]> = [];
  segs.forEach(([prio, d], i) => {
    if (!prio) return;
    const pre: DocE[] = [];
    for (let j = 0; j < i; j++) pre.push(...(segs[j] as Segment)[1]);
    const post: DocE[] = [];
    for (let j = i + 1; j < segs.length; j++) post.push(...(segs[j] as Segment)[1]);
    out.push([pre, d, post]);
  });
  return out;
}

/** Lay a (fixed-up) document out at `width` columns, indenting by `iw` per level. */
export function layoutGreedy(
  tw: number,
  iw: number,
  doc: Doc,
  onExpand?: (tag: object) => void,
): string {
  let cc = 0;
  // Stack of [current indentation, nesting level]; never empty.
  let indents: Array<[number, number]> = [[0, 0]];
  const out: string[] = [];

  const putText = (textNL: number, textOffset: number, t: string) => {
    for (;;) {
      const [ci, nl] = indents[indents.length - 1] as [number, number];
      if (textNL > nl) {
        indents.push([cc === 0 ? ci + iw : ci, textNL]);
        break;
      }
      if (textNL < nl) {
        indents.pop();
        continue;
      }
      break;
    }
    const [ci] = indents[indents.length - 1] as [number, number];
    if (cc === 0) out.push(" ".repeat(ci + textOffset));
    out.push(t);
    cc += textWidth(t);
  };
  const putNL = (n: number) => {
    cc = 0;
    out.push("\n".repeat(n));
  };
  const putRaw = (t: string) => {
    cc += textWidth(t);
    out.push(t);
  };

  const go = (d: Doc, rest: Rest | null) => {
    for (let i = 0; i < d.length; i++) {
      const x = d[i] as DocE;
      // Plain text needs no lookahead: skip building it.
      if (x.k === 0 && x.ann !== TRAILING_COMMENT) putText(x.nl, x.off, x.s);
      else goOne(x, restOf(d, i + 1, rest));
    }
  };

  const goOne = (x: DocE, xs: Rest | null) => {
    if (x.k === 0) {
      if (x.ann === TRAILING_COMMENT && cc === 2) {
        const lineNL = (indents[indents.length - 1] as [number, number])[1];
        if (nextIndent(xs)[0] > lineNL) {
          putRaw(" ");
          putRaw(x.s);
          return;
        }
      }
      putText(x.nl, x.off, x.s);
      return;
    }
    if (x.k === 1) {
      if (cc === 0) return;
      const sp = x.sp;
      if (sp === BREAK || sp === SPACE || sp === HARDLINE) putNL(1);
      else if (sp === HARDSPACE) putRaw(" ");
      else if (sp === EMPTYLINE) putNL(2);
      else if (sp > NEWLINES0) putNL(sp - NEWLINES0);
      else if (sp === SOFTBREAK) {
        if (!firstLineFits(tw - cc, tw, xs)) putNL(1);
      } else if (sp === SOFTSPACE) {
        if (firstLineFits(tw - cc - 1, tw, xs)) putRaw(" ");
        else putNL(1);
      }
      return;
    }
    if (x.k === 3) throw new Error("layout needs a fixed-up document");
    if (goGroup(x.doc, xs)) return;
    if (x.ann !== TRANSPARENT_G) {
      const prios = priorityGroups(x.doc);
      for (let i = prios.length - 1; i >= 0; i--)
        if (goPriorityGroup(prios[i] as [Doc, Doc, Doc], xs)) return;
    }
    if (x.tag && onExpand) onExpand(x.tag);
    go(x.doc, xs);
  };

  const save = () => ({ cc, indents: indents.slice(), len: out.length });
  const restore = (s: { cc: number; indents: Array<[number, number]>; len: number }) => {
    cc = s.cc;
    indents = s.indents;
    out.length = s.len;
  };

  const goPriorityGroup = ([pre, prio, post]: [Doc, Doc, Doc], rest: Rest | null): boolean => {
    const s = save();
    if (!goGroup(pre, restOf(prio, 0, restOf(post, 0, rest)))) {
      restore(s);
      return false;
    }
    const upost = unexpandSpacing(post);
    go(prio, restOf(upost, 0, rest));
    if (!goGroup(post, rest)) {
      restore(s);
      return false;
    }
    return true;
  };

  /** Try to put the whole group on the current line; false (state untouched) when it does not fit. */
  const goGroup = (grp: Doc, rest: Rest | null): boolean => {
    if (grp.length === 0) return true;
    if (cc === 0) {
      let g = grp;
      const first = grp[0] as DocE;
      if (first.k === 1) g = grp.slice(1);
      else if (first.k === 2 && first.doc[0]?.k === 1)
        g = [mkGroup(first.ann, first.doc.slice(1), first.tag), ...grp.slice(1)];
      const [nl, off] = nextIndent(restOf(g, 0, null));
      const lastLineNL = (indents[indents.length - 1] as [number, number])[1];
      const lineNL = lastLineNL + (nl > lastLineNL ? iw : 0);
      const iwi = nextIndent(rest)[0] > lineNL ? iw : 0;
      const t = fits(iwi, tw - firstLineWidth(rest), restOf(g, 0, null));
      if (t === null) return false;
      putText(nl, off, t);
      return true;
    }
    const lineNL = (indents[indents.length - 1] as [number, number])[1];
    const iwi = nextIndent(rest)[0] > lineNL ? iw : 0;
    const t = fits(iwi - cc, tw - cc - firstLineWidth(rest), restOf(grp, 0, null));
    if (t === null) return false;
    out.push(t);
    cc += textWidth(t);
    return true;
  };

  go([mkGroup(REGULAR_G, doc)], null);
  return out.join("");
}

/**
 * nixfmt's `layout`: fix up, lay out, strip, end with one newline.
 * `onExpand` hears of each tagged group laid out over several lines.
 */
export function layout(
  width: number,
  indentWidth: number,
  doc: Doc,
  onExpand?: (tag: object) => void,
): string {
  return `${layoutGreedy(width, indentWidth, fixup(doc), onExpand).trim()}\n`;
}
