{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # MySQL
    pkgs.mysql84
    pkgs.mycli
    # mysql-start: initialise ./.mysql on first use (user root, no password), then start MySQL
    (pkgs.writeShellApplication {
      name = "mysql-start";
      runtimeInputs = [ pkgs.mysql84 ];
      text = ''
        : "''${MYSQL_HOME:?enter the dev shell first (nix develop or direnv)}"
        if [ ! -d "$MYSQL_HOME/data/mysql" ]; then
          mkdir -p "$MYSQL_HOME"
          mysqld --no-defaults --initialize-insecure --datadir="$MYSQL_HOME/data" \
            --log-error="$MYSQL_HOME/init.log"
          echo "mysql-start: initialised $MYSQL_HOME/data (user root, no password)"
        fi
        mysqld --no-defaults --daemonize --datadir="$MYSQL_HOME/data" --socket="$MYSQL_UNIX_PORT" \
          --port="$MYSQL_TCP_PORT" --bind-address=127.0.0.1 --mysqlx=OFF \
          --pid-file="$MYSQL_HOME/mysqld.pid" --log-error="$MYSQL_HOME/mysqld.log"
        echo "MySQL listens on 127.0.0.1:$MYSQL_TCP_PORT and $MYSQL_UNIX_PORT; mysql-stop stops it"
      '';
    })
    # mysql-stop: stop this project's MySQL
    (pkgs.writeShellApplication {
      name = "mysql-stop";
      runtimeInputs = [ pkgs.mysql84 ];
      text = ''
        : "''${MYSQL_HOME:?enter the dev shell first (nix develop or direnv)}"
        mysqladmin --user=root --socket="$MYSQL_UNIX_PORT" shutdown
      '';
    })
    # mysql-status: whether this project's MySQL answers
    (pkgs.writeShellApplication {
      name = "mysql-status";
      runtimeInputs = [ pkgs.mysql84 ];
      text = ''
        : "''${MYSQL_HOME:?enter the dev shell first (nix develop or direnv)}"
        mysqladmin --user=root --socket="$MYSQL_UNIX_PORT" status
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

    # MySQL
    export MYSQL_HOME="$project_root/.mysql"
    export MYSQL_UNIX_PORT="$MYSQL_HOME/mysql.sock"
    # A port of its own per project folder (33000-33999); set MYSQL_TCP_PORT before entering to choose.
    MYSQL_TCP_PORT="''${MYSQL_TCP_PORT:-$((33000 + $(printf %s "$project_root" | cksum | cut -d ' ' -f 1) % 1000))}"
    export MYSQL_TCP_PORT
  '';
}
