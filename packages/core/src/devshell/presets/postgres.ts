// No detection marker: a project rarely names its database in a file (a compose file's
// postgres is suggested instead). Plain pg_ctl helpers, see docs/decisions (services ADR):
// data in ./.pgdata, the socket there too, and a TCP port on localhost derived from the
// project path, so two projects' servers never clash.
import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

const NEED = ': "${PGDATA:?enter the dev shell first (nix develop or direnv)}"';

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "postgres",
  name: "PostgreSQL",
  aliases: ["postgresql", "pg", "psql", "sql"],
  version: {
    flag: "postgres",
    default: "18",
    attrs: {
      "16": "postgresql_16",
      "17": "postgresql_17",
      "18": "postgresql_18",
    },
  },
  packages: ["pgcli", "sqlfluff", "postgres-language-server"],
  shellHook: `export PGDATA="$project_root/.pgdata"
export PGHOST="$PGDATA"
# A port of its own per project folder (54000-54999); set PGPORT before entering to choose.
PGPORT="\${PGPORT:-$((54000 + $(printf %s "$project_root" | cksum | cut -d ' ' -f 1) % 1000))}"
export PGPORT
export PGUSER="\${PGUSER:-postgres}"
export PGDATABASE="\${PGDATABASE:-postgres}"`,
  commands: [
    {
      name: "pg-start",
      description: "initialise ./.pgdata on first use, then start PostgreSQL on $PGPORT",
      runtimeInputs: ["@version"],
      text: `${NEED}
if [ ! -f "$PGDATA/PG_VERSION" ]; then
  initdb --auth=trust --username="$PGUSER" --encoding=UTF8 --no-locale "$PGDATA" >/dev/null
  echo "pg-start: initialised $PGDATA"
fi
pg_ctl --pgdata="$PGDATA" --log="$PGDATA/server.log" --wait \\
  --options="-k \\"$PGDATA\\" -p $PGPORT -c listen_addresses=localhost" start
echo "PostgreSQL listens on localhost:$PGPORT and in $PGDATA; psql connects, pg-stop stops it"`,
    },
    {
      name: "pg-stop",
      description: "stop this project's PostgreSQL",
      runtimeInputs: ["@version"],
      text: `${NEED}
pg_ctl --pgdata="$PGDATA" --mode=fast --wait stop`,
    },
    {
      name: "pg-status",
      description: "whether this project's PostgreSQL runs",
      runtimeInputs: ["@version"],
      text: `${NEED}
pg_ctl --pgdata="$PGDATA" status`,
    },
  ],
};

export const postgres: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description:
    "PostgreSQL with pg-start/pg-stop/pg-status (data in ./.pgdata), pgcli, SQLFluff and an LSP",
  markers: [],
  toolNames: ["postgres", "postgresql"],
  gitignore: [".pgdata/"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  postgresql_16: "NixOS/nixpkgs:pkgs/servers/sql/postgresql/16.nix",
  postgresql_17: "NixOS/nixpkgs:pkgs/servers/sql/postgresql/17.nix",
  postgresql_18: "NixOS/nixpkgs:pkgs/servers/sql/postgresql/18.nix",
  pgcli: "NixOS/nixpkgs:pkgs/by-name/pg/pgcli/package.nix",
  sqlfluff: "NixOS/nixpkgs:pkgs/by-name/sq/sqlfluff/package.nix",
  "postgres-language-server": "NixOS/nixpkgs:pkgs/by-name/po/postgres-language-server/package.nix",
};
