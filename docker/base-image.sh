#!/usr/bin/env bash
# Provide the `debian:bookworm` image that docker/Dockerfile builds FROM, without
# needing Docker Hub:
#   1. reuse it if the daemon already has it;
#   2. else try `docker pull` with a short timeout (works where Hub is reachable);
#   3. else build a minimal rootfs with `debootstrap --variant=minbase` from the
#      Debian mirror apt already uses on this machine and `docker import` it.
# The debootstrap result is cached as a tarball under the docker dir, so
# re-creating the image after `docker rmi` (or on a fresh data root) is fast.
#
# Env: DOCKER_HOST (talk to a private daemon, see scripts/docker-daemon.sh),
#      NIXHOME_DOCKER_DIR (default /tmp/nixhome-docker; cache lives in its cache/),
#      NIXHOME_DEBIAN_MIRROR (override the mirror), NIXHOME_SKIP_PULL=1,
#      NIXHOME_PULL_TIMEOUT (seconds, default 20).
set -euo pipefail

IMAGE="debian:bookworm"
SUITE="bookworm"
DIR="${NIXHOME_DOCKER_DIR:-/tmp/nixhome-docker}"
CACHE_DIR="$DIR/cache"
TARBALL="$CACHE_DIR/debian-$SUITE-minbase.tar"
PULL_TIMEOUT="${NIXHOME_PULL_TIMEOUT:-20}"

say() { printf 'base-image: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

have_image() { docker image inspect "$IMAGE" >/dev/null 2>&1; }

# The Debian mirror apt uses here: first URI serving suite "$SUITE" in deb822
# sources (/etc/apt/sources.list.d/*.sources) or one-line sources.list files.
debian_mirror() {
  if [ -n "${NIXHOME_DEBIAN_MIRROR:-}" ]; then
    echo "$NIXHOME_DEBIAN_MIRROR"
    return
  fi
  local f uri=""
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    uri="$(awk -v suite="$SUITE" '
      function flush() {
        if (types ~ /(^|[ \t])deb([ \t]|$)/ && (" " suites " ") ~ (" " suite " ") && uris != "") {
          split(uris, u, /[ \t]+/); print u[1]; found = 1; exit
        }
        types = ""; suites = ""; uris = ""
      }
      /^[ \t]*$/ { flush(); next }
      /^[ \t]*#/ { next }
      tolower($1) == "types:"  { $1 = ""; types = $0 }
      tolower($1) == "suites:" { $1 = ""; suites = $0; gsub(/^[ \t]+|[ \t]+$/, "", suites) }
      tolower($1) == "uris:"   { $1 = ""; uris = $0; gsub(/^[ \t]+|[ \t]+$/, "", uris) }
      END { if (!found) flush() }
    ' "$f")"
    [ -n "$uri" ] && break
  done
  if [ -z "$uri" ]; then
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
      [ -f "$f" ] || continue
      # deb [opts] URI SUITE COMPONENTS...
      uri="$(sed -e 's/\[[^]]*\]//' "$f" | awk -v suite="$SUITE" '$1 == "deb" && $3 == suite { print $2; exit }')"
      [ -n "$uri" ] && break
    done
  fi
  # Only plain http(s) mirrors work for debootstrap; anything else (cdrom:, file:
  # of another arch, mirror+file:) falls back to the default.
  case "$uri" in
    http://* | https://*) echo "${uri%/}" ;;
    *) echo "http://deb.debian.org/debian" ;;
  esac
}

ROOTFS=""
cleanup() {
  if [ -n "$ROOTFS" ] && [ -d "$ROOTFS" ]; then
    # debootstrap mounts proc/sys inside the target; never rm -rf through a mount.
    local m
    while IFS= read -r m; do
      umount -l "$m" 2>/dev/null || true
    done < <(awk -v r="$ROOTFS" 'index($2, r) == 1 { print $2 }' /proc/mounts | sort -r)
    rm -rf --one-file-system "$ROOTFS"
  fi
}

build_tarball() {
  command -v debootstrap >/dev/null 2>&1 || die "debootstrap not found (apt-get install -y debootstrap)"
  [ "$(id -u)" -eq 0 ] || die "debootstrap needs root"
  local mirror arch
  mirror="$(debian_mirror)"
  arch="$(dpkg --print-architecture 2>/dev/null || echo amd64)"
  mkdir -p "$CACHE_DIR"
  ROOTFS="$(mktemp -d "$CACHE_DIR/rootfs.XXXXXX")"
  trap cleanup EXIT
  say "debootstrap --variant=minbase $SUITE from $mirror ($arch); takes a minute or two"
  local log="$CACHE_DIR/debootstrap.log"
  if ! debootstrap --variant=minbase --arch="$arch" "$SUITE" "$ROOTFS" "$mirror" >"$log" 2>&1; then
    say "debootstrap failed; last lines of $log:"
    tail -n 30 "$log" >&2 || true
    tail -n 30 "$ROOTFS/debootstrap/debootstrap.log" >&2 2>/dev/null || true
    exit 1
  fi
  # Slim it down like the official image does.
  rm -rf "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/tmp/* || true
  # Keep the image's apt pointed at the same mirror (debootstrap wrote it already;
  # make sure updates are there too when the mirror is deb.debian.org).
  printf 'deb %s %s main\n' "$mirror" "$SUITE" >"$ROOTFS/etc/apt/sources.list"
  tar -C "$ROOTFS" --numeric-owner -cf "$TARBALL.tmp" .
  mv -f "$TARBALL.tmp" "$TARBALL"
  cleanup
  ROOTFS=""
  say "cached rootfs tarball at $TARBALL ($(du -h "$TARBALL" | cut -f1))"
}

import_tarball() {
  say "importing $TARBALL as $IMAGE"
  docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' \
    --change 'CMD ["bash"]' \
    "$TARBALL" "$IMAGE" >/dev/null
}

main() {
  command -v docker >/dev/null 2>&1 || die "docker CLI not found (apt-get install -y docker.io)"
  docker info >/dev/null 2>&1 || die "no Docker daemon answers (DOCKER_HOST=${DOCKER_HOST:-unset}); try: scripts/docker-daemon.sh start && eval \"\$(scripts/docker-daemon.sh env)\""

  if have_image; then
    say "$IMAGE present, reusing"
    return 0
  fi

  mkdir -p "$CACHE_DIR"
  # One builder at a time (tests and humans may call this concurrently).
  exec 9>"$CACHE_DIR/base-image.lock"
  flock 9
  if have_image; then
    say "$IMAGE present, reusing"
    return 0
  fi

  if [ -s "$TARBALL" ]; then
    import_tarball && have_image && { say "ready: $IMAGE (from cached tarball)"; return 0; }
    say "import of cached tarball failed; rebuilding it"
    rm -f "$TARBALL"
  fi

  if [ "${NIXHOME_SKIP_PULL:-}" != "1" ]; then
    say "trying docker pull $IMAGE (timeout ${PULL_TIMEOUT}s)"
    if timeout "$PULL_TIMEOUT" docker pull "$IMAGE" >/dev/null 2>&1 && have_image; then
      say "ready: $IMAGE (pulled)"
      return 0
    fi
    say "pull failed or timed out; building with debootstrap"
  fi

  build_tarball
  import_tarball
  have_image || die "$IMAGE still missing after import"
  say "ready: $IMAGE (debootstrap)"
}

main "$@"
