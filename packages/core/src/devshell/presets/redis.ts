// No detection marker (a compose file's redis is suggested). Plain redis-server helpers:
// data, socket, pid and log in ./.redis, a localhost port derived from the project path.
import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

const NEED = ': "${REDIS_DIR:?enter the dev shell first (nix develop or direnv)}"';

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "redis",
  name: "Redis",
  aliases: ["redis-server"],
  packages: ["redis"],
  shellHook: `export REDIS_DIR="$project_root/.redis"
# A port of its own per project folder (16000-16999); set REDIS_PORT before entering to choose.
REDIS_PORT="\${REDIS_PORT:-$((16000 + $(printf %s "$project_root" | cksum | cut -d ' ' -f 1) % 1000))}"
export REDIS_PORT
export REDIS_URL="\${REDIS_URL:-redis://127.0.0.1:$REDIS_PORT}"`,
  commands: [
    {
      name: "redis-start",
      description: "start Redis on $REDIS_PORT with its data in ./.redis",
      runtimeInputs: ["redis"],
      text: `${NEED}
mkdir -p "$REDIS_DIR"
redis-server --daemonize yes --dir "$REDIS_DIR" --bind 127.0.0.1 --port "$REDIS_PORT" \\
  --unixsocket "$REDIS_DIR/redis.sock" --pidfile "$REDIS_DIR/redis.pid" \\
  --logfile "$REDIS_DIR/redis.log"
echo "Redis listens on $REDIS_URL and $REDIS_DIR/redis.sock; redis-stop stops it"`,
    },
    {
      name: "redis-stop",
      description: "stop this project's Redis (it saves its data first)",
      runtimeInputs: ["redis"],
      text: `${NEED}
redis-cli -s "$REDIS_DIR/redis.sock" shutdown`,
    },
    {
      name: "redis-status",
      description: "whether this project's Redis answers",
      runtimeInputs: ["redis"],
      text: `${NEED}
redis-cli -s "$REDIS_DIR/redis.sock" ping`,
    },
  ],
};

export const redis: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "Redis with redis-start/redis-stop/redis-status (data in ./.redis) and redis-cli",
  markers: [],
  gitignore: [".redis/"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  redis: "NixOS/nixpkgs:pkgs/by-name/re/redis/package.nix (61 versions in the index, 2026)",
};
