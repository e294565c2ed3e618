#!/bin/sh
# bootstrap.sh: set up this machine with one configuration of this repository.
#
#   ./bootstrap.sh [HOST]                                  (in a clone)
#   curl -fsSL <raw URL of bootstrap.sh> | sh -s -- --repo <git URL> [HOST]
#
# HOST defaults to this machine's host name (compared without case); without
# a matching host the default configuration ("<user>") is used. The
# configurations, their systems and the binary cache are read from
# nixhome.json, never baked in here.
#
# 1. Installs Nix with the official installer when it is missing (flakes on,
#    the repository's cache as an extra substituter, its public key trusted).
# 2. Cache path: when the build record (branch nixhome-builds, written by CI)
#    holds a generation built from exactly these sources, it is fetched by
#    store path, signature checked against the key in nixhome.json, and its
#    `activate` runs. Nothing is evaluated on this machine.
# 3. Otherwise: evaluate and switch (nix build of the activation package with
#    the Home Manager pinned in flake.lock, then `activate`). It says which
#    path it took and why.
#
# Options:
#   --repo URL|DIR    the repository (when not run from a clone); URL is cloned
#                     with git (or unpacked with tar when it ends in .tar.gz)
#   --dir DIR         where --repo is cloned (default: ~/home)
#   --record FILE|URL the build record to use instead of the nixhome-builds branch
#   --no-cache        always evaluate and switch
#   --print-source-hash  print the hash of the sources a configuration is built
#                     from (what CI records) and exit
#
# POSIX sh on purpose, so `curl ... | sh -s --` works where bash is missing.
set -eu

NIXHOME_NIX_INSTALLER_URL="${NIXHOME_NIX_INSTALLER_URL:-https://nixos.org/nix/install}"
# Test hook: a prefix for /etc and /nix paths read by this script.
root="${NIXHOME_BOOTSTRAP_ROOT:-}"
store_dir="${NIX_STORE_DIR:-/nix/store}"
features="nix-command flakes"

say() { printf 'bootstrap: %s\n' "$*" >&2; }
die() {
  say "$*"
  exit 1
}
have() { command -v "$1" >/dev/null 2>&1; }
nixc() { nix --extra-experimental-features "$features" "$@"; }

repo_arg=""
clone_dir="${HOME:-}/home"
record_arg=""
no_cache=0
print_hash=0
host_arg=""
while [ $# -gt 0 ]; do
  case "$1" in
    --repo) [ $# -ge 2 ] || die "--repo needs a value"; repo_arg="$2"; shift 2 ;;
    --dir) [ $# -ge 2 ] || die "--dir needs a value"; clone_dir="$2"; shift 2 ;;
    --record) [ $# -ge 2 ] || die "--record needs a value"; record_arg="$2"; shift 2 ;;
    --no-cache) no_cache=1; shift ;;
    --print-source-hash) print_hash=1; shift ;;
    -h | --help)
      case "$0" in
        *bootstrap.sh) sed -n '2,30p' "$0" | sed 's/^# \{0,1\}//' ;;
        *) echo "usage: bootstrap.sh [--repo URL|DIR] [--dir DIR] [--record FILE|URL] [--no-cache] [HOST]" ;;
      esac
      exit 0
      ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) [ -z "$host_arg" ] || die "one HOST only (got $host_arg and $1)"; host_arg="$1"; shift ;;
  esac
done

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- repository
if [ -n "$repo_arg" ]; then
  if [ -d "$repo_arg" ]; then
    repo="$(cd "$repo_arg" && pwd)"
  elif [ -f "$clone_dir/nixhome.json" ]; then
    say "using the existing $clone_dir (not fetching $repo_arg again)"
    repo="$clone_dir"
  else
    [ ! -e "$clone_dir" ] || die "$clone_dir exists and has no nixhome.json; choose another --dir"
    case "$repo_arg" in
      *.tar.gz | *.tgz)
        have curl || die "curl is needed to fetch $repo_arg (e.g. sudo apt-get install -y curl)"
        mkdir -p "$clone_dir"
        curl -fsSL "$repo_arg" | tar -xzf - -C "$clone_dir" --strip-components=1 ||
          die "could not fetch and unpack $repo_arg"
        ;;
      *)
        have git || die "git is needed to clone $repo_arg (e.g. sudo apt-get install -y git)"
        git clone -q "$repo_arg" "$clone_dir" || die "git clone $repo_arg failed"
        ;;
    esac
    repo="$clone_dir"
  fi
else
  case "$0" in
    */bootstrap.sh | bootstrap.sh) repo="$(cd "$(dirname "$0")" && pwd)" ;;
    *) repo="$(pwd)" ;;
  esac
  [ -f "$repo/nixhome.json" ] ||
    die "no nixhome.json next to this script: run ./bootstrap.sh in a clone, or pass --repo <git URL>"
fi
[ -f "$repo/nixhome.json" ] || die "$repo has no nixhome.json"

# -------------------------------------------------------------- reading JSON
# json_flat FILE: one line per scalar, "path<TAB>value", the path's keys joined
# by "/" (array items by index). Enough JSON for nixhome.json and the record.
json_flat() {
  awk '
    function fail(m) { printf "bootstrap: %s: %s\n", FILENAME, m > "/dev/stderr"; bad = 1; exit 1 }
    function ws() { while (pos <= n && index(" \t\r\n", substr(s, pos, 1)) > 0) pos++ }
    function str(   out, c, e) {
      pos++; out = ""
      while (pos <= n) {
        c = substr(s, pos, 1)
        if (c == "\"") { pos++; return out }
        if (c == "\\") {
          e = substr(s, pos + 1, 1); pos += 2
          if (e == "n") out = out "\n"; else if (e == "t") out = out "\t"
          else if (e == "u") { out = out "?"; pos += 4 } else out = out e
          continue
        }
        out = out c; pos++
      }
      fail("unterminated string")
    }
    function value(path,   c, k, i, v) {
      ws(); c = substr(s, pos, 1)
      if (c == "{") {
        pos++; ws()
        if (substr(s, pos, 1) == "}") { pos++; return }
        while (1) {
          ws(); if (substr(s, pos, 1) != "\"") fail("expected a key")
          k = str(); ws()
          if (substr(s, pos, 1) != ":") fail("expected :")
          pos++; value(path == "" ? k : path "/" k); ws()
          c = substr(s, pos, 1); pos++
          if (c == "}") return
          if (c != ",") fail("expected , or }")
        }
      }
      if (c == "[") {
        pos++; ws(); i = 0
        if (substr(s, pos, 1) == "]") { pos++; return }
        while (1) {
          value(path "/" i++); ws()
          c = substr(s, pos, 1); pos++
          if (c == "]") return
          if (c != ",") fail("expected , or ]")
        }
      }
      if (c == "\"") { v = str(); print path "\t" v; return }
      if (match(substr(s, pos), /^(true|false|null|-?[0-9][0-9.eE+-]*)/)) {
        print path "\t" substr(s, pos, RLENGTH); pos += RLENGTH; return
      }
      fail("unexpected character at " pos)
    }
    { s = s $0 "\n" }
    END { if (bad) exit 1; n = length(s); pos = 1; value(""); ws(); if (pos <= n) fail("trailing text") }
  ' "$1"
}
# get FLAT PATH: the value at PATH, or nothing.
get() { awk -F '\t' -v k="$2" '$1 == k { print substr($0, length(k) + 2); exit }' "$1"; }
# keys FLAT PREFIX: the distinct keys directly under PREFIX, in file order.
keys() {
  awk -F '\t' -v p="$2/" 'index($1, p) == 1 { k = substr($1, length(p) + 1); sub(/\/.*/, "", k); if (!(k in seen)) { seen[k] = 1; print k } }' "$1"
}

spec="$tmp/spec.flat"
json_flat "$repo/nixhome.json" >"$spec" || die "$repo/nixhome.json is not valid JSON"

# ----------------------------------------------------- the sources, hashed
sha256() {
  if have sha256sum; then sha256sum | cut -d ' ' -f 1
  elif have shasum; then shasum -a 256 | cut -d ' ' -f 1
  else die "neither sha256sum nor shasum is installed"
  fi
}
# What a configuration is built from: flake.lock, nixhome.json and every .nix
# file of the repository (flake.nix, home.nix, profiles/, hosts/, services/
# and any folder added by hand), outside .git, node_modules and result links.
# CI records this hash; a generation is reused only when the checkout here
# hashes the same.
source_hash() {
  (
    cd "$repo"
    {
      for f in flake.lock nixhome.json; do [ -f "$f" ] && printf '%s\n' "$f"; done
      find . \( -name .git -o -name node_modules -o -name '.nixhome-*' -o -name 'result*' \) -prune -o \
        -type f -name '*.nix' -print | sed 's|^\./||'
    } | LC_ALL=C sort | while IFS= read -r f; do
      printf '%s  %s\n' "$(sha256 <"$f")" "$f"
    done | sha256
  )
}
if [ "$print_hash" = 1 ]; then
  printf 'sha256:%s\n' "$(source_hash)"
  exit 0
fi

# ------------------------------------------------------------ this machine
case "$(uname -sm)" in
  "Linux x86_64") system=x86_64-linux ;;
  "Linux aarch64" | "Linux arm64") system=aarch64-linux ;;
  "Darwin arm64" | "Darwin aarch64") system=aarch64-darwin ;;
  "Darwin x86_64") system=x86_64-darwin ;;
  *) die "unsupported machine: $(uname -sm) (Nix and Home Manager run on x86_64/aarch64 Linux and macOS)" ;;
esac
me="$(id -un)"

# Configurations, as flake.nix makes them: "<user>" with the top-level
# settings, and "<user>@<host>" for each host. One line each:
# name<TAB>host<TAB>system<TAB>username
top_user="$(get "$spec" user/username)"
top_system="$(get "$spec" system)"
if [ -z "$top_user" ] || [ -z "$top_system" ]; then die "nixhome.json has no user.username or system"; fi
configs="$tmp/configs"
printf '%s\t-\t%s\t%s\n' "$top_user" "$top_system" "$top_user" >"$configs"
for h in $(keys "$spec" hosts); do
  u="$(get "$spec" "hosts/$h/username")"
  s="$(get "$spec" "hosts/$h/system")"
  printf '%s@%s\t%s\t%s\t%s\n' "${u:-$top_user}" "$h" "$h" "${s:-$top_system}" "${u:-$top_user}" >>"$configs"
done

fitting() {
  awk -F '\t' -v s="$system" '$3 == s { printf "  ./bootstrap.sh %s   (%s)\n", ($2 == "-" ? "" : $2), $1 }' "$configs"
}
refuse() {
  say "$1"
  if [ -n "$(fitting)" ]; then
    say "configurations for this machine ($system):"
    fitting >&2
  else
    say "no configuration in nixhome.json is for $system; add a host with \"system\": \"$system\""
  fi
  exit 1
}

if [ -n "$host_arg" ]; then
  line="$(awk -F '\t' -v h="$host_arg" 'tolower($2) == tolower(h)' "$configs")"
  [ -n "$line" ] || refuse "no host '$host_arg' in nixhome.json"
  why="the argument"
else
  host="$(hostname -s 2>/dev/null || uname -n)"
  host="${host%%.*}"
  line="$(awk -F '\t' -v h="$host" 'tolower($2) == tolower(h)' "$configs")"
  why="this machine's host name"
  if [ -z "$line" ]; then
    line="$(head -n 1 "$configs")"
    why="the default (no host '$host' in nixhome.json)"
  fi
fi
config="$(printf '%s\n' "$line" | cut -f 1)"
chost="$(printf '%s\n' "$line" | cut -f 2)"
csystem="$(printf '%s\n' "$line" | cut -f 3)"
cuser="$(printf '%s\n' "$line" | cut -f 4)"
[ "$csystem" = "$system" ] ||
  refuse "refusing $config: it is for $csystem, this machine is $system ($(uname -sm))"
[ "$cuser" = "$me" ] ||
  die "refusing $config: it is for the user $cuser, you are $me (run this as $cuser, or set \"username\" for the host)"
say "configuration $config ($csystem), chosen by $why"

# ---------------------------------------- rootless docker needs (Linux only)
setting() { # per-host value over the top-level one (nixhome.json contract)
  v=""
  [ "$chost" = "-" ] || v="$(get "$spec" "hosts/$chost/$1")"
  [ -n "$v" ] || v="$(get "$spec" "$1")"
  printf '%s\n' "$v"
}
todo=""
if [ "${system#*-}" = linux ] && [ "$(setting docker)" != false ] && [ "$(id -u)" = 0 ]; then
  say "rootless docker does not run as root: set \"docker\": false for this host and use the system's Docker"
elif [ "${system#*-}" = linux ] && [ "$(setting docker)" != false ]; then
  missing=""
  for b in newuidmap newgidmap; do
    p="$(command -v "$b" 2>/dev/null || true)"
    if [ -z "$p" ] || ! [ -u "$p" ]; then missing="$missing $b"; fi
  done
  if [ -n "$missing" ]; then
    fix="sudo apt-get install -y uidmap"
    have apt-get || fix="install the package that ships setuid newuidmap/newgidmap (shadow-utils / uidmap)"
    say "rootless docker needs setuid newuidmap and newgidmap (missing or not setuid:$missing); run: $fix"
    todo="$todo
  $fix"
  fi
  for f in subuid subgid; do
    if ! grep -q "^$me:" "$root/etc/$f" 2>/dev/null; then
      fix="sudo usermod --add-subuids 100000-165535 --add-subgids 100000-165535 $me"
      say "rootless docker needs subordinate ids for $me in /etc/$f; run: $fix"
      todo="$todo
  $fix"
      break
    fi
  done
fi

# ---------------------------------------------------------------------- Nix
cache_url="$(get "$spec" cache/url)"
cache_key="$(get "$spec" cache/publicKey)"
case "$cache_url$cache_key" in *[[:space:]\'\"\\]*) die "nixhome.json: cache.url or cache.publicKey contains spaces or quotes" ;; esac
if [ -n "$cache_url" ] && [ -z "$cache_key" ]; then die "nixhome.json: cache.url is set but cache.publicKey is not"; fi

load_nix() {
  for f in "$root/nix/var/nix/profiles/default/etc/profile.d/nix-daemon.sh" \
    "${HOME:-}/.nix-profile/etc/profile.d/nix.sh"; do
    if [ -e "$f" ]; then
      set +u
      # shellcheck disable=SC1090
      . "$f"
      set -u
      return 0
    fi
  done
}

have nix || load_nix
if ! have nix; then
  have curl || die "Nix is not installed and curl is missing: install curl first (e.g. sudo apt-get install -y curl), then run this again"
  say "installing Nix ($NIXHOME_NIX_INSTALLER_URL)"
  conf="$tmp/nix.conf"
  printf 'experimental-features = %s\n' "$features" >"$conf"
  if [ -n "$cache_url" ]; then
    printf 'extra-substituters = %s\nextra-trusted-public-keys = %s\n' "$cache_url" "$cache_key" >>"$conf"
  fi
  curl --proto '=https' --tlsv1.2 -fsSL "$NIXHOME_NIX_INSTALLER_URL" -o "$tmp/install-nix" ||
    die "could not download the Nix installer from $NIXHOME_NIX_INSTALLER_URL"
  if [ "$(uname -s)" = Darwin ] || [ -d "$root/run/systemd/system" ]; then
    mode="--daemon --yes"
  else
    mode="--no-daemon"
  fi
  # shellcheck disable=SC2086
  sh "$tmp/install-nix" $mode --nix-extra-conf-file "$conf" </dev/null ||
    die "the Nix installer failed (exit $?); see its output above"
  load_nix
  have nix || die "the Nix installer finished but nix is not on PATH; open a new shell and run this again"
fi

nix_conf="$tmp/nix-config"
nixc show-config >"$nix_conf" 2>/dev/null || die "nix show-config failed: is this Nix working? (nix --version: $(nix --version 2>&1 || true))"
conf_get() { sed -n "s/^$1 = //p" "$nix_conf" | head -n 1; }
enabled="$(conf_get experimental-features)"
case " $enabled " in
  *" flakes "*) ;;
  *) say "flakes are off in nix.conf: this run turns them on for itself. To make it permanent:"
     say "  mkdir -p ~/.config/nix && echo 'experimental-features = nix-command flakes' >>~/.config/nix/nix.conf" ;;
esac

# May this user add a substituter? Yes with a store of its own (single-user
# Nix, root) or as a trusted user; else only a URL nix.conf already trusts.
in_list() { case " $2 " in *" $1 "*) return 0 ;; esac; return 1; }
may_substitute() {
  [ "$(id -u)" = 0 ] && return 0
  [ -n "$(find "$store_dir" -prune -user "$(id -u)" 2>/dev/null)" ] && return 0
  for t in $(conf_get trusted-users); do
    case "$t" in
      "*" | "$me") return 0 ;;
      @*) for g in $(id -Gn); do [ "@$g" != "$t" ] || return 0; done ;;
    esac
  done
  in_list "$cache_url" "$(conf_get trusted-substituters) $(conf_get substituters)" &&
    in_list "$cache_key" "$(conf_get trusted-public-keys)"
}
trust_fix() {
  restart="sudo systemctl restart nix-daemon"
  [ "$(uname -s)" != Darwin ] || restart="sudo launchctl kickstart -k system/org.nixos.nix-daemon"
  printf "printf 'extra-trusted-substituters = %s\\\\nextra-trusted-public-keys = %s\\\\n' | sudo tee -a /etc/nix/nix.conf >/dev/null && %s" \
    "$cache_url" "$cache_key" "$restart"
}

# ------------------------------------------------------------- the record
# The record (builds.json on the nixhome-builds branch, see README.md):
#   { "version": 1, "builds": { "<config>": { "system", "outPath", "commit",
#     "sourceHash", "lockHash", "specHash", "cache", "builtAt" } } }
fetch_record() {
  dest="$tmp/record.json"
  if [ -n "$record_arg" ]; then
    case "$record_arg" in
      http://* | https://* | file://*)
        have curl || return 1
        curl -fsSL "$record_arg" -o "$dest" 2>/dev/null || return 1 ;;
      *) [ -f "$record_arg" ] || return 1; cp "$record_arg" "$dest" ;;
    esac
  elif [ -f "$repo/.nixhome/builds.json" ]; then
    cp "$repo/.nixhome/builds.json" "$dest"
  elif have git && git -C "$repo" rev-parse --git-dir >/dev/null 2>&1 &&
    git -C "$repo" fetch -q origin nixhome-builds 2>/dev/null; then
    git -C "$repo" show FETCH_HEAD:builds.json >"$dest" 2>/dev/null || return 1
  else
    return 1
  fi
  printf '%s\n' "$dest"
}

reason=""
out=""
subst_ok=0
if [ -n "$cache_url" ] && may_substitute; then subst_ok=1; fi
if [ "$no_cache" = 1 ]; then
  reason="--no-cache was given"
elif [ -z "$cache_url" ]; then
  reason="nixhome.json has no binary cache (see README.md: Binary cache)"
elif [ ! -f "$repo/flake.lock" ]; then
  reason="flake.lock is not committed, so no record can match these sources"
elif [ "$subst_ok" = 0 ]; then
  reason="this user may not use the cache $cache_url; to allow it, run once: $(trust_fix)"
elif ! record="$(fetch_record)"; then
  reason="no build record found (CI writes it to the nixhome-builds branch after pushing to the cache)"
else
  rec="$tmp/record.flat"
  json_flat "$record" >"$rec" || die "the build record is not valid JSON"
  out="$(get "$rec" "builds/$config/outPath")"
  rsys="$(get "$rec" "builds/$config/system")"
  rhash="$(get "$rec" "builds/$config/sourceHash")"
  rcommit="$(get "$rec" "builds/$config/commit")"
  rcache="$(get "$rec" "builds/$config/cache")"
  here="sha256:$(source_hash)"
  if [ -z "$out" ]; then
    reason="the build record has no generation for $config"
  elif [ "$rhash" != "$here" ] || [ "$rsys" != "$system" ]; then
    reason="the recorded generation of $config (commit ${rcommit:-?}) was built from other sources than this checkout (stale record: $rhash, here $here)"
    out=""
  elif [ -n "$rcache" ] && [ "$rcache" != "$cache_url" ]; then
    reason="the recorded generation was pushed to $rcache, not to the cache in nixhome.json ($cache_url)"
    out=""
  else
    case "$out" in
      "$store_dir"/*-home-manager-generation | "$store_dir"/*-home-manager-generation-*) ;;
      *) die "the build record's outPath for $config is not a generation in $store_dir: $out" ;;
    esac
    case "$out" in *[!A-Za-z0-9+._/=@-]*) die "the build record's outPath has unexpected characters" ;; esac
  fi
fi

activate() {
  say "activating $1"
  HOME_MANAGER_BACKUP_EXT=backup "$1/activate"
}
finish() {
  if [ -n "$todo" ]; then
    say "done, but rootless docker will not start until you run:$todo"
  fi
}

if [ -n "$out" ]; then
  # The generation must be signed by the repository's key, and only that key
  # (plus, for the rest of its closure, cache.nixos.org's) is trusted.
  say "cache path: $config was built by CI from commit ${rcommit:-?} with the same sources; fetching $out from $cache_url"
  if ! nixc path-info --store "$cache_url" "$out" >/dev/null 2>&1; then
    reason="the recorded generation is not in $cache_url (yet)"
    out=""
  elif ! nixc store verify --no-contents --store "$cache_url" \
    --option trusted-public-keys "$cache_key" "$out" >"$tmp/verify.log" 2>&1; then
    sed 's/^/  /' "$tmp/verify.log" >&2
    die "refused: $out in $cache_url is not signed by the repository's key ${cache_key%%:*} (nixhome.json cache.publicKey); nothing was installed. Use --no-cache to build it here instead."
  fi
fi
if [ -n "$out" ]; then
  nixkey="cache.nixos.org-1:6NCHdD59X431o0gWypbMrAURkbJ16ZPMQFGspcDShjY="
  nix-store --realise "$out" \
    --option extra-substituters "$cache_url" \
    --option trusted-public-keys "$cache_key $nixkey" \
    --add-root "$tmp/generation" >/dev/null ||
    die "could not fetch $out from $cache_url (signatures are checked; see above)"
  say "took the cache path: no evaluation on this machine"
  activate "$out"
  finish
  exit 0
fi

# ------------------------------------------------------ evaluate and switch
say "evaluate and switch, because $reason"
set -- --no-link --json
if [ "$subst_ok" = 1 ]; then
  set -- "$@" --option extra-substituters "$cache_url" --option extra-trusted-public-keys "$cache_key"
fi
json="$(nixc build "$@" "$repo#homeConfigurations.\"$config\".activationPackage")" ||
  die "building $config failed (see above)"
gen="$(printf '%s\n' "$json" | sed -n 's/.*"out":"\([^"]*\)".*/\1/p')"
[ -n "$gen" ] || die "nix build printed no output path"
activate "$gen"
finish
