// No detection marker: a project rarely names its database in a file. PGDATA/PGHOST point
// at ./.pgdata; run `initdb` and `pg_ctl start -o "-k $PGDATA"` when needed.
import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

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
  shellHook: `export PGDATA="$PWD/.pgdata"
export PGHOST="$PGDATA"`,
};

export const postgres: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "PostgreSQL server and client with pgcli, SQLFluff and postgres-language-server",
  markers: [],
  versionFrom: [{ file: ".tool-versions", pattern: "^postgres(?:ql)?\\s+(\\d+)" }],
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
