// No detection marker (a compose file's mysql/mariadb is suggested). Plain mysqld helpers:
// data, socket, pid and logs in ./.mysql, a localhost port derived from the project path.
// The clients read MYSQL_UNIX_PORT and MYSQL_TCP_PORT, so `mysql -u root` just connects.
import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

const NEED = ': "${MYSQL_HOME:?enter the dev shell first (nix develop or direnv)}"';

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "mysql",
  name: "MySQL",
  aliases: ["mysqld"],
  packages: ["mysql84", "mycli"],
  shellHook: `export MYSQL_HOME="$project_root/.mysql"
export MYSQL_UNIX_PORT="$MYSQL_HOME/mysql.sock"
# A port of its own per project folder (33000-33999); set MYSQL_TCP_PORT before entering to choose.
MYSQL_TCP_PORT="\${MYSQL_TCP_PORT:-$((33000 + $(printf %s "$project_root" | cksum | cut -d ' ' -f 1) % 1000))}"
export MYSQL_TCP_PORT`,
  commands: [
    {
      name: "mysql-start",
      description: "initialise ./.mysql on first use (user root, no password), then start MySQL",
      runtimeInputs: ["mysql84"],
      text: `${NEED}
if [ ! -d "$MYSQL_HOME/data/mysql" ]; then
  mkdir -p "$MYSQL_HOME"
  mysqld --no-defaults --initialize-insecure --datadir="$MYSQL_HOME/data" \\
    --log-error="$MYSQL_HOME/init.log"
  echo "mysql-start: initialised $MYSQL_HOME/data (user root, no password)"
fi
mysqld --no-defaults --daemonize --datadir="$MYSQL_HOME/data" --socket="$MYSQL_UNIX_PORT" \\
  --port="$MYSQL_TCP_PORT" --bind-address=127.0.0.1 --mysqlx=OFF \\
  --pid-file="$MYSQL_HOME/mysqld.pid" --log-error="$MYSQL_HOME/mysqld.log"
echo "MySQL listens on 127.0.0.1:$MYSQL_TCP_PORT and $MYSQL_UNIX_PORT; mysql-stop stops it"`,
    },
    {
      name: "mysql-stop",
      description: "stop this project's MySQL",
      runtimeInputs: ["mysql84"],
      text: `${NEED}
mysqladmin --user=root --socket="$MYSQL_UNIX_PORT" shutdown`,
    },
    {
      name: "mysql-status",
      description: "whether this project's MySQL answers",
      runtimeInputs: ["mysql84"],
      text: `${NEED}
mysqladmin --user=root --socket="$MYSQL_UNIX_PORT" status`,
    },
  ],
};

export const mysql: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "MySQL 8.4 with mysql-start/mysql-stop/mysql-status (data in ./.mysql) and mycli",
  markers: [],
  gitignore: [".mysql/"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  mysql84: "NixOS/nixpkgs:pkgs/by-name/my/mysql84/package.nix (50 versions in the index, 2026)",
  mycli: "NixOS/nixpkgs:pkgs/by-name/my/mycli/package.nix",
};
