/**
 * Finds renamed, removed and changed Home Manager options and retired nixpkgs
 * names in one Nix file, and plans the text splices that fix what is
 * mechanical. Works on the lossless tree of ../parse: every edit replaces a
 * span of the source, so bytes outside the spans stay as they were.
 *
 * Where options are found: bindings in a module's attribute set (nested sets
 * and dotted paths alike, under `config = …` too), through lib.mkIf /
 * mkMerge / mkDefault / mkForce / mkOverride wrappers; modules in `imports`;
 * `home-manager.users.<n>` and `home-manager.sharedModules` in NixOS and
 * nix-darwin modules; `modules = [ … ]` of homeManagerConfiguration;
 * `config.<option>` references; `pkgs.<name>` and names under `with pkgs;`.
 *
 * Value deprecations (lib.hm.deprecations): keys under an option HM passes
 * through remapAttrsRecursive (camelCase → snake_case under
 * programs.ashell.settings) are renamed in place, references too; a literal of
 * a shape mkDeprecatedOptionValueWarning names (a list, a Boolean, …) is
 * reported with HM's own message and left as it is.
 */
import { attrName } from "../nix/lexical.js";
import { parseNix } from "../parse/parser.js";
import { stringValue } from "../parse/strings.js";
import {
  type AttrName,
  type Expr,
  type Formals,
  lineCol,
  type NixFile,
  type StringNode,
  type SyntaxBinding,
  type SyntaxBindingLike,
  staticName,
} from "../parse/syntax.js";
import {
  type OptionRule,
  type PackageRule,
  type RemapRule,
  type RenameData,
  renameData,
  type ValueRule,
} from "./data.js";

export interface Finding {
  line: number;
  column: number;
  offset: number;
  /** option: a Home Manager option set here; reference: `config.…`; package: a nixpkgs name. */
  where: "option" | "reference" | "package";
  kind: "renamed" | "removed" | "changed";
  /** The old path as written in the data, concrete (`programs.git.userName`). */
  from: string;
  /** The new path, when there is one. */
  to?: string;
  /** Home Manager's (or nixpkgs') words. */
  message?: string;
  /** `auto`: --fix rewrites it; `manual`: a person must (see `reason`). */
  fix: "auto" | "manual";
  reason?: string;
}

export interface Edit {
  start: number;
  end: number;
  text: string;
}

export interface FileAnalysis {
  findings: Finding[];
  edits: Edit[];
}

type Wild = string;
const ANY = "<name>";
const ELEM = "*";

const WRAPPERS = new Set([
  "mkIf",
  "mkMerge",
  "mkDefault",
  "mkForce",
  "mkOverride",
  "mkBefore",
  "mkAfter",
  "mkOrder",
  "mkVMOverride",
]);

const SYSTEM_KEYS = new Set([
  "boot",
  "networking",
  "systemd",
  "fileSystems",
  "hardware",
  "users",
  "nix",
  "system",
  "environment",
  "security",
  "time",
  "i18n",
  "virtualisation",
  "homebrew",
  "launchd",
  "home-manager",
  "nixpkgs",
  "console",
  "powerManagement",
  "sound",
]);

/** A `${…}` name in a path. */
const DYN = "\u0000dynamic";
const namesWithDyn = (names: readonly AttrName[]) => names.map((n) => staticName(n) ?? DYN);

const PINENTRY_FLAVORS = new Set([
  "curses",
  "tty",
  "gtk2",
  "qt",
  "gnome3",
  "emacs",
  "bemenu",
  "rofi",
]);

/** One binding that sets an option: where it sits and which absolute path it sets. */
interface Site {
  binding: SyntaxBinding;
  /** Absolute option path of the binding's last name. */
  full: string[];
  /** Index in `full` of the binding's first name. */
  start: number;
  /** The binding's ancestors (outermost first), each with its `start`. */
  chain: { binding: SyntaxBinding; start: number }[];
  /** The attribute set that holds the binding. */
  set: Expr & { type: "AttrSet" };
  /** The module it belongs to (for adding `lib`/`pkgs` to its arguments). */
  module: ModuleInfo;
  /** Value is an attribute set literal that was walked into (not a leaf). */
  interior: boolean;
}

interface ModuleInfo {
  formals?: Formals;
  /** The module is a function with `args:` or has no function at all. */
  plain: boolean;
}

const nameOf = (e: Expr): string | undefined => {
  if (e.type === "Var") return e.name;
  if (e.type === "Select" && !e.default) {
    const last = e.path.names[e.path.names.length - 1];
    return last ? staticName(last) : undefined;
  }
  return undefined;
};
const unparen = (e: Expr): Expr => (e.type === "Paren" ? unparen(e.expr) : e);

function staticNames(names: readonly AttrName[]): string[] | undefined {
  const out: string[] = [];
  for (const n of names) {
    const s = staticName(n);
    if (s === undefined) return undefined;
    out.push(s);
  }
  return out;
}

function matches(pattern: readonly Wild[], path: readonly string[]): boolean {
  if (pattern.length > path.length) return false;
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i];
    const q = path[i];
    if (p === ANY ? q === ELEM : p === ELEM ? q !== ELEM : p !== q) return false;
  }
  return true;
}

/** The rule with the same prefix as path, concrete names filled in. */
interface Hit {
  rule: OptionRule;
  from: string[];
  to?: string[];
}

class Rules {
  readonly byHead = new Map<string, OptionRule[]>();
  readonly packages = new Map<string, PackageRule>();
  readonly values: readonly ValueRule[];
  readonly remaps: readonly RemapRule[];
  constructor(data: RenameData) {
    this.values = data.values ?? [];
    this.remaps = data.remaps ?? [];
    for (const r of data.options) {
      const h = r.from[0] as string;
      const list = this.byHead.get(h) ?? [];
      list.push(r);
      this.byHead.set(h, list);
    }
    for (const p of data.packages) this.packages.set(p.name, p);
  }
  /** The longest rule whose `from` is a prefix of path. */
  hit(path: readonly string[]): Hit | undefined {
    let best: OptionRule | undefined;
    for (const r of this.byHead.get(path[0] as string) ?? [])
      if (matches(r.from, path) && (!best || r.from.length > best.from.length)) best = r;
    if (!best) return undefined;
    const from = path.slice(0, best.from.length);
    const fill = (p: readonly string[]) =>
      p.map((x, i) => (i < from.length && (x === ANY || x === ELEM) ? (from[i] as string) : x));
    return { rule: best, from, ...(best.to ? { to: fill(best.to) } : {}) };
  }
  /** Rules under path (path is a strict prefix of their `from`). */
  under(path: readonly string[]): OptionRule[] {
    return (this.byHead.get(path[0] as string) ?? []).filter(
      (r) =>
        r.from.length > path.length &&
        matches(
          path.map((x, i) => (r.from[i] === ANY || r.from[i] === ELEM ? (r.from[i] as string) : x)),
          r.from.slice(0, path.length),
        ),
    );
  }
}

let defaultRules: Rules | undefined;

/** Home Manager's lib.hm.strings predicates and transforms, as remapAttrsRecursive uses them. */
const REMAP_PREDS: Record<string, (key: string) => boolean> = {
  "lib.hm.strings.isCamelCase": (k) => /^[a-z]+([A-Z][a-z0-9]*)+$/.test(k),
};
const REMAP_TRANSFORMS: Record<string, (key: string) => string> = {
  // toCaseWithSeparator "_": every capital becomes "_" + its lower case, a leading "_" dropped.
  "lib.hm.strings.toSnakeCase": (k) =>
    k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replace(/^_/, ""),
  "lib.hm.strings.toKebabCase": (k) =>
    k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`).replace(/^-/, ""),
};

/** A remapAttrsRecursive rule with HM's predicate and transform. */
interface Remap {
  option: string[];
  pred: (k: string) => boolean;
  transform: (k: string) => string;
  ignore: Set<string>;
}

/** The value under mkIf / mkDefault / mkForce / … (their last argument). */
function unwrap(e0: Expr): Expr {
  const e = unparen(e0);
  if (e.type === "App" && WRAPPERS.has(nameOf(e.fn) ?? "") && nameOf(e.fn) !== "mkMerge")
    return unwrap(e.args[e.args.length - 1] as Expr);
  return e;
}

/** Does the literal e have the Nix type `shape`? undefined: not a literal. */
function hasShape(e0: Expr, shape: NonNullable<ValueRule["shape"]>): boolean | undefined {
  const e = unwrap(e0);
  const type =
    e.type === "List" || (e.type === "BinOp" && e.op === "++")
      ? "list"
      : e.type === "Var" && (e.name === "true" || e.name === "false")
        ? "bool"
        : e.type === "String"
          ? "string"
          : e.type === "AttrSet"
            ? "set"
            : e.type === "Lambda"
              ? "function"
              : e.type === "Path"
                ? "path"
                : undefined;
  return type === undefined ? undefined : type === shape;
}

const show = (p: readonly string[]) => p.map((x) => (x === ELEM ? "*" : attrName(x))).join(".");

/** The rename's moving part: from = C ++ F ++ S, to = C ++ T ++ S. */
function delta(from: readonly string[], to: readonly string[]) {
  let c = 0;
  while (c < from.length && c < to.length && from[c] === to[c]) c++;
  let s = 0;
  while (
    s < from.length - c &&
    s < to.length - c &&
    from[from.length - 1 - s] === to[to.length - 1 - s]
  )
    s++;
  let F = from.slice(c, from.length - s);
  let T = to.slice(c, to.length - s);
  // A pure insertion (a.b → a.x.b): rewrite the next name too (b → x.b).
  if (F.length === 0 && c < from.length) {
    F = [from[c] as string];
    T = [...T, from[c] as string];
  }
  return { c, F, T };
}

/** Would `names = …` clash with a binding of the set (Nix: "attribute already defined")? */
function conflicts(bindings: readonly SyntaxBindingLike[], names: string[]): boolean {
  for (const b of bindings) {
    const other =
      b.type === "Binding" ? staticNames(b.path.names) : b.names.map((n) => staticName(n) ?? "\0");
    if (!other) return true;
    if (b.type === "Inherit") {
      if (other.includes(names[0] as string)) return true;
      continue;
    }
    let k = 0;
    while (k < other.length && k < names.length && other[k] === names[k]) k++;
    if (k === 0) continue;
    if (k < other.length && k < names.length) continue;
    if (k === other.length && k < names.length) {
      const v = unparen(b.value);
      if (v.type !== "AttrSet" || v.rec) return true;
      if (conflicts(v.bindings, names.slice(k))) return true;
      continue;
    }
    return true;
  }
  return false;
}

/** How many bindings might define an attribute twice (conservative: literal merges count too). */
function doubleDefinitions(e: unknown): number {
  let n = 0;
  const walk = (x: unknown): void => {
    if (!x || typeof x !== "object") return;
    if (Array.isArray(x)) {
      for (const y of x) walk(y);
      return;
    }
    const o = x as { type?: string; bindings?: SyntaxBindingLike[] };
    if ((o.type === "AttrSet" || o.type === "Let" || o.type === "LetOld") && o.bindings) {
      o.bindings.forEach((b, i) => {
        if (b.type !== "Binding") return;
        const names = staticNames(b.path.names);
        if (names && conflicts(o.bindings?.slice(0, i) ?? [], names)) n++;
      });
    }
    for (const v of Object.values(o)) if (v && typeof v === "object") walk(v);
  };
  walk(e);
  return n;
}

class Analyzer {
  readonly findings: Finding[] = [];
  readonly edits: Edit[] = [];
  readonly sites: Site[] = [];
  /** Bindings already handled by a value-shape rule. */
  private readonly handled = new Set<SyntaxBinding>();
  /** Bindings a move or rule deletes: no other edit may touch them. */
  private readonly claimed: { start: number; end: number }[] = [];

  constructor(
    readonly file: NixFile,
    readonly rules: Rules,
  ) {}

  src(e: { start: number; end: number }): string {
    return this.file.source.slice(e.start, e.end);
  }

  find(at: number, f: Omit<Finding, "line" | "column" | "offset">): Finding {
    const { line, column } = lineCol(this.file.source, at);
    const finding = { line, column, offset: at, ...f };
    this.findings.push(finding);
    return finding;
  }

  edit(start: number, end: number, text: string): boolean {
    if (this.edits.some((e) => e.start === start && e.end === end && e.text === text)) return true;
    for (const c of [...this.claimed, ...this.edits])
      if (start < c.end && c.start < end) return false;
    this.edits.push({ start, end, text });
    return true;
  }

  // ------------------------------------------------------------ the walk

  run(): void {
    const top = this.file.expr;
    if (this.isSystemFile(top)) this.systemWalk(top, new Set());
    else this.module(top, new Set());
    this.scan(top, { bound: new Set(), withPkgs: false });
    this.analyzeSites();
  }

  /** A NixOS / nix-darwin module or a flake: only its Home Manager parts are HM modules. */
  private isSystemFile(top: Expr): boolean {
    let e = unparen(top);
    while (e.type === "Lambda" || e.type === "Let" || e.type === "With" || e.type === "Assert")
      e = unparen(e.type === "Lambda" ? e.body : e.type === "With" ? e.body : e.body);
    if (e.type !== "AttrSet") return false;
    const heads = new Set<string>();
    const collect = (bs: typeof e.bindings) => {
      for (const b of bs) {
        if (b.type !== "Binding") continue;
        const h = staticName(b.path.names[0] as AttrName);
        if (h === undefined) continue;
        if (h === "config" && b.path.names.length === 1) {
          const v = unparen(b.value);
          if (v.type === "AttrSet") collect(v.bindings);
          continue;
        }
        heads.add(h);
      }
    };
    collect(e.bindings);
    if (heads.has("outputs") && heads.has("inputs")) return true;
    if (heads.has("home") || heads.has("xdg")) return false;
    return [...heads].some((h) => SYSTEM_KEYS.has(h));
  }

  /** A module: a function of its arguments, a set (with or without config/options/imports). */
  private module(e0: Expr, bound: Set<string>, info?: ModuleInfo): void {
    const e = unparen(e0);
    if (e.type === "Lambda") {
      const mod: ModuleInfo =
        e.param.type === "Formals" ? { formals: e.param, plain: false } : { plain: true };
      this.module(e.body, bound, info ?? mod);
      return;
    }
    const mod = info ?? { plain: true };
    if (e.type === "Let" || e.type === "With" || e.type === "Assert") {
      this.module(e.body, bound, mod);
      return;
    }
    if (e.type === "App" && WRAPPERS.has(nameOf(e.fn) ?? "")) {
      this.value(e, [], [], mod, undefined);
      return;
    }
    if (e.type !== "AttrSet") return;
    const explicit = e.bindings.some(
      (b) =>
        b.type === "Binding" &&
        b.path.names.length >= 1 &&
        ["config", "options"].includes(staticName(b.path.names[0] as AttrName) ?? ""),
    );
    for (const b of e.bindings) {
      if (b.type !== "Binding") continue;
      const names = staticNames(b.path.names);
      if (!names) continue;
      const head = names[0] as string;
      if (head === "imports" && names.length === 1) {
        const v = unparen(b.value);
        if (v.type === "List") for (const item of v.items) this.module(item, bound);
        continue;
      }
      if (["options", "_file", "key", "disabledModules", "meta", "_class"].includes(head)) continue;
      if (explicit) {
        if (head !== "config") continue;
        this.binding(b, names.slice(1), [], e, mod, 1);
        continue;
      }
      this.binding(b, names, [], e, mod, 0);
    }
  }

  /** A binding at `prefix` (absolute path of the set holding it). */
  private binding(
    b: SyntaxBinding,
    names: string[],
    chain: Site["chain"],
    set: Expr & { type: "AttrSet" },
    mod: ModuleInfo,
    skip: number,
    prefix: string[] = [],
  ): void {
    const full = [...prefix, ...names];
    const start = prefix.length - skip;
    if (full.length === 0) {
      this.value(b.value, [], chain, mod, set);
      return;
    }
    const site: Site = { binding: b, full, start, chain, set, module: mod, interior: false };
    const v = unparen(b.value);
    const walked = this.value(b.value, full, [...chain, { binding: b, start }], mod, set);
    site.interior = walked && v.type === "AttrSet";
    if (!walked || v.type === "AttrSet") this.sites.push(site);
  }

  /** Walk a value set at `full`; true when it was descended into (a set or wrappers of sets). */
  private value(
    e0: Expr,
    full: string[],
    chain: Site["chain"],
    mod: ModuleInfo,
    set: (Expr & { type: "AttrSet" }) | undefined,
  ): boolean {
    const e = unparen(e0);
    if (e.type === "AttrSet") {
      for (const b of e.bindings) {
        if (b.type !== "Binding") continue;
        const names = staticNames(b.path.names);
        if (!names) continue;
        this.binding(b, names, chain, e, mod, 0, full);
      }
      return true;
    }
    if (e.type === "Let" || e.type === "With" || e.type === "Assert")
      return this.value(e.body, full, chain, mod, set);
    if (e.type === "BinOp" && e.op === "//") {
      const l = this.value(e.left, full, chain, mod, set);
      return this.value(e.right, full, chain, mod, set) || l;
    }
    if (e.type === "If") {
      const t = this.value(e.then, full, chain, mod, set);
      return this.value(e.else, full, chain, mod, set) || t;
    }
    if (e.type === "App" && WRAPPERS.has(nameOf(e.fn) ?? "")) {
      const payload = e.args[e.args.length - 1] as Expr;
      const fn = nameOf(e.fn);
      const p = unparen(payload);
      if (fn === "mkMerge" && p.type === "List") {
        let any = false;
        for (const item of p.items) any = this.value(item, full, chain, mod, set) || any;
        return any;
      }
      return ["AttrSet", "App", "Let", "With", "BinOp", "If"].includes(unparen(payload).type)
        ? this.value(payload, full, chain, mod, set)
        : false;
    }
    if (e.type === "List" && full.length) {
      const listRules = this.rules.under([...full, ELEM]).length || this.rules.hit([...full, ELEM]);
      if (listRules) {
        let any = false;
        for (const item of e.items) {
          const u = unparen(item);
          if (u.type === "AttrSet") any = this.value(u, [...full, ELEM], chain, mod, set) || any;
        }
        return any;
      }
    }
    if (e.type === "Lambda" && full.length) {
      // home-manager.users.<n> = { pkgs, ... }: { … } is handled by systemWalk.
      return false;
    }
    return false;
  }

  /** Find Home Manager modules inside a NixOS / nix-darwin module or a flake. */
  private systemWalk(e0: Expr, bound: Set<string>, path: string[] = []): void {
    const e = unparen(e0);
    switch (e.type) {
      case "AttrSet":
      case "LetOld":
      case "Let": {
        for (const b of e.bindings) {
          if (b.type !== "Binding") continue;
          // `home-manager.users.${user}`: a dynamic name is fine where the user's name goes.
          const names = b.path.names.map((n) => staticName(n) ?? DYN);
          const full = [...path, ...names];
          const hm = this.hmRootAt(full);
          if (hm === "users") {
            const v = unparen(b.value);
            if (v.type === "AttrSet" && full.length === 2) {
              for (const u of v.bindings) if (u.type === "Binding") this.module(u.value, bound);
            } else if (full.length >= 3 && !full.slice(3).includes(DYN)) {
              this.hmUnder(b, full.slice(3), path.length);
            }
            continue;
          }
          if (hm === "shared") {
            const v = unparen(b.value);
            if (v.type === "List") for (const item of v.items) this.module(item, bound);
            continue;
          }
          if (
            names.length &&
            names[names.length - 1] === "modules" &&
            unparen(b.value).type === "List"
          ) {
            const v = unparen(b.value) as Expr & { type: "List" };
            if (this.inHomeManagerConfiguration)
              for (const item of v.items) this.module(item, bound);
            else for (const item of v.items) this.systemWalk(item, bound, []);
            continue;
          }
          this.systemWalk(b.value, bound, e.type === "AttrSet" && !names.includes(DYN) ? full : []);
        }
        if (e.type === "Let") this.systemWalk(e.body, bound, path);
        return;
      }
      case "App": {
        const fn = nameOf(e.fn);
        const saved = this.inHomeManagerConfiguration;
        if (fn === "homeManagerConfiguration") this.inHomeManagerConfiguration = true;
        else if (fn === "nixosSystem" || fn === "darwinSystem")
          this.inHomeManagerConfiguration = false;
        if (WRAPPERS.has(fn ?? "")) for (const a of e.args) this.systemWalk(a, bound, path);
        else {
          this.systemWalk(e.fn, bound, []);
          for (const a of e.args) this.systemWalk(a, bound, []);
        }
        this.inHomeManagerConfiguration = saved;
        return;
      }
      case "Lambda":
        this.systemWalk(e.body, bound, path);
        return;
      case "With":
      case "Assert":
        this.systemWalk(e.body, bound, path);
        return;
      case "List":
        for (const i of e.items) this.systemWalk(i, bound, path);
        return;
      case "If":
        this.systemWalk(e.then, bound, path);
        this.systemWalk(e.else, bound, path);
        return;
      case "BinOp":
        if (e.op === "//" || e.op === "++") {
          this.systemWalk(e.left, bound, path);
          this.systemWalk(e.right, bound, path);
        }
        return;
      default:
        return;
    }
  }
  private inHomeManagerConfiguration = false;

  private hmRootAt(full: string[]): "users" | "shared" | undefined {
    if (full[0] !== "home-manager") return undefined;
    if (full[1] === "users" && full.length >= 2) return "users";
    if (full[1] === "sharedModules" && full.length === 2) return "shared";
    return undefined;
  }

  /** `home-manager.users.alice.programs.git.userName = …` and friends: the tail is HM. */
  private hmUnder(b: SyntaxBinding, tail: string[], pathLen: number): void {
    const mod: ModuleInfo = { plain: true };
    if (tail.length === 0) {
      this.module(b.value, new Set(), undefined);
      return;
    }
    // A synthetic site: the binding's names after `home-manager.users.<n>` are HM names.
    const fakeSet = {
      type: "AttrSet",
      rec: false,
      bindings: [],
      open: b.start,
      start: b.start,
      end: b.end,
    } as Expr & { type: "AttrSet" };
    this.binding(b, tail, [], fakeSet, mod, 3 - pathLen, []);
  }

  // ------------------------------------------------------------ references and packages

  private scan(e: Expr, env: { bound: Set<string>; withPkgs: boolean }): void {
    const go = (x: Expr, en = env) => this.scan(x, en);
    switch (e.type) {
      case "Select": {
        const base = unparen(e.expr);
        const names = staticNames(e.path.names);
        if (base.type === "Var" && names) {
          if (base.name === "config" || base.name === "osConfig") this.reference(e, names);
          if (base.name === "pkgs") this.packageRef(e.path.names, names, "pkgs.");
        }
        go(e.expr);
        for (const n of e.path.names) if (n.kind === "interp") go(n.expr);
        if (e.default) go(e.default);
        return;
      }
      case "Var":
        if (env.withPkgs && !env.bound.has(e.name)) {
          const rule = this.rules.packages.get(e.name);
          if (rule) this.packageHit(e, e.name, rule, "pkgs.");
        }
        return;
      case "With": {
        go(e.env);
        const w = unparen(e.env);
        const isPkgs = w.type === "Var" && w.name === "pkgs";
        go(e.body, { bound: env.bound, withPkgs: env.withPkgs || isPkgs });
        return;
      }
      case "Lambda": {
        const bound = new Set(env.bound);
        if (e.param.type === "Ident") bound.add(e.param.name);
        else {
          for (const f of e.param.formals) bound.add(f.name);
          if (e.param.at) bound.add(e.param.at.name);
          for (const f of e.param.formals) if (f.default) go(f.default, { ...env, bound });
        }
        go(e.body, { ...env, bound });
        return;
      }
      case "Let":
      case "LetOld":
      case "AttrSet": {
        let en = env;
        if (e.type !== "AttrSet" || e.rec) {
          const bound = new Set(env.bound);
          for (const b of e.bindings) {
            if (b.type === "Binding") {
              const h = staticName(b.path.names[0] as AttrName);
              if (h) bound.add(h);
            } else for (const n of b.names) bound.add(staticName(n) ?? "");
          }
          en = { ...env, bound };
        }
        for (const b of e.bindings) {
          if (b.type === "Binding") {
            for (const n of b.path.names) if (n.kind === "interp") go(n.expr, en);
            go(b.value, en);
          } else if (b.from) go(b.from, en);
          else if (env.withPkgs && e.type !== "Let")
            for (const n of b.names) {
              const name = staticName(n);
              const rule = name ? this.rules.packages.get(name) : undefined;
              if (rule && name && !env.bound.has(name))
                this.packageHit(n, name, rule, "pkgs.", true);
            }
        }
        if (e.type === "Let") go(e.body, en);
        return;
      }
      case "String":
      case "Path":
        for (const p of e.parts) if (p.kind === "interp") go(p.expr);
        return;
      case "Paren":
      case "Not":
      case "Neg":
        go(e.expr);
        return;
      case "List":
        for (const i of e.items) go(i);
        return;
      case "App":
        go(e.fn);
        for (const a of e.args) go(a);
        return;
      case "HasAttr":
        go(e.expr);
        return;
      case "BinOp":
        go(e.left);
        go(e.right);
        return;
      case "If":
        go(e.cond);
        go(e.then);
        go(e.else);
        return;
      case "Assert":
        go(e.cond);
        go(e.body);
        return;
      default:
        return;
    }
  }

  private packageRef(names: readonly AttrName[], path: string[], prefix: string): void {
    for (let n = path.length; n >= 1; n--) {
      const name = path.slice(0, n).join(".");
      const rule = this.rules.packages.get(name);
      if (!rule) continue;
      const span = { start: (names[0] as AttrName).start, end: (names[n - 1] as AttrName).end };
      this.packageHit(span, name, rule, prefix);
      return;
    }
  }

  private packageHit(
    span: { start: number; end: number },
    name: string,
    rule: PackageRule,
    prefix: string,
    inherited = false,
  ): void {
    const to = rule.to;
    const f = this.find(span.start, {
      where: "package",
      kind: rule.kind === "removed" ? "removed" : to ? "renamed" : "changed",
      from: `${prefix}${name}`,
      ...(to ? { to: `${prefix}${to}` } : {}),
      message: rule.message,
      fix: "manual",
    });
    if (!to) {
      f.reason = "no single successor";
      return;
    }
    if (inherited) {
      f.reason = "inherited name: replace by hand";
      return;
    }
    // Under `with pkgs;` the bare name is replaced; after `pkgs.` the selected names.
    const text = to.split(".").map(attrName).join(".");
    if (this.edit(span.start, span.end, text)) f.fix = "auto";
    else f.reason = "overlaps another change";
  }

  private reference(e: Expr & { type: "Select" }, names: string[]): void {
    const hm = names[0] === "home-manager" && names[1] === "users" && names.length > 3;
    const path = hm ? names.slice(3) : names;
    const off = hm ? 3 : 0;
    const hit = this.rules.hit(path);
    if (!hit) {
      this.remapReference(e, path, off);
      return;
    }
    const f = this.find(e.path.start, {
      where: "reference",
      kind:
        hit.rule.kind === "removed"
          ? "removed"
          : hit.rule.kind === "renamed"
            ? "renamed"
            : "changed",
      from: `config.${show(hit.from)}`,
      ...(hit.to ? { to: `config.${show(hit.to)}` } : {}),
      ...(hit.rule.message ? { message: hit.rule.message } : {}),
      fix: "manual",
    });
    if (hit.rule.kind !== "renamed" || !hit.to) {
      f.reason = hit.rule.kind === "removed" ? "removed option" : "the value changed shape";
      return;
    }
    const { c, F, T } = delta(hit.from, hit.to);
    if (F.length === 0) {
      f.reason = "cannot rewrite in place";
      return;
    }
    const first = e.path.names[off + c] as AttrName;
    const last = e.path.names[off + c + F.length - 1] as AttrName;
    if (this.edit(first.start, last.end, T.map(attrName).join("."))) f.fix = "auto";
    else f.reason = "overlaps another change";
  }

  /** `config.programs.ashell.settings.fooBar`: renamed with the definitions (remapAttrsRecursive). */
  private remapReference(e: Expr & { type: "Select" }, path: string[], off: number): void {
    for (const { option, pred, transform, ignore } of this.remaps()) {
      if (path.length <= option.length || !matches(option, path.slice(0, option.length))) continue;
      for (let i = option.length; i < path.length; i++) {
        const key = path[i] as string;
        if (!pred(key) || ignore.has(key)) continue;
        const renamed = transform(key);
        const name = e.path.names[off + i] as AttrName;
        const f = this.find(name.start, {
          where: "reference",
          kind: "renamed",
          from: `config.${show(path.slice(0, i + 1))}`,
          to: `config.${show([...path.slice(0, i), renamed])}`,
          message: `Home Manager renames the setting '${key}' in '${show(path.slice(0, i))}' to '${renamed}'`,
          fix: "manual",
        });
        if (this.edit(name.start, name.end, attrName(renamed))) f.fix = "auto";
        else f.reason = "overlaps another change";
      }
      return;
    }
  }

  /** The remapAttrsRecursive rules this analysis can apply (known predicate and transform). */
  private remaps(): Remap[] {
    const out: Remap[] = [];
    for (const r of this.rules.remaps) {
      const pred = REMAP_PREDS[r.pred ?? ""];
      const transform = REMAP_TRANSFORMS[r.transform ?? ""];
      if (r.option && pred && transform)
        out.push({ option: r.option, pred, transform, ignore: new Set(r.ignore ?? []) });
    }
    return out;
  }

  // ------------------------------------------------------------ options: findings and fixes

  private analyzeSites(): void {
    const leaves = this.sites.filter((s) => !s.interior);
    // Value-shape rules first: they claim their bindings.
    this.zshRule(leaves);
    this.pinentryRule(leaves);
    this.valueRules(leaves);
    this.remapRules();
    type Planned = { site: Site; hit: Hit; finding: Finding; newPath?: string[] };
    const planned: Planned[] = [];
    const seen = new Set<string>();
    for (const s of leaves) {
      if (this.handled.has(s.binding)) continue;
      const hit = this.rules.hit(s.full);
      if (!hit) {
        // A whole subtree set from a variable: `programs.exa = cfg;`
        // A whole subtree from an expression (`programs = cfg;`) cannot be seen into: not reported.
        const under: OptionRule[] = [];
        if (under.length && !s.interior) {
          const f = this.find(s.binding.path.start, {
            where: "option",
            kind: "changed",
            from: `${show(s.full)}.*`,
            message: `sets options that Home Manager renamed or removed (${under
              .slice(0, 3)
              .map((r) => show(r.from))
              .join(", ")}${under.length > 3 ? ", …" : ""})`,
            fix: "manual",
            reason: "the value is not a literal set: check it by hand",
          });
          void f;
        }
        continue;
      }
      // One finding per binding that ends the old path.
      const owner = this.ownerOf(s, hit.from.length - 1);
      const key = `${show(hit.from)}@${owner?.start ?? s.binding.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const at = owner
        ? this.nameAt(owner.binding, hit.from.length - 1 - owner.start)
        : s.binding.path;
      const f = this.find(at.start, {
        where: "option",
        kind:
          hit.rule.kind === "removed"
            ? "removed"
            : hit.rule.kind === "renamed"
              ? "renamed"
              : "changed",
        from: show(hit.from),
        ...(hit.to ? { to: show(hit.to) } : {}),
        ...(hit.rule.message ? { message: hit.rule.message } : {}),
        fix: "manual",
      });
      if (hit.rule.kind !== "renamed" || !hit.to) {
        f.reason =
          hit.rule.kind === "removed"
            ? "removed: no replacement to move the value to"
            : "the value changed shape: see Home Manager's option docs";
        continue;
      }
      planned.push({ site: s, hit, finding: f });
    }
    // Renames: rewrite names in place, or move a binding into a sibling set literal.
    for (const p of planned) this.rename(p.site, p.hit, p.finding);
  }

  /** lib.hm.deprecations.mkDeprecatedOptionValueWarning: report a literal of the old shape. */
  private valueRules(leaves: Site[]): void {
    for (const r of this.rules.values) {
      const { option, shape, message } = r;
      if (!option || !shape || !message) continue;
      for (const s of leaves) {
        if (s.full.length !== option.length || !matches(option, s.full)) continue;
        if (hasShape(s.binding.value, shape) !== true) continue;
        this.find(s.binding.value.start, {
          where: "option",
          kind: "changed",
          from: show(s.full),
          // HM's words on one line (the report prints one line per finding).
          message: message.replace(/\s*\n\s*/g, " "),
          fix: "manual",
          reason: "a deprecated value shape: rewrite it as Home Manager says",
        });
      }
    }
  }

  /** lib.hm.deprecations.remapAttrsRecursive: keys under the option HM renames (and warns about). */
  private remapRules(): void {
    const done = new Set<AttrName>();
    for (const rule of this.remaps()) {
      const { option, pred, ignore } = rule;
      for (const s of this.sites) {
        if (s.full.length < option.length || !matches(option, s.full.slice(0, option.length)))
          continue;
        const names = s.binding.path.names;
        for (let k = 0; k < names.length; k++) {
          const i = s.start + k;
          const name = names[k] as AttrName;
          const key = s.full[i] as string;
          if (i < option.length || done.has(name) || !pred(key) || ignore.has(key)) continue;
          done.add(name);
          const rel = s.full.slice(s.start, s.start + names.length);
          this.remapKey(rule, name, s.full.slice(0, i), s.set.bindings, rel, k);
        }
        // HM maps into lists too (`modules = [ { someKey = …; } ]`): the walk does not.
        const v = unwrap(s.binding.value);
        if (!s.interior && v.type === "List") this.remapList(rule, v, s.full);
      }
    }
  }

  private remapList(rule: Remap, list: Expr & { type: "List" }, path: string[]): void {
    for (const item of list.items) {
      const v = unwrap(item);
      if (v.type === "List") this.remapList(rule, v, [...path, ELEM]);
      else if (v.type === "AttrSet") this.remapSet(rule, v, [...path, ELEM]);
    }
  }

  private remapSet(rule: Remap, set: Expr & { type: "AttrSet" }, path: string[]): void {
    for (const b of set.bindings) {
      if (b.type !== "Binding") continue;
      const rel = staticNames(b.path.names);
      if (!rel) continue;
      rel.forEach((key, k) => {
        if (rule.pred(key) && !rule.ignore.has(key))
          this.remapKey(
            rule,
            b.path.names[k] as AttrName,
            [...path, ...rel.slice(0, k)],
            set.bindings,
            rel,
            k,
          );
      });
      const v = unwrap(b.value);
      if (v.type === "AttrSet") this.remapSet(rule, v, [...path, ...rel]);
      else if (v.type === "List") this.remapList(rule, v, [...path, ...rel]);
    }
  }

  /** Report `before.key → before.renamed` and rename the key unless its set has the new name. */
  private remapKey(
    rule: Remap,
    name: AttrName,
    before: string[],
    bindings: readonly SyntaxBindingLike[],
    rel: string[],
    k: number,
  ): void {
    const key = rel[k] as string;
    const renamed = rule.transform(key);
    const f = this.find(name.start, {
      where: "option",
      kind: "renamed",
      from: show([...before, key]),
      to: show([...before, renamed]),
      // HM's own warning (remapAttrsRecursive), with the path it names.
      message: `The setting '${key}' in '${show(before)}' was automatically renamed to '${renamed}'. Please update your configuration.`,
      fix: "manual",
    });
    if (conflicts(bindings, [...rel.slice(0, k), renamed, ...rel.slice(k + 1)]))
      f.reason = `'${renamed}' is already set here: merge by hand`;
    else if (this.edit(name.start, name.end, attrName(renamed))) f.fix = "auto";
    else f.reason = "overlaps another change";
  }

  private ownerOf(s: Site, index: number): { binding: SyntaxBinding; start: number } | undefined {
    const all = [...s.chain, { binding: s.binding, start: s.start }];
    for (const c of all)
      if (c.start <= index && index < c.start + c.binding.path.names.length) return c;
    return undefined;
  }

  private nameAt(b: SyntaxBinding, i: number): AttrName {
    return b.path.names[Math.max(0, Math.min(i, b.path.names.length - 1))] as AttrName;
  }

  private rename(s: Site, hit: Hit, f: Finding): void {
    const to = hit.to as string[];
    const { c, F, T } = delta(hit.from, to);
    if (F.length === 0) {
      f.reason = "the new option is inside the old one: move by hand";
      return;
    }
    // A rename that lands on a path already set in this set would define it twice.
    const owner = this.ownerOf(s, c);
    if (!owner || c + F.length > owner.start + owner.binding.path.names.length) {
      if (!this.relocate(s, hit, f))
        f.reason ??= "the old path is split over nested sets: move by hand";
      return;
    }
    // Every option set under the rewritten binding must move the same way.
    const inside = this.sites.filter(
      (x) =>
        !x.interior &&
        (x.binding === owner.binding || x.chain.some((c2) => c2.binding === owner.binding)),
    );
    for (const x of inside) {
      const h = this.rules.hit(x.full);
      const same =
        h?.rule.kind === "renamed" &&
        h.to &&
        (() => {
          const d = delta(h.from, h.to);
          return d.c === c && d.F.join("\0") === F.join("\0") && d.T.join("\0") === T.join("\0");
        })();
      if (!same) {
        if (!this.relocate(s, hit, f))
          f.reason ??= `${show(x.full)} is set in the same place and does not move the same way: move by hand`;
        return;
      }
    }
    const newFull = [...s.full.slice(0, c), ...T, ...s.full.slice(c + F.length)];
    // Would the new path collide with a sibling in the same set?
    const ownerNames = owner.binding.path.names;
    const newBindingPath = [
      ...namesWithDyn(ownerNames).slice(0, c - owner.start),
      ...T,
      ...namesWithDyn(ownerNames).slice(c - owner.start + F.length),
    ];
    const set = this.setOf(owner.binding, s);
    if (set) {
      for (const b of set.bindings) {
        if (b === owner.binding || b.type !== "Binding") continue;
        const other = staticNames(b.path.names);
        if (!other) continue;
        const otherNew = this.newNamesOf(b) ?? other;
        const n = Math.min(otherNew.length, newBindingPath.length);
        if (otherNew.slice(0, n).join("\0") !== newBindingPath.slice(0, n).join("\0")) continue;
        // They overlapped before the rename too: Nix already merges them, nothing new.
        const mine = namesWithDyn(ownerNames);
        const m = Math.min(other.length, mine.length, n);
        if (
          m > 0 &&
          other.slice(0, m).join("\0") === mine.slice(0, m).join("\0") &&
          otherNew === other
        )
          continue;
        // One is a prefix of the other: merge into the literal set when there is one.
        const shorter = otherNew.length <= newBindingPath.length ? b : owner.binding;
        const longer = shorter === b ? owner.binding : b;
        const shortNames = shorter === b ? otherNew : newBindingPath;
        const longNames = shorter === b ? newBindingPath : otherNew;
        const lit = unparen(shorter.value);
        if (shortNames.length === longNames.length || lit.type !== "AttrSet") {
          const where = show([...s.full.slice(0, owner.start), ...shortNames]);
          f.reason =
            shortNames.length === longNames.length
              ? `${where} would be defined twice: merge by hand`
              : `${where} would be defined twice and one value is not a { … } set: merge by hand`;
          return;
        }
        if (longer === owner.binding) {
          // Move this binding into the sibling's set literal.
          const rel = longNames.slice(shortNames.length);
          if (this.moveInto(owner.binding, rel, lit)) f.fix = "auto";
          else f.reason = "overlaps another change";
          return;
        }
        // The sibling goes into ours later (when its own rename runs), or now if it is not renamed.
        if (!this.newNamesOf(b)) {
          f.reason = `${show(other)} is already set here: merge by hand`;
          return;
        }
      }
    }
    const first = ownerNames[c - owner.start] as AttrName;
    const last = ownerNames[c - owner.start + F.length - 1] as AttrName;
    if (this.edit(first.start, last.end, T.map(attrName).join("."))) f.fix = "auto";
    else f.reason = "overlaps another change";
    void newFull;
  }

  private readonly relocated = new Map<SyntaxBinding, boolean>();

  /**
   * Move the binding that ends the old path out to the module's top set under
   * its new path: `programs.git = { enable = true; delta.enable = true; }` →
   * `programs.git = { enable = true; }; programs.delta.enable = true;`.
   */
  private relocate(s: Site, hit: Hit, f: Finding): boolean {
    const to = hit.to as string[];
    const end = this.ownerOf(s, hit.from.length - 1);
    const top = s.chain[0] ?? { binding: s.binding, start: s.start };
    if (!end || end.binding === top.binding) return false;
    const done = this.relocated.get(end.binding);
    if (done !== undefined) {
      if (done) f.fix = "auto";
      else f.reason = "cannot be moved out: move by hand";
      return true;
    }
    const fail = (reason: string) => {
      this.relocated.set(end.binding, false);
      f.reason = reason;
      return false;
    };
    // Everything under the moved binding must come from the same rule.
    for (const x of this.sites) {
      if (
        x.interior ||
        !(x.binding === end.binding || x.chain.some((c) => c.binding === end.binding))
      )
        continue;
      if (this.rules.hit(x.full)?.rule !== hit.rule)
        return fail(
          `${show(x.full)} is set in the same place and does not move the same way: move by hand`,
        );
    }
    const topNames = staticNames(top.binding.path.names);
    const endNames = staticNames(end.binding.path.names);
    if (!topNames || !endNames || top.start > 0) return fail("cannot be moved out: move by hand");
    const names = [
      ...topNames.slice(0, -top.start),
      ...to,
      ...endNames.slice(hit.from.length - end.start),
    ];
    const topSet = this.setOf(top.binding, s);
    if (!topSet || conflicts(topSet.bindings, names))
      return fail(`${show(to)} is already set near here: move by hand`);
    const del = this.lineSpan(end.binding);
    const indent = this.indentBefore(top.binding.start);
    const tail = this.file.source.slice(end.binding.end, del.end).trim();
    const text = `${names.map(attrName).join(".")} = ${this.src(end.binding.value)};${tail ? ` ${tail}` : ""}`;
    const ins: Edit = {
      start: top.binding.end,
      end: top.binding.end,
      text: indent === undefined ? ` ${text}` : `\n${indent}${text}`,
    };
    for (const c of [...this.claimed, ...this.edits]) {
      if (del.start < c.end && c.start < del.end) return fail("overlaps another change");
      if (ins.start < c.end && c.start < ins.end) return fail("overlaps another change");
    }
    this.edits.push({ start: del.start, end: del.end, text: "" }, ins);
    this.claimed.push(del);
    this.relocated.set(end.binding, true);
    f.fix = "auto";
    return true;
  }

  /** The binding's names after its own rename (undefined when it is not renamed). */
  private newNamesOf(b: SyntaxBinding): string[] | undefined {
    const s = this.sites.find((x) => x.binding === b);
    const names = staticNames(b.path.names);
    if (!s || !names) return undefined;
    const hit = this.rules.hit(s.full);
    if (hit?.rule.kind !== "renamed" || !hit.to) return undefined;
    const { c, F, T } = delta(hit.from, hit.to);
    const i = c - s.start;
    if (i < 0 || i + F.length > names.length || F.length === 0) return undefined;
    return [...names.slice(0, i), ...T, ...names.slice(i + F.length)];
  }

  private setOf(b: SyntaxBinding, s: Site): (Expr & { type: "AttrSet" }) | undefined {
    if (s.binding === b) return s.set;
    for (const x of this.sites) if (x.binding === b) return x.set;
    return undefined;
  }

  /** Delete `b` and write `rel = <its value>;` as the first binding of the set literal. */
  private moveInto(b: SyntaxBinding, rel: string[], lit: Expr & { type: "AttrSet" }): boolean {
    const del = this.lineSpan(b);
    const value = this.src(b.value);
    // A comment at the end of the binding's line goes with it.
    const tail = this.file.source.slice(b.end, del.end).trim();
    const text = `${rel.map(attrName).join(".")} = ${value};${tail ? ` ${tail}` : ""}`;
    const first = lit.bindings[0];
    let ins: Edit;
    if (!first) {
      ins = { start: lit.open + 1, end: lit.end - 1, text: ` ${text} ` };
    } else {
      const indent = this.indentBefore(first.start);
      ins =
        indent === undefined
          ? { start: first.start, end: first.start, text: `${text} ` }
          : { start: first.start, end: first.start, text: `${text}\n${indent}` };
    }
    for (const c of [...this.claimed, ...this.edits]) {
      if (del.start < c.end && c.start < del.end) return false;
      if (ins.start < c.end && c.start < ins.end) return false;
    }
    this.edits.push({ start: del.start, end: del.end, text: "" }, ins);
    this.claimed.push(del);
    return true;
  }

  /** The whitespace before `at` when `at` starts its line, else undefined. */
  private indentBefore(at: number): string | undefined {
    const s = this.file.source;
    const nl = s.lastIndexOf("\n", at - 1);
    const lead = s.slice(nl + 1, at);
    return /^[ \t]*$/.test(lead) ? lead : undefined;
  }

  /** A binding's span widened to whole lines when it is alone on its lines. */
  private lineSpan(b: SyntaxBinding): { start: number; end: number } {
    const s = this.file.source;
    const indent = this.indentBefore(b.start);
    let end = b.end;
    while (s[end] === " " || s[end] === "\t") end++;
    if (s[end] === "#") {
      const nl = s.indexOf("\n", end);
      end = nl === -1 ? s.length : nl;
    }
    if (indent !== undefined && (s[end] === "\n" || end >= s.length))
      return { start: b.start - indent.length, end: Math.min(s.length, end + 1) };
    return { start: b.start, end };
  }

  // ------------------------------------------------------------ value-shape rules

  /** Make sure `name` (lib or pkgs) is bound in the module; false when it cannot be. */
  private ensureArg(mod: ModuleInfo, name: string): boolean {
    if (!mod.formals) return false;
    const f = mod.formals;
    if (f.formals.some((x) => x.name === name)) return true;
    if (this.edits.some((e) => e.start === f.start + 1 && e.text.includes(`${name},`))) return true;
    const firstFormal = f.formals[0];
    const s = this.file.source;
    const open = s.indexOf("{", f.at?.before ? f.at.span.end : f.start);
    if (firstFormal) {
      const indent = this.indentBefore(firstFormal.start);
      const text = indent === undefined ? `${name}, ` : `${name},\n${indent}`;
      this.edits.push({ start: firstFormal.start, end: firstFormal.start, text });
    } else if (f.ellipsis) {
      const dots = s.indexOf("...", open);
      const indent = this.indentBefore(dots);
      this.edits.push({
        start: dots,
        end: dots,
        text: indent === undefined ? `${name}, ` : `${name},\n${indent}`,
      });
    } else {
      this.edits.push({ start: open + 1, end: open + 1, text: ` ${name} ` });
    }
    return true;
  }

  /** A value that can be an argument as written (no parentheses needed). */
  private simple(e: Expr): boolean {
    return (
      [
        "Var",
        "Int",
        "Float",
        "String",
        "Path",
        "SPath",
        "Uri",
        "Paren",
        "List",
        "AttrSet",
        "Select",
      ].includes(e.type) && !(e.type === "Select" && e.default)
    );
  }

  private arg(e: Expr): string {
    return this.simple(e) ? this.src(e) : `(${this.src(e)})`;
  }

  /** A value with a module-system wrapper (`lib.mkIf …`): the order would go outside it, which is wrong. */
  private wrapped(e: Expr): boolean {
    const u = unparen(e);
    return u.type === "App" && WRAPPERS.has(nameOf(u.fn) ?? "");
  }

  private zshRule(leaves: Site[]): void {
    const ORDER: Record<string, string | undefined> = {
      initExtra: undefined,
      initExtraFirst: "lib.mkBefore",
      initExtraBeforeCompInit: "lib.mkOrder 550",
    };
    const groups = new Map<Expr, Site[]>();
    for (const s of leaves) {
      const [a, b, c] = s.full.slice(-3);
      if (s.full.length !== 3 || a !== "programs" || b !== "zsh") continue;
      if (c !== "initContent" && !(c && c in ORDER)) continue;
      if (s.start + s.binding.path.names.length - 1 !== 2) continue;
      groups.set(s.set, [...(groups.get(s.set) ?? []), s]);
    }
    for (const group of groups.values()) {
      const old = group.filter((s) => s.full[2] !== "initContent");
      if (!old.length) continue;
      const findings = old.map((s) => {
        const name = s.full[2] as string;
        this.handled.add(s.binding);
        const order = ORDER[name];
        return this.find(
          (s.binding.path.names[s.binding.path.names.length - 1] as AttrName).start,
          {
            where: "option",
            kind: "changed",
            from: `programs.zsh.${name}`,
            to: `programs.zsh.initContent${order ? ` (${order})` : ""}`,
            message: `deprecated, use programs.zsh.initContent${order ? ` with ${order}` : ""}`,
            fix: "manual",
          },
        );
      });
      const fail = (reason: string) => {
        for (const f of findings) f.reason = reason;
      };
      if (old.some((s) => this.wrapped(s.binding.value))) {
        fail("the value has a lib.mk* wrapper: put the order inside it by hand");
        continue;
      }
      const needsLib = old.some((s) => ORDER[s.full[2] as string]) || group.length > 1;
      if (needsLib && !this.ensureArg((old[0] as Site).module, "lib")) {
        fail("needs `lib` and the module takes no { lib, … } arguments: change by hand");
        continue;
      }
      const lastName = (s: Site) =>
        s.binding.path.names[s.binding.path.names.length - 1] as AttrName;
      const item = (s: Site) => {
        const order = ORDER[s.full[2] as string];
        return order ? `${order} ${this.arg(s.binding.value)}` : this.src(s.binding.value);
      };
      let ok = true;
      if (group.length === 1) {
        const s = old[0] as Site;
        const n = lastName(s);
        ok = this.edit(n.start, n.end, "initContent");
        if (ok && ORDER[s.full[2] as string])
          ok = this.edit(s.binding.value.start, s.binding.value.end, item(s));
      } else {
        // Several in one set would define initContent twice: one lib.mkMerge list.
        const [first, ...rest] = group as [Site, ...Site[]];
        const items = group.map((s) => {
          const t = item(s);
          return s.full[2] === "initContent"
            ? this.arg(s.binding.value)
            : ORDER[s.full[2] as string]
              ? `(${t})`
              : this.arg(s.binding.value);
        });
        const n = lastName(first);
        ok = this.edit(n.start, n.end, "initContent");
        const indent = this.indentBefore(first.binding.start) ?? "";
        const list = `lib.mkMerge [\n${items.map((i) => `${indent}  ${i}\n`).join("")}${indent}]`;
        ok = ok && this.edit(first.binding.value.start, first.binding.value.end, list);
        for (const s of rest) {
          const span = this.lineSpan(s.binding);
          ok = ok && this.edit(span.start, span.end, "");
          this.claimed.push(span);
        }
      }
      if (ok) for (const f of findings) f.fix = "auto";
      else fail("overlaps another change");
    }
  }

  private pinentryRule(leaves: Site[]): void {
    for (const s of leaves) {
      if (show(s.full) !== "services.gpg-agent.pinentryFlavor") continue;
      const names = s.binding.path.names;
      if (s.start + names.length - 1 !== 2) continue;
      this.handled.add(s.binding);
      const last = names[names.length - 1] as AttrName;
      const f = this.find(last.start, {
        where: "option",
        kind: "changed",
        from: "services.gpg-agent.pinentryFlavor",
        to: "services.gpg-agent.pinentry.package",
        message: "Use services.gpg-agent.pinentry.package instead",
        fix: "manual",
      });
      const v = unparen(s.binding.value);
      const flavor = v.type === "String" ? stringValue(v as StringNode) : undefined;
      const isNull = v.type === "Var" && v.name === "null";
      if (!isNull && (flavor === undefined || !PINENTRY_FLAVORS.has(flavor))) {
        f.reason = "the flavor is not a known literal: pick the pinentry package by hand";
        continue;
      }
      if (!isNull && !this.ensureArg(s.module, "pkgs")) {
        f.reason = "needs `pkgs` and the module takes no { pkgs, … } arguments: change by hand";
        continue;
      }
      const value = isNull ? "null" : `pkgs.${attrName(`pinentry-${flavor}`)}`;
      if (
        this.edit(last.start, last.end, "pinentry.package") &&
        this.edit(s.binding.value.start, s.binding.value.end, value)
      )
        f.fix = "auto";
      else f.reason = "overlaps another change";
    }
  }
}

export interface AnalyzeOptions {
  data?: RenameData;
}

/** Analyze one parsed file: findings, and the edits that fix the mechanical ones. */
export function analyzeFile(file: NixFile, options: AnalyzeOptions = {}): FileAnalysis {
  if (!options.data && !defaultRules) defaultRules = new Rules(renameData);
  const rules = options.data ? new Rules(options.data) : (defaultRules as Rules);
  const a = new Analyzer(file, rules);
  a.run();
  a.findings.sort((x, y) => x.offset - y.offset);
  return {
    findings: a.findings,
    edits: [...a.edits].sort((x, y) => x.start - y.start || x.end - y.end),
  };
}

/** Apply non-overlapping edits to the source. */
export function applyEdits(source: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((x, y) => x.start - y.start || x.end - y.end);
  let out = "";
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new Error(`internal: overlapping edits at ${e.start}`);
    out += source.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + source.slice(at);
}

export interface FixResult {
  analysis: FileAnalysis;
  /** The fixed text (same as the input when nothing is mechanical). */
  text: string;
}

/**
 * Analyze and fix one source text. The result is parsed again: if it does not
 * parse, no edit is kept and every finding is reported as manual.
 */
export function fixSource(source: string, options: AnalyzeOptions = {}): FixResult {
  const file = parseNix(source);
  const analysis = analyzeFile(file, options);
  if (!analysis.edits.length) return { analysis, text: source };
  const text = applyEdits(source, analysis.edits);
  try {
    const fixed = parseNix(text);
    if (doubleDefinitions(fixed.expr) > doubleDefinitions(file.expr))
      throw new Error("an attribute would be defined twice");
  } catch (e) {
    for (const f of analysis.findings)
      if (f.fix === "auto") {
        f.fix = "manual";
        f.reason = `internal: the fixed file would not parse (${(e as Error).message}); please report it`;
      }
    return { analysis: { ...analysis, edits: [] }, text: source };
  }
  return { analysis, text };
}
