/**
 * Structural checks of generated modules, on expressions rather than text
 * (template files are read into expressions by core's Nix parser, so a hand
 * edit of one is checked as it is):
 * every option path must be a current Home Manager option, and within each
 * configuration no scalar may be defined twice at the same priority (that is
 * Home Manager's "conflicting definition values" error).
 */
import type { NixExpr } from "../nix/ast.js";
import { renderNix } from "../nix/printer.js";
import { collectOptionPaths } from "./module.js";
import { homeNixFiles } from "./render.js";
import { SERVICE_FILES } from "./services.js";
import { type HomeSpec, homeConfigurations } from "./spec.js";

/** One entry of Home Manager's option list (shared/home-manager/options.json). */
export interface HmOption {
  path: string;
  type: string;
  visible: boolean;
  renamedTo: string | null;
}

export type OptionIndex = ReadonlyMap<string, HmOption>;

export function indexOptions(options: readonly HmOption[]): OptionIndex {
  return new Map(options.map((o) => [o.path, o]));
}

/**
 * Problems with the option paths a module defines: unknown, hidden or renamed
 * options, or a path below an option that takes no free-form attributes.
 */
export function optionProblems(module: NixExpr, options: OptionIndex): string[] {
  const problems: string[] = [];
  for (const path of collectOptionPaths(module)) {
    const full = path.join(".");
    let matched: HmOption | undefined;
    let depth = 0;
    for (let k = 1; k <= path.length; k++) {
      const o = options.get(path.slice(0, k).join("."));
      if (!o) continue;
      matched = o;
      depth = k;
      if (!o.visible || o.renamedTo) break;
      // A submodule lists its own options; anything else below an option is free-form data.
      if (!/^(null or )?submodule/.test(o.type)) break;
    }
    if (!matched) problems.push(`${full}: no such Home Manager option`);
    else if (matched.renamedTo)
      problems.push(`${full}: ${matched.path} was renamed to ${matched.renamedTo}`);
    else if (!matched.visible) problems.push(`${full}: ${matched.path} is hidden (deprecated)`);
    else if (depth < path.length && /^(null or )?submodule/.test(matched.type))
      problems.push(`${full}: no such option in ${matched.path}`);
    else if (depth < path.length && !/attribute set|anything|attrs/.test(matched.type))
      problems.push(`${full}: ${matched.path} (${matched.type}) takes no attributes`);
  }
  return problems;
}

interface Definition {
  module: string;
  priority: number;
  value: string;
}

/** Calls whose value is a list (lists merge: never a conflict). */
const LIST_BUILDERS = new Set(["lib.optional", "lib.optionals"]);

const PRIORITY: Record<string, number> = { "lib.mkDefault": 1000, "lib.mkForce": 50 };

function refName(e: NixExpr): string | null {
  if (e.kind === "ident") return e.name;
  if (e.kind === "select" && e.path.every((p) => typeof p === "string")) {
    const base = refName(e.expr);
    return base === null ? null : [base, ...(e.path as string[])].join(".");
  }
  return null;
}

/** Scalar definitions of a module: option path → priority and printed value. */
function scalarDefinitions(module: NixExpr, name: string): Map<string, Definition> {
  let body = module;
  while (body.kind === "lambda" || body.kind === "let" || body.kind === "with") body = body.body;
  const out = new Map<string, Definition>();
  const visit = (prefix: string[], value: NixExpr, priority: number): void => {
    if (value.kind === "attrs") {
      for (const b of value.bindings)
        if (b.kind === "bind") visit([...prefix, ...b.path], b.value, priority);
      return;
    }
    if (value.kind === "apply") {
      const fn = refName(value.fn);
      const last = value.args[value.args.length - 1] as NixExpr;
      let next: number | undefined;
      if (fn && fn in PRIORITY) next = PRIORITY[fn];
      else if (fn === "lib.mkOverride" && value.args[0]?.kind === "int")
        next = Number(value.args[0].value);
      else if (fn === "lib.mkIf") next = priority;
      if (next !== undefined) {
        visit(prefix, last, next);
        return;
      }
    }
    // Lists merge; `with pkgs; [ … ]` and `a ++ b` are lists too.
    let inner: NixExpr = value;
    while (inner.kind === "with") inner = inner.body;
    if (inner.kind === "list" || (inner.kind === "binary" && inner.op === "++")) return;
    if (inner.kind === "apply" && LIST_BUILDERS.has(refName(inner.fn) ?? "")) return;
    out.set(prefix.join("."), { module: name, priority, value: renderNix(value) });
  };
  visit([], body, 100);
  return out;
}

/**
 * Problems of one configuration's module stack (lowest precedence first): a
 * scalar defined twice at the same priority with different values (Home
 * Manager's "conflicting definition values"), or a later module that would
 * not win over an earlier one.
 */
export function stackProblems(
  stack: ReadonlyArray<readonly [string, NixExpr]>,
  label = "stack",
): string[] {
  const problems: string[] = [];
  const seen = new Map<string, Definition>();
  for (const [name, module] of stack) {
    for (const [path, def] of scalarDefinitions(module, name)) {
      const before = seen.get(path);
      if (before && before.priority === def.priority && before.value !== def.value)
        problems.push(
          `${label}: ${path} is defined in ${before.module} and ${name} at priority ${def.priority}`,
        );
      else if (before && before.priority < def.priority)
        problems.push(`${label}: ${path} in ${name} does not override ${before.module}`);
      seen.set(path, def);
    }
  }
  return problems;
}

/** stackProblems for every configuration of a spec (template files read from their text). */
export function precedenceProblems(spec: HomeSpec): string[] {
  const files = new Map(homeNixFiles(spec).map((f) => [f.path, f.expr]));
  const at = (path: string) => {
    const module = files.get(path);
    if (!module) throw new Error(`precedenceProblems: no ${path} in the repository`);
    return [path, module] as const;
  };
  return homeConfigurations(spec).flatMap((c) =>
    stackProblems(
      [
        at("home.nix"),
        ...c.layers.flatMap((l) => [
          at(`profiles/${l}.nix`),
          ...(l === "base" ? SERVICE_FILES.map((f) => at(f.path)) : []),
        ]),
        ...(c.host ? [at(`hosts/${c.host}.nix`)] : []),
      ],
      c.name,
    ),
  );
}
