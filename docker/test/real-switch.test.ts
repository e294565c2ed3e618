/**
 * Tier 2: a real Home Manager switch of a generated home on a fresh Debian
 * machine with the official Nix installer.
 *
 * Needs the network (nixos.org, GitHub, cache.nixos.org), so it only runs with
 * NIXHOME_E2E_NETWORK=1. Builds the `network` stage of docker/Dockerfile, then
 * inside one container: create-nix-home with two hosts, `home-manager switch`
 * for each, and checks what a person would see (zsh aliases, git identity,
 * tools on PATH, oh-my-zsh, a host override, dev shells via nix and direnv).
 */
import type { StartedTestContainer } from "testcontainers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assertRuntime,
  buildTarget,
  ensureBaseImage,
  execScript,
  nixSystem,
  prepareContext,
  probeDocker,
  removeContext,
  removeLeftoverContainers,
  shouldSkip,
  startContainer,
  stopContainer,
  tail,
  USER_HOME,
  USERNAME,
} from "./runtime.js";

const NETWORK = process.env.NIXHOME_E2E_NETWORK === "1";
const SKIP_REASON = "tier 2 needs GitHub and cache.nixos.org; set NIXHOME_E2E_NETWORK=1";
if (!NETWORK) console.warn(`[docker-suite] skipping tier 2: ${SKIP_REASON}`);

// --- what is under test: adjust here when the CLIs' interfaces change --------
const NAME = "Test User";
const EMAIL = "test@example.com";
const HOSTS = ["laptop", "work-server"] as const;
/** The host whose git e-mail nixhome.json overrides (written with lib.mkForce in its host file). */
const OVERRIDE_HOST = "work-server";
const WORK_EMAIL = "ops@work.example.com";
const HOME_DIR = `${USER_HOME}/home`;
/** The answers, as a nixhome.json: work-server gets its own git e-mail (a host override). */
const CONFIG_PATH = "/tmp/nixhome-answers.json";
const hostOf = (name: string) => ({
  system: nixSystem(),
  layers: ["base", "personal"],
  ...(name === OVERRIDE_HOST ? { email: WORK_EMAIL } : {}),
});
const CONFIG = {
  version: 1,
  user: { name: NAME, email: EMAIL, username: USERNAME, homeDirectory: USER_HOME },
  system: nixSystem(),
  channel: "unstable",
  stateVersion: "26.05",
  shell: "zsh",
  editor: "vim",
  layers: ["base", "personal"],
  hosts: Object.fromEntries(HOSTS.map((h) => [h, hostOf(h)])),
  templates: ["python"],
  allowUnfree: [],
  plop: false,
};
const HOME_ARGS = ["--yes", "--no-git", "--config", CONFIG_PATH];
const HM = "nix run home-manager/master --";
// -b: keep the skeleton dotfiles (useradd, Nix installer) as backups instead of failing.
const switchTo = (host: string) =>
  `${HM} switch -b backup --flake ${q(`${HOME_DIR}#${USERNAME}@${host}`)}`;
// ------------------------------------------------------------------------------

const MINUTE = 60_000;
const probe = NETWORK ? await probeDocker() : undefined;
const skipDocker = probe ? shouldSkip(probe, "tier 2 (real switch)") : false;

/** Single-quotes a word for bash. */
function q(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

describe("tier 2: real home-manager switch (network)", () => {
  let ctx: string | undefined;

  beforeAll(async () => {
    if (!NETWORK || skipDocker || !probe) return;
    assertRuntime(probe);
    await ensureBaseImage();
    ctx = await prepareContext();
  });

  afterAll(async () => {
    if (!NETWORK || skipDocker) return;
    await removeLeftoverContainers();
    await removeContext(ctx);
  });

  it.skipIf(!NETWORK || skipDocker)(
    "generated home switches on a fresh machine and behaves as configured",
    { timeout: 150 * MINUTE },
    async () => {
      if (!ctx) throw new Error("no build context");
      const image = await buildTarget(ctx, "network");
      let container: StartedTestContainer | undefined;

      /** Runs one step; fails the test with the step's output if it exits non-zero. */
      async function step(title: string, script: string, timeoutMs = 10 * MINUTE): Promise<string> {
        if (!container) throw new Error("no container");
        const started = Date.now();
        const r = await execScript(container, `set -euo pipefail\n${script}`, timeoutMs);
        const secs = Math.round((Date.now() - started) / 1000);
        console.log(`[tier 2] ${r.exitCode === 0 ? "ok" : "FAIL"} (${secs} s): ${title}`);
        expect(r.exitCode, `${title} failed:\n${tail(r.output, 80)}`).toBe(0);
        return r.output;
      }

      try {
        container = await startContainer(image, { memoryGb: 8, name: "network" });

        await step("official Nix is on PATH", "nix --version; command -v nix");

        await step(
          "create-nix-home generates the home from its answers",
          `cat > ${CONFIG_PATH} <<'JSON'\n${JSON.stringify(CONFIG, null, 2)}\nJSON\n` +
            `create-nix-home ${HOME_ARGS.map(q).join(" ")} ${q(HOME_DIR)}\n` +
            `find ${q(HOME_DIR)} -type f | sort\n` +
            `grep -q ${q(WORK_EMAIL)} ${q(`${HOME_DIR}/hosts/${OVERRIDE_HOST}.nix`)}`,
        );

        const [firstHost] = HOSTS;
        await step(
          `home-manager switch to ${USERNAME}@${firstHost}`,
          switchTo(firstHost),
          60 * MINUTE,
        );

        await step(
          "~/.zshrc defines the ll and .. aliases",
          `grep -nE '(^|[[:space:]])(ll|\\.\\.)=' ~/.zshrc || { echo '--- ~/.zshrc:'; cat ~/.zshrc; exit 1; }
zsh -i -c 'alias ll && alias ..' </dev/null`,
        );

        await step(
          "git identity from the generated profile",
          `name="$(git config --get user.name)"; email="$(git config --get user.email)"
echo "user.name=$name user.email=$email"
test "$name" = ${q(NAME)}
test "$email" = ${q(EMAIL)}`,
        );

        await step(
          "direnv and code-server come from Nix and are on PATH",
          `for tool in direnv code-server; do
  p="$(zsh -i -c "command -v $tool" </dev/null | tail -n 1)"
  echo "$tool -> $p -> $(readlink -f "$p")"
  case "$(readlink -f "$p")" in /nix/store/*) ;; *) echo "$tool is not from the Nix store"; exit 1 ;; esac
done
code-server --version | head -n 1`,
        );

        await step(
          "oh-my-zsh is loaded by ~/.zshrc",
          `grep -n 'oh-my-zsh' ~/.zshrc
zdir="$(zsh -i -c 'print -r -- "$ZSH"' </dev/null | tail -n 1)"
echo "ZSH=$zdir"
case "$zdir" in *oh-my-zsh*) ;; *) echo 'ZSH does not point at oh-my-zsh'; exit 1 ;; esac
test -f "$zdir/oh-my-zsh.sh"`,
        );

        const py = await step(
          "nix develop ~/home#python runs python",
          `nix develop ${q(`${HOME_DIR}#python`)} -c python --version`,
          30 * MINUTE,
        );
        expect(py).toMatch(/Python 3\.\d+/);

        const direnv = await step(
          "a create-nix-devshell project enters with direnv",
          `rm -rf ~/proj-py && mkdir ~/proj-py && cd ~/proj-py
printf '[project]\\nname = "demo"\\nversion = "0.1.0"\\nrequires-python = ">=3.11"\\n' > pyproject.toml
create-nix-devshell --yes
cat .envrc
direnv allow .
direnv exec . python --version`,
          30 * MINUTE,
        );
        expect(direnv).toMatch(/Python 3\.\d+/);

        await step(
          `home-manager switch to ${USERNAME}@${OVERRIDE_HOST}`,
          switchTo(OVERRIDE_HOST),
          30 * MINUTE,
        );
        await step(
          `the ${OVERRIDE_HOST} override took effect`,
          `email="$(git config --get user.email)"; echo "user.email=$email"
test "$email" = ${q(WORK_EMAIL)}
test "$(git config --get user.name)" = ${q(NAME)}`,
        );
      } finally {
        await stopContainer(container);
      }
    },
  );
});
