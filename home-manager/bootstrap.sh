#!/usr/bin/env bash
# Set up a machine with this Home Manager configuration:
#   ./bootstrap.sh [HOST]     (HOST defaults to this machine's hostname)
# Installs Nix with the official installer (flakes enabled) when it is missing,
# then activates the configuration of HOST with Home Manager.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
host="${1:-$(hostname -s 2>/dev/null || uname -n)}"

case "$host" in
  laptop) config="bigboss@laptop" ;;
  work-server) config="bigboss@work-server" ;;
  cloud-instance) config="bigboss@cloud-instance" ;;
  *)
    echo "bootstrap: no host '$host' in nixhome.json (hosts: laptop work-server cloud-instance); using 'bigboss'" >&2
    config="bigboss"
    ;;
esac

load_nix() {
  set +u
  for f in /nix/var/nix/profiles/default/etc/profile.d/nix-daemon.sh \
    "$HOME/.nix-profile/etc/profile.d/nix.sh"; do
    if [ -e "$f" ]; then
      # shellcheck disable=SC1090
      . "$f"
      break
    fi
  done
  set -u
}

if ! command -v nix >/dev/null 2>&1; then
  load_nix
fi
if ! command -v nix >/dev/null 2>&1; then
  echo "bootstrap: installing Nix (https://nixos.org/download)"
  conf="$(mktemp)"
  echo "experimental-features = nix-command flakes" >"$conf"
  if [ "$(uname -s)" = Darwin ] || [ -d /run/systemd/system ]; then
    mode=(--daemon --yes)
  else
    mode=(--no-daemon)
  fi
  sh <(curl --proto '=https' --tlsv1.2 -sSfL https://nixos.org/nix/install) \
    "${mode[@]}" --nix-extra-conf-file "$conf"
  rm -f "$conf"
  load_nix
fi

echo "bootstrap: activating $config"
exec nix --extra-experimental-features "nix-command flakes" \
  run "home-manager/master" -- switch -b backup --flake "$repo#$config"
