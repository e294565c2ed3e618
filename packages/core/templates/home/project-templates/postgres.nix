{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # PostgreSQL 18; for another version use postgresql_16, postgresql_17
    pkgs.postgresql_18
    pkgs.pgcli
    pkgs.sqlfluff
    pkgs.postgres-language-server
    # pg-start: initialise ./.pgdata on first use, then start PostgreSQL on $PGPORT
    (pkgs.writeShellApplication {
      name = "pg-start";
      runtimeInputs = [ pkgs.postgresql_18 ];
      text = ''
        : "''${PGDATA:?enter the dev shell first (nix develop or direnv)}"
        if [ ! -f "$PGDATA/PG_VERSION" ]; then
          initdb --auth=trust --username="$PGUSER" --encoding=UTF8 --no-locale "$PGDATA" >/dev/null
          echo "pg-start: initialised $PGDATA"
        fi
        pg_ctl --pgdata="$PGDATA" --log="$PGDATA/server.log" --wait \
          --options="-k \"$PGDATA\" -p $PGPORT -c listen_addresses=localhost" start
        echo "PostgreSQL listens on localhost:$PGPORT and in $PGDATA; psql connects, pg-stop stops it"
      '';
    })
    # pg-stop: stop this project's PostgreSQL
    (pkgs.writeShellApplication {
      name = "pg-stop";
      runtimeInputs = [ pkgs.postgresql_18 ];
      text = ''
        : "''${PGDATA:?enter the dev shell first (nix develop or direnv)}"
        pg_ctl --pgdata="$PGDATA" --mode=fast --wait stop
      '';
    })
    # pg-status: whether this project's PostgreSQL runs
    (pkgs.writeShellApplication {
      name = "pg-status";
      runtimeInputs = [ pkgs.postgresql_18 ];
      text = ''
        : "''${PGDATA:?enter the dev shell first (nix develop or direnv)}"
        pg_ctl --pgdata="$PGDATA" status
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

    # PostgreSQL
    export PGDATA="$project_root/.pgdata"
    export PGHOST="$PGDATA"
    # A port of its own per project folder (54000-54999); set PGPORT before entering to choose.
    PGPORT="''${PGPORT:-$((54000 + $(printf %s "$project_root" | cksum | cut -d ' ' -f 1) % 1000))}"
    export PGPORT
    export PGUSER="''${PGUSER:-postgres}"
    export PGDATABASE="''${PGDATABASE:-postgres}"
  '';
}
