/**
 * A Node built-in module loaded when first needed, not when the bundle starts:
 * `node:crypto` or `node:child_process` cost a CLI milliseconds to load, and a
 * run that never hashes or spawns should not pay them. Works the same in the
 * CLIs' CommonJS bundles and in core's ES module build.
 */
import { createRequire } from "node:module";

type Builtins = {
  "node:child_process": typeof import("node:child_process");
  "node:crypto": typeof import("node:crypto");
  "node:tty": typeof import("node:tty");
};

const cache = new Map<string, unknown>();

export function builtin<K extends keyof Builtins>(id: K): Builtins[K] {
  let mod = cache.get(id);
  if (!mod) {
    // process.getBuiltinModule is Node ≥ 20.16; before it, a require (any absolute
    // path resolves a built-in to itself).
    mod = process.getBuiltinModule?.(id) ?? createRequire(process.execPath)(id);
    cache.set(id, mod);
  }
  return mod as Builtins[K];
}
