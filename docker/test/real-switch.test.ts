/**
 * Tier 2: a real Home Manager switch of a generated home on a fresh Debian
 * machine with the official Nix installer.
 *
 * Needs the network (nixos.org, GitHub, cache.nixos.org), so it only runs with
 * NIXHOME_E2E_NETWORK=1. Builds the `network` stage of docker/Dockerfile, then
 * inside one container: create-nix-home with two hosts, `home-manager switch`
 * for each, and checks what a person would see (zsh aliases, git identity,
 * tools on PATH, oh-my-zsh, a host override, dev shells via nix and direnv,
 * the user services: `docker run hello-world`, `docker compose up` against the
 * rootless daemon and an HTTP answer from code-server).
 *
 * The container has no systemd as PID 1, so the switch cannot start user
 * services (Home Manager skips sd-switch there). The test starts each unit's
 * own ExecStart with its own Environment, as systemd would, and then talks to
 * it exactly as a shell of the user does (DOCKER_HOST from the session
 * variables). Rootless Docker needs a privileged container (user namespaces,
 * /dev/net/tun) and the host side bootstrap.sh checks: Debian's uidmap and a
 * /etc/subuid range, set up here as root.
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
  withTimeout,
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
/** Where the user's runtime directory would be under systemd-logind. */
const RUNTIME_DIR = "/tmp/nixhome-runtime";
/** The unit files the switch writes. */
const UNIT = (name: string) => `~/.config/systemd/user/${name}.service`;
/** Starts a unit's ExecStart with its Environment= lines in the background (no systemd here). */
const startUnit = (name: string) => `exec_start="$(sed -n 's/^ExecStart=//p' ${UNIT(name)})"
mapfile -t unit_env < <(sed -n 's/^Environment=//p' ${UNIT(name)})
echo "${name}: env \${unit_env[*]} $exec_start"
# shellcheck disable=SC2086 # ExecStart is split into words, as systemd does
setsid env "\${unit_env[@]}" XDG_RUNTIME_DIR=${RUNTIME_DIR} $exec_start >/tmp/${name}.log 2>&1 </dev/null &`;
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
      async function step(
        title: string,
        script: string,
        timeoutMs = 10 * MINUTE,
        user: "user" | "root" = "user",
      ): Promise<string> {
        if (!container) throw new Error("no container");
        const started = Date.now();
        const body = `set -euo pipefail\n${script}`;
        const r =
          user === "root"
            ? await withTimeout(
                container.exec(["bash", "-c", body], { user: "root" }),
                timeoutMs,
                title,
              )
            : await execScript(container, body, timeoutMs);
        const secs = Math.round((Date.now() - started) / 1000);
        console.log(`[tier 2] ${r.exitCode === 0 ? "ok" : "FAIL"} (${secs} s): ${title}`);
        expect(r.exitCode, `${title} failed:\n${tail(r.output, 80)}`).toBe(0);
        return r.output;
      }

      try {
        container = await startContainer(image, { memoryGb: 8, name: "network", privileged: true });

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
          "the switch wrote the docker and code-server user units, DOCKER_HOST at the rootless socket",
          `cat ${UNIT("docker")} ${UNIT("code-server")}
grep -Eq '^ExecStart=/nix/store/[^ ]+/bin/dockerd-rootless$' ${UNIT("docker")}
grep -Eq '^Environment=PATH=/nix/store/[^:]+-rootlesskit[^:]*/bin:/nix/store/[^:]+-slirp4netns[^:]*/bin:/run/wrappers/bin:/usr/bin:/bin$' ${UNIT("docker")}
grep -qx 'Type=notify' ${UNIT("docker")}
grep -qx 'WantedBy=default.target' ${UNIT("docker")}
grep -Eq '^ExecStart=/nix/store/[^ ]+/bin/code-server --bind-addr 127\\.0\\.0\\.1:8080$' ${UNIT("code-server")}
test -L ~/.config/systemd/user/default.target.wants/docker.service
test -L ~/.config/systemd/user/default.target.wants/code-server.service
got="$(XDG_RUNTIME_DIR=${RUNTIME_DIR} zsh -i -c 'print -r -- $DOCKER_HOST' </dev/null | tail -n 1)"
echo "DOCKER_HOST=$got"
test "$got" = "unix://${RUNTIME_DIR}/docker.sock"
grep -qx 'DOCKER_HOST=unix://$XDG_RUNTIME_DIR/docker.sock' ~/.config/environment.d/10-home-manager.conf`,
        );

        await step(
          "the host side bootstrap.sh asks for: uidmap (setuid newuidmap) and a /etc/subuid range",
          `apt-get update -qq && apt-get install -y -qq --no-install-recommends uidmap >/dev/null
for f in /etc/subuid /etc/subgid; do
  grep -q '^${USERNAME}:' "$f" 2>/dev/null || echo '${USERNAME}:100000:65536' >>"$f"
done
install -d -m 0700 -o ${USERNAME} -g ${USERNAME} ${RUNTIME_DIR}
ls -l "$(command -v newuidmap)"`,
          10 * MINUTE,
          "root",
        );

        await step(
          "docker run hello-world and docker compose up work against the rootless daemon",
          `${startUnit("docker")}
for _ in $(seq 120); do [ -S ${RUNTIME_DIR}/docker.sock ] && break; sleep 1; done
[ -S ${RUNTIME_DIR}/docker.sock ] || { cat /tmp/docker.log; exit 1; }
export XDG_RUNTIME_DIR=${RUNTIME_DIR}
zsh -i -c 'docker info --format "{{.SecurityOptions}}"' </dev/null | tail -n 1 | grep -q rootless
zsh -i -c 'docker run --rm hello-world' </dev/null | grep 'Hello from Docker!'
rm -rf ~/compose-hello && mkdir ~/compose-hello && cd ~/compose-hello
printf 'services:\n  hello:\n    image: hello-world\n' > compose.yaml
zsh -i -c 'docker compose up --abort-on-container-exit' </dev/null | grep 'Hello from Docker!'`,
          20 * MINUTE,
        );

        await step(
          "code-server answers on 127.0.0.1:8080 behind the password it wrote itself",
          `${startUnit("code-server")}
code=""
for _ in $(seq 120); do
  code="$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8080/ || true)"
  [ "$code" = 302 ] && break
  sleep 1
done
echo "GET / -> $code"
[ "$code" = 302 ] || { cat /tmp/code-server.log; exit 1; }
curl -fsS http://127.0.0.1:8080/login | grep -qi password
grep -qx 'auth: password' ~/.config/code-server/config.yaml
grep -Eq '^password: .{8,}$' ~/.config/code-server/config.yaml
! grep -rq "$(sed -n 's/^password: //p' ~/.config/code-server/config.yaml)" ~/.config/systemd/user/`,
          10 * MINUTE,
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
