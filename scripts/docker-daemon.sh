#!/usr/bin/env bash
# Private Docker daemon for the nixhome container test suite (docker/).
#
#   scripts/docker-daemon.sh start    start dockerd in the background (idempotent)
#   scripts/docker-daemon.sh stop     stop it (by PID) and wait until it is gone
#   scripts/docker-daemon.sh status   exit 0 if it answers, 1 otherwise
#   scripts/docker-daemon.sh env      print `export ...` lines; use: eval "$(scripts/docker-daemon.sh env)"
#
# Everything lives under ${NIXHOME_DOCKER_DIR:-/tmp/nixhome-docker}: data root,
# exec root, socket, pidfile and log. The default socket (/var/run/docker.sock)
# is never touched, so this can run next to a system daemon.
set -euo pipefail

DIR="${NIXHOME_DOCKER_DIR:-/tmp/nixhome-docker}"
DATA_ROOT="$DIR/data"
# exec-root holds unix sockets (containerd, shims): keep the path short.
EXEC_ROOT="$DIR/exec"
SOCK="$DIR/docker.sock"
PIDFILE="$DIR/dockerd.pid"
LOG="$DIR/dockerd.log"
HOST="unix://$SOCK"
START_TIMEOUT="${NIXHOME_DOCKER_START_TIMEOUT:-60}"
STOP_TIMEOUT="${NIXHOME_DOCKER_STOP_TIMEOUT:-30}"

say() { printf 'docker-daemon: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

usage() {
  echo "usage: $0 start|stop|status|env" >&2
  exit 2
}

need_root() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "docker-daemon: must run as root (dockerd needs it); re-run with sudo or as root" >&2
    exit 1
  fi
}

# PID from the pidfile if that process is alive and really is dockerd; else empty.
live_pid() {
  local pid comm
  [ -f "$PIDFILE" ] || return 0
  pid="$(tr -dc '0-9' <"$PIDFILE" 2>/dev/null || true)"
  [ -n "$pid" ] || return 0
  [ -d "/proc/$pid" ] || return 0
  comm="$(cat "/proc/$pid/comm" 2>/dev/null || true)"
  [ "$comm" = "dockerd" ] || return 0
  echo "$pid"
}

answers() {
  timeout 10 docker -H "$HOST" info >/dev/null 2>&1
}

# Remove leftovers of a daemon that died without cleaning up (pidfile whose
# process is gone or was reused, socket nobody listens on, containerd pidfile).
clean_stale() {
  local cpid cpidfile="$EXEC_ROOT/containerd/containerd.pid"
  if [ -f "$PIDFILE" ]; then
    say "removing stale pidfile $PIDFILE (pid $(tr -dc '0-9' <"$PIDFILE" 2>/dev/null || true))"
    rm -f "$PIDFILE"
  fi
  if [ -f "$cpidfile" ]; then
    cpid="$(tr -dc '0-9' <"$cpidfile" 2>/dev/null || true)"
    if [ -n "$cpid" ] && [ "$(cat "/proc/$cpid/comm" 2>/dev/null || true)" = "containerd" ]; then
      say "killing orphaned containerd (pid $cpid)"
      kill "$cpid" 2>/dev/null || true
      for _ in $(seq 1 50); do [ -d "/proc/$cpid" ] || break; sleep 0.1; done
      kill -9 "$cpid" 2>/dev/null || true
    fi
    rm -f "$cpidfile"
  fi
  rm -f "$SOCK"
}

wait_ready() {
  local pid="$1" deadline=$((SECONDS + START_TIMEOUT))
  while [ "$SECONDS" -lt "$deadline" ]; do
    if answers; then return 0; fi
    if ! [ -d "/proc/$pid" ]; then
      say "dockerd (pid $pid) exited during startup; last lines of $LOG:"
      tail -n 40 "$LOG" >&2 || true
      return 1
    fi
    sleep 0.5
  done
  say "dockerd did not answer on $HOST within ${START_TIMEOUT}s; last lines of $LOG:"
  tail -n 40 "$LOG" >&2 || true
  return 1
}

cmd_start() {
  need_root
  command -v dockerd >/dev/null 2>&1 || die "dockerd not found (install docker.io: apt-get install -y docker.io)"
  command -v docker >/dev/null 2>&1 || die "docker CLI not found (install docker.io: apt-get install -y docker.io)"
  mkdir -p "$DIR" "$DATA_ROOT" "$EXEC_ROOT"

  local pid
  pid="$(live_pid)"
  if [ -n "$pid" ]; then
    if answers; then
      say "already running (pid $pid) on $HOST"
      return 0
    fi
    say "dockerd (pid $pid) is running but not answering yet; waiting"
    wait_ready "$pid" || exit 1
    say "running (pid $pid) on $HOST"
    return 0
  fi
  clean_stale

  say "starting dockerd (data $DATA_ROOT, log $LOG)"
  # setsid: own session, so the daemon outlives the shell/job that started it.
  # NIXHOME_DOCKERD_ARGS: extra dockerd flags, word-split on purpose (e.g. "--bridge=none").
  # shellcheck disable=SC2086
  setsid dockerd \
    --data-root "$DATA_ROOT" \
    --exec-root "$EXEC_ROOT" \
    -H "$HOST" \
    --pidfile "$PIDFILE" \
    ${NIXHOME_DOCKERD_ARGS:-} \
    </dev/null >>"$LOG" 2>&1 &
  pid=$!
  disown "$pid" 2>/dev/null || true
  wait_ready "$pid" || exit 1
  say "running (pid $pid) on $HOST"
}

cmd_stop() {
  need_root
  local pid
  pid="$(live_pid)"
  if [ -z "$pid" ]; then
    [ -f "$PIDFILE" ] && say "removing stale pidfile $PIDFILE"
    rm -f "$PIDFILE"
    say "not running"
    return 0
  fi
  say "stopping dockerd (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + STOP_TIMEOUT))
  while [ -d "/proc/$pid" ] && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
  if [ -d "/proc/$pid" ]; then
    say "dockerd did not stop within ${STOP_TIMEOUT}s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    while [ -d "/proc/$pid" ]; do sleep 0.2; done
    clean_stale
  fi
  rm -f "$PIDFILE"
  say "stopped"
}

cmd_status() {
  local pid
  pid="$(live_pid)"
  if [ -n "$pid" ] && answers; then
    echo "running (pid $pid) on $HOST"
    return 0
  fi
  echo "not running ($HOST)"
  return 1
}

cmd_env() {
  echo "export DOCKER_HOST=$HOST"
  # The Ryuk reaper image cannot be pulled on our machines; tests clean up themselves.
  echo "export TESTCONTAINERS_RYUK_DISABLED=true"
  echo "export NIXHOME_DOCKER_DIR=$DIR"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  env) cmd_env ;;
  *) usage ;;
esac
