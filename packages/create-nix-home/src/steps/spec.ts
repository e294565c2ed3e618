/**
 * Step 2: answers → HomeSpec → FilePlan, in memory. Whatever `--config`
 * carried beyond the questions (extra layers, per-host accounts and emails,
 * unfree allowances) is kept.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import {
  BUILTIN_LAYERS,
  type FilePlan,
  type HomeSpec,
  parseHomeSpec,
  renderHome,
  usedLayers,
} from "@nixhome/core";
import type { Context } from "../context.js";
import type { Answers } from "./answers.js";

export function buildSpec(ctx: Context, a: Answers): HomeSpec {
  const config = ctx.config;
  const layers = config?.layers ?? [...BUILTIN_LAYERS];
  const hosts: Record<string, unknown> = {};
  for (const h of a.hosts) {
    const before = config?.hosts[h.name];
    // A home that only followed the main account (or another system) is derived again.
    const ownAccount = before?.username !== undefined;
    hosts[h.name] = {
      ...before,
      ...(ownAccount ? {} : { homeDirectory: undefined }),
      layers: before?.layers ?? layers,
      system: h.system,
    };
  }
  return parseHomeSpec(
    {
      version: 1,
      user: { name: a.name, email: a.email, username: a.username, homeDirectory: a.home },
      system: a.system,
      channel: a.channel,
      stateVersion: a.stateVersion,
      shell: a.shell,
      editor: a.editor,
      layers,
      hosts,
      templates: a.templates,
      allowUnfree: (config?.allowUnfree ?? []).filter(
        (p) => p !== "vscode" || a.editor === "vscode",
      ),
      plop: a.plop,
      ...(a.cache ? { cache: a.cache } : {}),
    },
    "answers",
  );
}

/**
 * Render and validate everything before anything touches the disk. A layer
 * other than base and personal is the user's: renderHome can only offer a
 * starter file, so an existing one is left as it is.
 */
export function buildPlan(spec: HomeSpec, target: string): FilePlan {
  const own = usedLayers(spec)
    .filter((l) => !(BUILTIN_LAYERS as readonly string[]).includes(l))
    .map((l) => `profiles/${l}.nix`);
  return renderHome(spec).filter(
    (f) => !(own.includes(f.path) && existsSync(join(target, f.path))),
  );
}
