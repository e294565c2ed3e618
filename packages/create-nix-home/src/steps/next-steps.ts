/**
 * Step 5: what to do now, with the exact switch command for this machine
 * (its host configuration when the hostname is one of the hosts).
 */
import { firstSwitchCommand, type HomeSpec, homeConfigurations } from "@nixhome/core";
import { type Context, shortHostname } from "../context.js";
import type { GitOutcome } from "./git.js";

export function switchTarget(ctx: Context, spec: HomeSpec): string {
  const here = shortHostname(ctx.environment).toLowerCase();
  const configs = homeConfigurations(spec);
  const match = configs.find((c) => c.host !== null && c.host.toLowerCase() === here);
  return (match ?? (configs[0] as (typeof configs)[number])).name;
}

const quote = (s: string) =>
  /^[A-Za-z0-9_./~@:+-]+$/.test(s) ? s : `'${s.replaceAll("'", "'\\''")}'`;

export function nextSteps(
  ctx: Context,
  spec: HomeSpec,
  dir: string,
  opts: { written: number; git: GitOutcome | "off"; notes: readonly string[] },
): string {
  const config = switchTarget(ctx, spec);
  const hosts = Object.keys(spec.hosts);
  const lines = [
    `Wrote ${opts.written} file${opts.written === 1 ? "" : "s"} to ${dir}${opts.git === "staged" ? " (git init; files staged)" : ""}.`,
    "",
    "Next steps:",
    `  cd ${quote(dir)}`,
  ];
  if (opts.git === "refused")
    // Not `git add -A`: that is what would run the folder's own git config (the warning says).
    lines.push("  # git was not run here (see the warning): check .git, then git add the files");
  else if (opts.git !== "staged")
    lines.push("  git init && git add -A         # flakes only see files git knows");
  lines.push(
    `  ${firstSwitchCommand(spec, config)}`,
    "",
    `Afterwards: home-manager switch --flake .   (picks ${spec.user.username}@<hostname>, else ${spec.user.username})`,
  );
  if (hosts.length)
    lines.push(
      `On another machine: clone it, then ./bootstrap.sh <host>   (hosts: ${hosts.join(", ")})`,
    );
  const configs = homeConfigurations(spec);
  const isLinux = (c: (typeof configs)[number]) => c.system.endsWith("-linux");
  // nixpkgs builds no code-server for aarch64-darwin (services/code-server.nix skips it there).
  const served = configs.filter((c) => c.codeServer.enable && c.system !== "aarch64-darwin");
  const here = served.find((c) => c.name === config) ?? served[0];
  if (here) {
    const port = here.codeServer.port;
    lines.push(
      `code-server: ssh -L ${port}:127.0.0.1:${port} <host>, then http://localhost:${port} (password: ~/.config/code-server/config.yaml)`,
    );
  }
  if (configs.some((c) => isLinux(c) && (c.docker || c.codeServer.enable)))
    lines.push(
      "On a server: loginctl enable-linger $USER keeps Docker and code-server running after logout",
    );
  if (spec.templates.length)
    lines.push(
      `Project shells: nix develop .#${spec.templates[0]} here, or nix develop <path>#${spec.templates[0]} anywhere`,
    );
  if (spec.plop) lines.push("Grow it: npm install, then npx plop profile | host | template");
  for (const note of opts.notes) lines.push(`Note: ${note}`);
  return `${lines.join("\n")}\n`;
}
