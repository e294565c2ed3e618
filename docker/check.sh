#!/usr/bin/env bash
# Tier-1 check, run inside the `offline` image as the non-root user: the packed
# CLIs on a fresh Debian machine with Debian's Nix, no network needed.
#
# Prints one line per failed expectation ("FAIL: ...") and ends with
# "check: N passed, M failed"; exits non-zero if anything failed.
set -euo pipefail

# --- what is under test: adjust here when the CLIs' interfaces change --------
NIXHOME_OPT="${NIXHOME_OPT:-/opt/nixhome}"
NODE="${NODE:-node}"
HOME_CLI=("$NODE" "$NIXHOME_OPT/create-nix-home/dist/cli.js")
DEVSHELL_CLI=("$NODE" "$NIXHOME_OPT/create-nix-devshell/dist/cli.js")

HOME_TARGET="$HOME/home"
# Common flags of every create-nix-home run below (non-interactive, no git).
HOME_BASE_ARGS=(--yes --no-git)
HOME_NAME="Test User"
HOME_EMAIL="test@example.com"
HOME_GOOD_ARGS=("${HOME_BASE_ARGS[@]}" --name "$HOME_NAME" --email "$HOME_EMAIL")
# Files (relative to the generated home) that must exist, and directories.
HOME_FILES=(flake.nix home.nix nixhome.json README.md .gitignore bootstrap.sh profiles/base.nix profiles/personal.nix)
HOME_DIRS=(hosts)
# Files that must be executable; every other file must be mode 0644.
HOME_EXECUTABLES=(bootstrap.sh)
# Second run over the same target: expected exit code ("any" to ignore it).
RERUN_EXPECT_EXIT="${RERUN_EXPECT_EXIT:-0}"

# Bad input: "label|arguments" (arguments are shell words, evaluated here; the
# target directory is appended). Each must exit non-zero and leave $HOME as it was.
BAD_HOME_CASES=(
  'username with a space|--name "Test User" --email test@example.com --username "bad name"'
  'invalid email|--name "Test User" --email nope'
  'unknown system|--name "Test User" --email test@example.com --system mips-linux'
)
# The target is an existing regular file (created before the snapshot).
BAD_TARGET_FILE="$HOME/not-a-dir"

DEVSHELL_ARGS=(--yes)
DEVSHELL_PROJECT="$HOME/proj-python"
DEVSHELL_EXPLICIT_LANG="go"
DEVSHELL_EXPLICIT_PROJECT="$HOME/proj-go"

# Paths below $HOME left out of "did $HOME change" snapshots.
SNAPSHOT_EXCLUDES=("$HOME/.cache")
# ------------------------------------------------------------------------------

PASSED=0
FAILED=0
LAST_OUTPUT=""

pass() { PASSED=$((PASSED + 1)); printf 'ok: %s\n' "$*"; }
fail() { FAILED=$((FAILED + 1)); printf 'FAIL: %s\n' "$*"; }
section() { printf '\n== %s\n' "$*"; }
indent() { sed 's/^/    | /'; }
show_output() { [ -n "$LAST_OUTPUT" ] && printf '%s\n' "$LAST_OUTPUT" | tail -n 40 | indent; return 0; }

# run NAME CMD... : runs CMD, keeps its output in LAST_OUTPUT, returns its exit code.
run() {
  local rc=0
  LAST_OUTPUT="$("$@" 2>&1)" || rc=$?
  return "$rc"
}

# expect_ok LABEL CMD... : CMD must exit 0.
expect_ok() {
  local label="$1" rc=0
  shift
  run "$@" || rc=$?
  if [ "$rc" -eq 0 ]; then pass "$label"; else fail "$label (exit $rc)"; show_output; fi
  return "$rc"
}

# Listing of $HOME: path, size, mtime, mode (what "unchanged" means for $HOME).
home_snapshot() {
  local prune=() e
  for e in "${SNAPSHOT_EXCLUDES[@]}"; do prune+=(-path "$e" -prune -o); done
  find "$HOME" "${prune[@]}" -printf '%p %s %T@ %m\n' | LC_ALL=C sort
}

# Content + mode of every file in a tree (what "no file changed" means).
tree_snapshot() {
  (cd "$1" && find . \( -type f -o -type l -o -type d \) -printf '%p %m %y\n' | LC_ALL=C sort \
    && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum)
}

parse_nix_files() {
  local dir="$1" what="$2" f n=0
  while IFS= read -r -d '' f; do
    n=$((n + 1))
    if run nix-instantiate --parse "$f"; then
      pass "$what: ${f#"$dir"/} parses"
    else
      fail "$what: ${f#"$dir"/} does not parse (nix-instantiate --parse)"
      show_output
    fi
  done < <(find "$dir" -name '*.nix' -type f -print0 | LC_ALL=C sort -z)
  [ "$n" -gt 0 ] || fail "$what: no .nix files found under $dir"
}

# ------------------------------------------------------------------------------
section "environment"
echo "user: $(id -un) ($(id -u)), HOME=$HOME"
echo "node: $("$NODE" --version 2>&1 || echo missing)"
echo "nix:  $(nix --version 2>&1 || echo missing)"

ME="$(id -un)"
if [ "$(id -u)" -eq 0 ]; then fail "check runs as root; it must run as the non-root user"; fi
for cli in "${HOME_CLI[1]}" "${DEVSHELL_CLI[1]}"; do
  if [ -f "$cli" ]; then pass "$cli present"; else fail "$cli missing (were the packed CLIs unpacked to $NIXHOME_OPT?)"; fi
done
if touch /nix/.nixhome-write-test 2>/dev/null && rm -f /nix/.nixhome-write-test; then
  pass "/nix is writable by $ME (single-user Nix)"
else
  fail "/nix is not writable by $ME (a /nix volume not seeded from the image?)"
fi
if run nix-instantiate --eval -E '1 + 1' && [ "$LAST_OUTPUT" = "2" ]; then
  pass "nix-instantiate evaluates"
else
  fail "nix-instantiate --eval -E '1 + 1' did not print 2"; show_output
fi

# Fresh start even when the container is reused.
rm -rf "$HOME_TARGET" "$DEVSHELL_PROJECT" "$DEVSHELL_EXPLICIT_PROJECT" "$BAD_TARGET_FILE" "$HOME"/bad-target-*
cd "$HOME"

# ------------------------------------------------------------------------------
section "create-nix-home --dry-run writes nothing"
before="$(home_snapshot)"
expect_ok "create-nix-home --dry-run exits 0" "${HOME_CLI[@]}" "${HOME_GOOD_ARGS[@]}" --dry-run "$HOME_TARGET" || true
after="$(home_snapshot)"
if [ "$before" = "$after" ]; then pass "--dry-run left \$HOME unchanged"; else
  fail "--dry-run changed \$HOME:"; diff <(echo "$before") <(echo "$after") | head -n 20 | indent || true
fi

# ------------------------------------------------------------------------------
section "create-nix-home ${HOME_GOOD_ARGS[*]} $HOME_TARGET"
if expect_ok "create-nix-home exits 0" "${HOME_CLI[@]}" "${HOME_GOOD_ARGS[@]}" "$HOME_TARGET"; then
  printf '%s\n' "$LAST_OUTPUT" | tail -n 15 | indent
fi

if [ -d "$HOME_TARGET" ]; then
  for f in "${HOME_FILES[@]}"; do
    if [ -f "$HOME_TARGET/$f" ]; then pass "home: $f exists"; else fail "home: $f missing"; fi
  done
  for d in "${HOME_DIRS[@]}"; do
    if [ -d "$HOME_TARGET/$d" ]; then pass "home: $d/ exists"; else fail "home: $d/ missing"; fi
  done

  # Modes: executables are executable (0755 under umask 022), the rest 0644.
  while IFS= read -r -d '' f; do
    rel="${f#"$HOME_TARGET"/}"
    mode="$(stat -c '%a' "$f")"
    is_exec=0
    for x in "${HOME_EXECUTABLES[@]}"; do [ "$rel" = "$x" ] && is_exec=1; done
    if [ "$is_exec" -eq 1 ]; then
      if [ -x "$f" ] && [ "$mode" = "755" ]; then pass "home: $rel is executable ($mode)"; else fail "home: $rel should be 0755, is $mode"; fi
    else
      if [ "$mode" = "644" ]; then :; else fail "home: $rel should be 0644, is $mode"; fi
    fi
  done < <(find "$HOME_TARGET" -type f -print0 | LC_ALL=C sort -z)
  pass "home: modes checked ($(find "$HOME_TARGET" -type f | wc -l) files)"

  wrong_owner="$(find "$HOME_TARGET" ! -user "$ME" -printf '%p (%u)\n')"
  if [ -z "$wrong_owner" ]; then pass "home: everything owned by $ME"; else
    fail "home: not owned by $ME:"; printf '%s\n' "$wrong_owner" | head -n 20 | indent
  fi

  if [ -f "$HOME_TARGET/nixhome.json" ]; then
    if run "$NODE" -e 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))' "$HOME_TARGET/nixhome.json"; then
      pass "home: nixhome.json is valid JSON"
    else
      fail "home: nixhome.json is not valid JSON"; show_output
    fi
  fi
  if [ -f "$HOME_TARGET/bootstrap.sh" ]; then
    if run bash -n "$HOME_TARGET/bootstrap.sh"; then pass "home: bootstrap.sh is valid bash (bash -n)"; else
      fail "home: bootstrap.sh has a syntax error"; show_output
    fi
  fi
  if grep -rqF "$HOME_EMAIL" "$HOME_TARGET"; then pass "home: the e-mail made it into the generated files"; else
    fail "home: $HOME_EMAIL appears in no generated file"
  fi

  parse_nix_files "$HOME_TARGET" "home"

  section "create-nix-home again over the same target"
  before_tree="$(tree_snapshot "$HOME_TARGET")"
  rc=0
  run "${HOME_CLI[@]}" "${HOME_GOOD_ARGS[@]}" "$HOME_TARGET" || rc=$?
  if [ "$RERUN_EXPECT_EXIT" = "any" ] || [ "$rc" = "$RERUN_EXPECT_EXIT" ]; then
    pass "rerun exits $rc"
  else
    fail "rerun exits $rc, expected $RERUN_EXPECT_EXIT"; show_output
  fi
  after_tree="$(tree_snapshot "$HOME_TARGET")"
  if [ "$before_tree" = "$after_tree" ]; then pass "rerun changed no file"; else
    fail "rerun changed files:"; diff <(echo "$before_tree") <(echo "$after_tree") | head -n 20 | indent || true
  fi
else
  fail "home: $HOME_TARGET was not created; skipping the tree checks"
fi

# ------------------------------------------------------------------------------
section "create-nix-home rejects bad input and leaves \$HOME alone"
i=0
for case in "${BAD_HOME_CASES[@]}"; do
  i=$((i + 1))
  label="${case%%|*}"
  args=()
  eval "args=(${case#*|})"
  target="$HOME/bad-target-$i"
  before="$(home_snapshot)"
  rc=0
  run "${HOME_CLI[@]}" "${HOME_BASE_ARGS[@]}" "${args[@]}" "$target" || rc=$?
  after="$(home_snapshot)"
  if [ "$rc" -ne 0 ]; then pass "bad input ($label) exits $rc"; else fail "bad input ($label) exited 0"; show_output; fi
  if [ "$before" = "$after" ]; then pass "bad input ($label) left \$HOME unchanged"; else
    fail "bad input ($label) changed \$HOME:"; diff <(echo "$before") <(echo "$after") | head -n 20 | indent || true
  fi
  rm -rf "$target"
done

printf 'not a directory\n' >"$BAD_TARGET_FILE"
before="$(home_snapshot)"
rc=0
run "${HOME_CLI[@]}" "${HOME_GOOD_ARGS[@]}" "$BAD_TARGET_FILE" || rc=$?
after="$(home_snapshot)"
if [ "$rc" -ne 0 ]; then pass "bad input (target is a file) exits $rc"; else fail "bad input (target is a file) exited 0"; show_output; fi
if [ "$before" = "$after" ]; then pass "bad input (target is a file) left \$HOME unchanged"; else
  fail "bad input (target is a file) changed \$HOME:"; diff <(echo "$before") <(echo "$after") | head -n 20 | indent || true
fi
rm -f "$BAD_TARGET_FILE"

# ------------------------------------------------------------------------------
section "create-nix-devshell --list"
if expect_ok "create-nix-devshell --list exits 0" "${DEVSHELL_CLI[@]}" --list; then
  if grep -qi python <<<"$LAST_OUTPUT"; then pass "--list mentions python"; else fail "--list does not mention python"; show_output; fi
fi

section "create-nix-devshell in a Python project (detection)"
mkdir -p "$DEVSHELL_PROJECT"
cat >"$DEVSHELL_PROJECT/pyproject.toml" <<'EOF'
[project]
name = "demo"
version = "0.1.0"
requires-python = ">=3.11"
dependencies = []
EOF
cd "$DEVSHELL_PROJECT"
expect_ok "create-nix-devshell ${DEVSHELL_ARGS[*]} exits 0" "${DEVSHELL_CLI[@]}" "${DEVSHELL_ARGS[@]}" || true
cd "$HOME"
check_devshell_tree() {
  local dir="$1" what="$2"
  if [ -f "$dir/flake.nix" ]; then pass "$what: flake.nix exists"; else fail "$what: flake.nix missing"; fi
  if [ -f "$dir/.envrc" ] && grep -Eq '^[[:space:]]*use[[:space:]]+flake\b' "$dir/.envrc"; then
    pass "$what: .envrc says use flake"
  else
    fail "$what: .envrc missing or without a 'use flake' line"
  fi
  if [ -f "$dir/.gitignore" ] && grep -Eq '^/?\.direnv/?$' "$dir/.gitignore"; then
    pass "$what: .gitignore ignores .direnv/"
  else
    fail "$what: .gitignore missing or without .direnv/"
  fi
  [ -f "$dir/flake.nix" ] && parse_nix_files "$dir" "$what"
  local wrong
  wrong="$(find "$dir" ! -user "$ME" -printf '%p\n')"
  if [ -z "$wrong" ]; then pass "$what: everything owned by $ME"; else fail "$what: files not owned by $ME: $wrong"; fi
  return 0
}
check_devshell_tree "$DEVSHELL_PROJECT" "devshell(python)"
if [ -f "$DEVSHELL_PROJECT/flake.nix" ]; then
  if grep -qi python "$DEVSHELL_PROJECT/flake.nix"; then pass "devshell(python): flake.nix mentions python"; else
    fail "devshell(python): pyproject.toml was not detected (no python in flake.nix)"
  fi
  section "create-nix-devshell again in the same project"
  before_tree="$(tree_snapshot "$DEVSHELL_PROJECT")"
  cd "$DEVSHELL_PROJECT"
  rc=0
  run "${DEVSHELL_CLI[@]}" "${DEVSHELL_ARGS[@]}" || rc=$?
  cd "$HOME"
  if [ "$RERUN_EXPECT_EXIT" = "any" ] || [ "$rc" = "$RERUN_EXPECT_EXIT" ]; then pass "devshell rerun exits $rc"; else
    fail "devshell rerun exits $rc, expected $RERUN_EXPECT_EXIT"; show_output
  fi
  after_tree="$(tree_snapshot "$DEVSHELL_PROJECT")"
  if [ "$before_tree" = "$after_tree" ]; then pass "devshell rerun changed no file"; else
    fail "devshell rerun changed files:"; diff <(echo "$before_tree") <(echo "$after_tree") | head -n 20 | indent || true
  fi
fi

section "create-nix-devshell $DEVSHELL_EXPLICIT_LANG in an empty directory"
mkdir -p "$DEVSHELL_EXPLICIT_PROJECT"
cd "$DEVSHELL_EXPLICIT_PROJECT"
expect_ok "create-nix-devshell ${DEVSHELL_ARGS[*]} $DEVSHELL_EXPLICIT_LANG exits 0" \
  "${DEVSHELL_CLI[@]}" "${DEVSHELL_ARGS[@]}" "$DEVSHELL_EXPLICIT_LANG" || true
cd "$HOME"
check_devshell_tree "$DEVSHELL_EXPLICIT_PROJECT" "devshell($DEVSHELL_EXPLICIT_LANG)"

# ------------------------------------------------------------------------------
echo
echo "check: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
