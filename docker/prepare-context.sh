#!/usr/bin/env bash
# Prepare a Docker build context for docker/Dockerfile:
#   DEST/Dockerfile, DEST/check.sh, DEST/node (a Linux Node >= 20.12 executable),
#   DEST/create-nix-home-*.tgz, DEST/create-nix-devshell-*.tgz (npm packs).
#
#   docker/prepare-context.sh [DEST]     (default DEST: docker/ itself, the
#                                         context compose.yaml builds)
#
# The CLIs must be built first (their dist/cli.js must exist):
#   pnpm turbo run build --filter=create-nix-home --filter=create-nix-devshell
# Env: NIXHOME_NODE_BIN  the node executable to ship (default: `command -v node`;
#                        the test suite passes process.execPath).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
DEST="${1:-$HERE}"
PACKAGES=(create-nix-home create-nix-devshell)

say() { printf 'prepare-context: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

NODE_BIN="${NIXHOME_NODE_BIN:-$(command -v node || true)}"
[ -n "$NODE_BIN" ] || die "no node executable found (set NIXHOME_NODE_BIN)"
NODE_BIN="$(readlink -f "$NODE_BIN")"
# shellcheck disable=SC2016 # JavaScript, not shell
"$NODE_BIN" -e '
  const [maj, min] = process.versions.node.split(".").map(Number);
  if (process.platform !== "linux" || maj < 20 || (maj === 20 && min < 12)) {
    console.error(`node ${process.version} on ${process.platform}: need Linux node >= 20.12`);
    process.exit(1);
  }' || die "$NODE_BIN cannot be shipped into the Linux image"

for pkg in "${PACKAGES[@]}"; do
  [ -f "$REPO/packages/$pkg/dist/cli.js" ] ||
    die "packages/$pkg/dist/cli.js missing: build first (pnpm turbo run build --filter=create-nix-home --filter=create-nix-devshell)"
done

mkdir -p "$DEST"
DEST="$(cd "$DEST" && pwd)"

for pkg in "${PACKAGES[@]}"; do
  rm -f "$DEST/$pkg"-*.tgz
  log="$(mktemp)"
  if (cd "$REPO/packages/$pkg" && pnpm pack --pack-destination "$DEST") >"$log" 2>&1; then
    :
  elif (cd "$REPO/packages/$pkg" && npm pack --pack-destination "$DEST") >"$log" 2>&1; then
    :
  else
    cat "$log" >&2
    rm -f "$log"
    die "packing packages/$pkg failed (pnpm pack and npm pack)"
  fi
  rm -f "$log"
  ls "$DEST/$pkg"-*.tgz >/dev/null 2>&1 || die "no $pkg-*.tgz in $DEST after packing"
done

if [ "$DEST" != "$HERE" ]; then
  cp -f "$HERE/Dockerfile" "$HERE/check.sh" "$DEST/"
fi
chmod 0755 "$DEST/check.sh"
rm -f "$DEST/node"
cp "$NODE_BIN" "$DEST/node"
chmod 0755 "$DEST/node"

say "context ready in $DEST:"
(cd "$DEST" && ls -l Dockerfile check.sh node ./*.tgz) >&2
echo "$DEST"
