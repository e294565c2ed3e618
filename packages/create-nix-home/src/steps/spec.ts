/**
 * Step 2: answers → HomeSpec → FilePlan, in memory. Whatever `--config`
 * carried beyond the questions (extra layers, per-host accounts and emails,
 * unfree allowances) is kept.
 */
import {
  BUILTIN_LAYERS,
  type FilePlan,
  type HomeSpec,
  parseHomeSpec,
  renderHome,
} from "@nixhome/core";
import type { Context } from "../context.js";
import type { Answers } from "./answers.js";

export function buildSpec(ctx: Context, a: Answers): HomeSpec {
  const config = ctx.config;
  const layers = config?.layers ?? [...BUILTIN_LAYERS];
  const hosts: Record<string, unknown> = {};
  for (const h of a.hosts) {
    const before = config?.hosts[h.name];
    const sameUser = !config || config.user.username === a.username;
    hosts[h.name] = {
      ...(before && sameUser ? before : {}),
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
    },
    "answers",
  );
}

/** Render and validate everything before anything touches the disk. */
export function buildPlan(spec: HomeSpec): FilePlan {
  return renderHome(spec);
}
