{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # Redis
    pkgs.redis
    # redis-start: start Redis on $REDIS_PORT with its data in ./.redis
    (pkgs.writeShellApplication {
      name = "redis-start";
      runtimeInputs = [ pkgs.redis ];
      text = ''
        : "''${REDIS_DIR:?enter the dev shell first (nix develop or direnv)}"
        mkdir -p "$REDIS_DIR"
        redis-server --daemonize yes --dir "$REDIS_DIR" --bind 127.0.0.1 --port "$REDIS_PORT" \
          --unixsocket "$REDIS_DIR/redis.sock" --pidfile "$REDIS_DIR/redis.pid" \
          --logfile "$REDIS_DIR/redis.log"
        echo "Redis listens on $REDIS_URL and $REDIS_DIR/redis.sock; redis-stop stops it"
      '';
    })
    # redis-stop: stop this project's Redis (it saves its data first)
    (pkgs.writeShellApplication {
      name = "redis-stop";
      runtimeInputs = [ pkgs.redis ];
      text = ''
        : "''${REDIS_DIR:?enter the dev shell first (nix develop or direnv)}"
        redis-cli -s "$REDIS_DIR/redis.sock" shutdown
      '';
    })
    # redis-status: whether this project's Redis answers
    (pkgs.writeShellApplication {
      name = "redis-status";
      runtimeInputs = [ pkgs.redis ];
      text = ''
        : "''${REDIS_DIR:?enter the dev shell first (nix develop or direnv)}"
        redis-cli -s "$REDIS_DIR/redis.sock" ping
      '';
    })
  ];

  # Runs each time you enter the shell.
  shellHook = ''
    # The project's folder: the nearest one up from here with flake.nix, .envrc or .git.
    project_root="$PWD"
    until [ -e "$project_root/flake.nix" ] || [ -e "$project_root/.envrc" ] ||
      [ -e "$project_root/.git" ]; do
      [ "$project_root" != / ] || { project_root="$PWD"; break; }
      project_root="$(dirname "$project_root")"
    done

    # Redis
    export REDIS_DIR="$project_root/.redis"
    # A port of its own per project folder (16000-16999); set REDIS_PORT before entering to choose.
    REDIS_PORT="''${REDIS_PORT:-$((16000 + $(printf %s "$project_root" | cksum | cut -d ' ' -f 1) % 1000))}"
    export REDIS_PORT
    export REDIS_URL="''${REDIS_URL:-redis://127.0.0.1:$REDIS_PORT}"
  '';
}
