/**
 * Real Nix as the judge of "the new option gets exactly the old value": a
 * module file is evaluated with nix-instantiate (with lib.mk* as tagged sets,
 * stand-in pkgs and config), its definitions are flattened to (option path,
 * value, modifiers), and the old file's definitions — moved the way Home
 * Manager moves them (its rename data, and the value-shape rules) — must be
 * exactly the new file's.
 */
import { execFileSync } from "node:child_process";
import { type OptionRule, renameData } from "@nixhome/core";

const LIB = `{
  mkIf = condition: content: { _type = "if"; inherit condition content; };
  mkMerge = contents: { _type = "merge"; inherit contents; };
  mkOverride = priority: content: { _type = "override"; inherit priority content; };
  mkDefault = content: { _type = "override"; priority = 1000; inherit content; };
  mkForce = content: { _type = "override"; priority = 50; inherit content; };
  mkOrder = priority: content: { _type = "order"; inherit priority content; };
  mkBefore = content: { _type = "order"; priority = 500; inherit content; };
  mkAfter = content: { _type = "order"; priority = 1500; inherit content; };
}`;

/** Evaluate a module file to JSON (functions applied to the stand-in arguments). */
export function evalModule(file: string, config: unknown, pkgNames: readonly string[]): unknown {
  const pkgs = `builtins.listToAttrs (map (n: { name = n; value = "pkg:" + n; }) (builtins.fromJSON ${JSON.stringify(JSON.stringify(pkgNames))})) // { nodePackages = { typescript-language-server = "pkg:nodePackages.typescript-language-server"; }; }`;
  const expr = `
    let
      lib = ${LIB};
      pkgs = ${pkgs};
      config = builtins.fromJSON ${JSON.stringify(JSON.stringify(config))};
      all = { inherit lib pkgs config; options = { }; osConfig = { }; user = "alice"; };
      apply = f: f (builtins.intersectAttrs (builtins.functionArgs f) all);
      norm = v:
        if builtins.isFunction v then norm (apply v)
        else if builtins.isAttrs v then builtins.mapAttrs (_: norm) v
        else if builtins.isList v then map norm v
        else v;
    in norm (import ${file})`;
  const out = execFileSync("nix-instantiate", ["--eval", "--strict", "--json", "-E", expr], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  return JSON.parse(out);
}

export interface Def {
  path: string[];
  value: unknown;
  mods: string[];
}

/** Flatten a module's value into definitions. `home-manager.users.<n>` / sharedModules are HM roots. */
export function definitions(v: unknown, path: string[] = [], mods: string[] = []): Def[] {
  if (v && typeof v === "object" && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    switch (o._type) {
      case "merge":
        return (o.contents as unknown[]).flatMap((c) => definitions(c, path, mods));
      case "if":
        return definitions(o.content, path, [...mods, `if:${JSON.stringify(o.condition)}`]);
      case "override":
        return definitions(o.content, path, [...mods, `prio:${o.priority}`]);
      case "order":
        return definitions(o.content, path, [...mods, `order:${o.priority}`]);
    }
    if (path.join(".") === "home-manager.sharedModules") return [];
    return Object.entries(o).flatMap(([k, x]) => definitions(x, [...path, k], mods));
  }
  if (Array.isArray(v) && path.join(".") === "home-manager.sharedModules")
    return v.flatMap((m) => definitions(m, [], mods));
  return [{ path, value: v, mods }];
}

const ANY = "<name>";
function hit(path: string[]): { rule: OptionRule; n: number } | undefined {
  let best: OptionRule | undefined;
  for (const r of renameData.options) {
    if (r.from.length > path.length) continue;
    if (
      r.from.every((x, i) => x === ANY || x === path[i]) &&
      (!best || r.from.length > best.from.length)
    )
      best = r;
  }
  return best ? { rule: best, n: best.from.length } : undefined;
}

const PKG = new Map(
  renameData.packages.filter((p) => p.to).map((p) => [`pkg:${p.name}`, `pkg:${p.to}`]),
);
const mapPkgs = (v: unknown): unknown =>
  typeof v === "string" ? (PKG.get(v) ?? v) : Array.isArray(v) ? v.map(mapPkgs) : v;

/** The old definitions moved the way Home Manager moves them. */
export function migrate(defs: readonly Def[]): Def[] {
  return defs.map((d) => {
    const hmAt = d.path[0] === "home-manager" && d.path[1] === "users" ? 3 : 0;
    const head = d.path.slice(0, hmAt);
    const p = d.path.slice(hmAt);
    const key = p.join(".");
    const zsh: Record<string, string | undefined> = {
      "programs.zsh.initExtra": undefined,
      "programs.zsh.initExtraFirst": "order:500",
      "programs.zsh.initExtraBeforeCompInit": "order:550",
    };
    if (key in zsh) {
      const order = zsh[key];
      return {
        path: [...head, "programs", "zsh", "initContent"],
        value: d.value,
        mods: order ? [...d.mods, order] : d.mods,
      };
    }
    if (key === "services.gpg-agent.pinentryFlavor")
      return {
        path: [...head, "services", "gpg-agent", "pinentry", "package"],
        value: d.value === null ? null : `pkg:pinentry-${d.value}`,
        mods: d.mods,
      };
    const remapped = remap(p);
    if (remapped) return { path: [...head, ...remapped], value: mapPkgs(d.value), mods: d.mods };
    const h = hit(p);
    const value = mapPkgs(d.value);
    if (h?.rule.kind === "renamed" && h.rule.to) {
      const to = h.rule.to.map((x, i) => (x === ANY ? (p[i] as string) : x));
      return { path: [...head, ...to, ...p.slice(h.n)], value, mods: d.mods };
    }
    return { path: d.path, value, mods: d.mods };
  });
}

/** Keys under an option HM passes through lib.hm.deprecations.remapAttrsRecursive (camelCase → snake_case). */
function remap(path: string[]): string[] | undefined {
  for (const r of renameData.remaps) {
    const o = r.option;
    if (!o || path.length <= o.length || o.some((x, i) => path[i] !== x)) continue;
    if (r.pred !== "lib.hm.strings.isCamelCase" || r.transform !== "lib.hm.strings.toSnakeCase")
      continue;
    return path.map((k, i) =>
      i >= o.length && /^[a-z]+([A-Z][a-z0-9]*)+$/.test(k) && !r.ignore?.includes(k)
        ? k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
        : k,
    );
  }
  return undefined;
}

/** Definitions as sorted comparable lines. */
export function canonicalDefs(defs: readonly Def[]): string[] {
  return defs
    .map(
      (d) => `${d.path.join(".")} = ${JSON.stringify(d.value)} [${[...d.mods].sort().join(",")}]`,
    )
    .sort();
}
