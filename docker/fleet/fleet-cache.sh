#!/usr/bin/env bash
# Tier 3 (offline): a real signed binary cache, and the generated bootstrap.sh
# provisioning a fresh non-root user from it. Runs as root in the `offline`
# image (Debian's Nix 2.8, node, the packed create-nix-home); see README.md.
#
#   CI side, as the image's user:  create-nix-home --cache file:///srv/cache
#     --cache-key <key from `nix key generate-secret`>; Debian's Nix builds the
#     stand-in generation (standin.nix); it is signed, `nix copy`'d to the
#     file:// cache, and a build record written like CI's (builds.json); the
#     local store is then garbage-collected so nothing is left to reuse.
#   Machine side, as a new user `fresh`: the store is handed to it (a
#     single-user Nix of its own), the repository copied in, and
#     `sh bootstrap.sh box` run with every nix* call logged. Last, /nix goes
#     back to root with a nix-daemon: the untrusted user must get the one
#     command that trusts the cache, and after it the cache path.
#
# What the stand-in does not prove: Home Manager's own activation (profiles,
# links, services). It proves the path bootstrap takes: record match, signature
# check, substitution by store path, `activate`, with no evaluation.
#
# Prints `FAIL: ...` per failed expectation, a `bench: {json}` line, and
# `check: N passed, M failed` last.
# `test && pass || fail` is safe here: pass always succeeds. ci_script is
# single-quoted on purpose: it expands in the CI user's shell.
# shellcheck disable=SC2015,SC2016
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CI_USER="${NIXHOME_CI_USER:-nixuser}"
FRESH=fresh
CACHE=/srv/cache
RECORD=/srv/record/builds.json
SPY=/opt/fleet-spy
CALLS=/tmp/nix-calls
PASSED=0
FAILED=0

pass() { PASSED=$((PASSED + 1)); printf 'ok: %s\n' "$*"; }
fail() { FAILED=$((FAILED + 1)); printf 'FAIL: %s\n' "$*"; }
section() { printf '\n== %s\n' "$*"; }
# as USER CMD...: a login-free, clean environment for USER.
as() {
  local u="$1"
  shift
  runuser -u "$u" -- env -i HOME="/home/$u" USER="$u" LOGNAME="$u" LANG=C.UTF-8 \
    PATH="$SPY:/usr/local/bin:/usr/bin:/bin" "$@"
}
finish() {
  echo
  echo "check: $PASSED passed, $FAILED failed"
  [ "$FAILED" -eq 0 ]
  exit $?
}

section "setup"
useradd -m -s /bin/bash "$FRESH"
mkdir -p "$CACHE" /srv/evil /srv/record "$SPY"
chown "$CI_USER:$CI_USER" "$CACHE" /srv/evil /srv/record
# Every nix command the users run goes through a logging wrapper.
for tool in nix nix-store nix-build nix-instantiate nix-env; do
  printf '#!/bin/sh\necho "%s $*" >>%s\nexec /usr/bin/%s "$@"\n' "$tool" "$CALLS" "$tool" >"$SPY/$tool"
  chmod 0755 "$SPY/$tool"
done
touch "$CALLS" && chmod 0666 "$CALLS"
cp "$HERE/standin.nix" /srv/standin.nix && chmod 0644 /srv/standin.nix

section "CI side ($CI_USER): generate, build, sign, push, record"
ci_script='
set -eu
cd ~
nix key generate-secret --key-name nixhome-fleet-test-1 >cache.sk
nix key convert-secret-to-public <cache.sk >cache.pk
nix key generate-secret --key-name somebody-else-1 >evil.sk
create-nix-home repo --yes --no-git --no-plop --template none \
  --name Fresh --email fresh@example.org --username fresh --home /home/fresh \
  --host box --cache file:///srv/cache --cache-key "$(cat cache.pk)" >/dev/null
# No network to lock the inputs here: a placeholder flake.lock, committed as a
# real one would be (the record covers it like any source).
printf "%s\n" "{\"nodes\":{\"root\":{}},\"root\":\"root\",\"version\":7}" >repo/flake.lock
out="$(nix-build /srv/standin.nix --argstr system "$(nix eval --raw --impure --expr builtins.currentSystem)" --no-out-link)"
echo "$out" >out-path
# The evil cache: the same paths, signed only by a key that is not the repository s.
nix store sign --key-file evil.sk --recursive "$out"
nix copy --to file:///srv/evil "$out"
nix store sign --key-file cache.sk --recursive "$out"
nix copy --to file:///srv/cache "$out"
hash="$(sh repo/bootstrap.sh --print-source-hash)"
node -e "
  const [out, hash] = process.argv.slice(1);
  const b = { system: \"x86_64-linux\", outPath: out, commit: \"0000000000000000000000000000000000000000\",
    sourceHash: hash, cache: \"file:///srv/cache\", builtAt: new Date().toISOString() };
  if (process.arch === \"arm64\") b.system = \"aarch64-linux\";
  require(\"fs\").writeFileSync(\"/srv/record/builds.json\", JSON.stringify({ version: 1, builds: { \"fresh@box\": b } }, null, 2));
" "$out" "$hash"
nix-collect-garbage >/dev/null 2>&1
'
if as "$CI_USER" bash -c "$ci_script"; then pass "CI side: generated, built, signed, pushed, recorded"; else
  fail "CI side failed"
  finish
fi
OUT="$(cat "/home/$CI_USER/out-path")"
if [ ! -e "$OUT" ]; then pass "the generation is gone from the local store (garbage-collected)"; else fail "$OUT still in the store"; fi
if [ -f "$CACHE/${OUT:11:32}.narinfo" ]; then pass "the cache holds $(basename "$OUT")"; else fail "no narinfo for $OUT in $CACHE"; fi
grep -q '^Sig: nixhome-fleet-test-1:' "$CACHE/${OUT:11:32}.narinfo" && pass "signed with the repository's key" || fail "narinfo not signed by nixhome-fleet-test-1"

section "machine side ($FRESH): the store becomes the new user's single-user Nix"
chown -R "$FRESH:$FRESH" /nix
# No cache.nixos.org offline: without this every fetch first spends ~4 s on
# DNS retries for it, which would only measure this sandbox.
echo "substituters =" >>/etc/nix/nix.conf
cp -r "/home/$CI_USER/repo" "/home/$FRESH/repo"
chown -R "$FRESH:$FRESH" "/home/$FRESH/repo"
: >"$CALLS"

reset_fresh() { # forget the last provisioning: the fetched paths and the files it dropped
  as "$FRESH" nix-collect-garbage >/dev/null 2>&1 || true
  rm -rf "/home/$FRESH/.config/nixhome"
  : >"$CALLS"
}

section "cache path"
t0="$(date +%s.%N)"
as "$FRESH" sh "/home/$FRESH/repo/bootstrap.sh" box --record "$RECORD" >/tmp/run-cache.log 2>&1
rc=$?
t1="$(date +%s.%N)"
sed 's/^/  | /' /tmp/run-cache.log
[ "$rc" -eq 0 ] && pass "bootstrap exits 0" || fail "bootstrap exited $rc"
grep -q "took the cache path: no evaluation on this machine" /tmp/run-cache.log && pass "it says it took the cache path" || fail "no 'took the cache path' line"
home_files="/home/$FRESH/.config/nixhome"
[ "$(cat "$home_files/generation" 2>/dev/null)" = "$OUT" ] && pass "the generation's activate ran ($home_files/generation = $OUT)" || fail "activate did not run or ran another generation"
[ -f "$home_files/hello.txt" ] && pass "the generation's files landed in \$HOME" || fail "hello.txt missing"
[ "$(readlink "$home_files/payload.txt")" != "" ] && [ -s "$home_files/payload.txt" ] && pass "payload.txt links into the fetched closure" || fail "payload.txt is not a live link"
[ "$(stat -c %U "$home_files/hello.txt" 2>/dev/null)" = "$FRESH" ] && pass "files owned by $FRESH" || fail "files not owned by $FRESH"
if grep -Eq '^(nix-instantiate|nix-build)|^nix .* (eval|build|flake|develop|run)( |$)' "$CALLS"; then
  fail "an evaluation or build ran:"; sed 's/^/  | /' "$CALLS"
else pass "no evaluation: only $(cut -d ' ' -f 1 "$CALLS" | sort | uniq -c | tr -s ' ' | tr '\n' ',') ran"; fi
if find /nix/store -maxdepth 1 -name '*.drv' | grep -q home-manager-generation; then fail "a .drv of the generation exists (something evaluated it)"; else
  pass "no .drv of the generation in the store (substituted, never instantiated)"; fi
grep -q "rootless docker needs setuid newuidmap and newgidmap" /tmp/run-cache.log && grep -q "sudo apt-get install -y uidmap" /tmp/run-cache.log &&
  pass "the rootless docker check prints the uidmap command (uidmap is not installed here)" || fail "no uidmap hint"
seconds="$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')"
bytes="$(find "$CACHE" -type f \( -name '*.narinfo' -o -name '*.nar*' \) -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')"
nar_bytes="$(as "$FRESH" nix path-info -S "$OUT" 2>/dev/null | awk '{ print $2 }')"
paths="$(find "$CACHE" -maxdepth 1 -name '*.narinfo' | wc -l)"

section "a cache whose paths are signed by another key is refused"
reset_fresh
mv "$CACHE" /srv/cache.good && mv /srv/evil "$CACHE"
as "$FRESH" sh "/home/$FRESH/repo/bootstrap.sh" box --record "$RECORD" >/tmp/run-evil.log 2>&1
rc=$?
sed 's/^/  | /' /tmp/run-evil.log
[ "$rc" -ne 0 ] && pass "bootstrap exits $rc" || fail "bootstrap accepted a generation signed by somebody-else-1"
grep -q "refused: .* is not signed by the repository's key nixhome-fleet-test-1" /tmp/run-evil.log && pass "it says refused, naming the key" || fail "no 'refused' line"
[ ! -e "$home_files/generation" ] && pass "nothing was activated" || fail "a generation was activated"
[ ! -e "$OUT" ] && pass "nothing was fetched into the store" || fail "$OUT was fetched"
mv "$CACHE" /srv/evil && mv /srv/cache.good "$CACHE"

section "a stale record (the sources changed) falls back to evaluate-and-switch"
reset_fresh
echo "# edited after CI built it" >>"/home/$FRESH/repo/hosts/box.nix"
as "$FRESH" sh "/home/$FRESH/repo/bootstrap.sh" box --record "$RECORD" >/tmp/run-stale.log 2>&1
rc=$?
sed 's/^/  | /' /tmp/run-stale.log | tail -n 12
grep -q "evaluate and switch, because the recorded generation of fresh@box .*stale record" /tmp/run-stale.log &&
  pass "it says it falls back, and why (stale record)" || fail "no stale-record fallback line"
grep -Eq '^nix .* build --no-link --json .*#homeConfigurations\."fresh@box"\.activationPackage' "$CALLS" &&
  pass "it evaluates the flake's own activationPackage (Home Manager pinned by flake.lock)" || fail "no nix build of the activationPackage"
[ ! -e "$home_files/generation" ] && pass "the recorded generation was not used" || fail "the stale generation was activated"
# Offline there is no nixpkgs to evaluate: the fallback cannot finish here (the network tier does it).
[ "$rc" -ne 0 ] && pass "offline, the evaluation fails as it must (exit $rc): no nixpkgs here" || fail "the fallback claimed success offline"

section "multi-user Nix: an untrusted user gets the one command, and after it the cache path"
reset_fresh
sed -i '$d' "/home/$FRESH/repo/hosts/box.nix" # the sources match the record again
chown -R root:root /nix
sed -i '/^substituters =$/d' /etc/nix/nix.conf
echo "substituters =" >>/etc/nix/nix.conf
nix-daemon >/tmp/nix-daemon.log 2>&1 &
daemon=$!
sleep 1
as_daemon() { runuser -u "$FRESH" -- env -i HOME="/home/$FRESH" USER="$FRESH" LANG=C.UTF-8 NIX_REMOTE=daemon \
  PATH="$SPY:/usr/local/bin:/usr/bin:/bin" "$@"; }
as_daemon sh "/home/$FRESH/repo/bootstrap.sh" box --record "$RECORD" >/tmp/run-untrusted.log 2>&1
sed 's/^/  | /' /tmp/run-untrusted.log | head -n 6
fix="$(sed -n 's/.*to allow it, run once: //p' /tmp/run-untrusted.log | head -n 1)"
case "$fix" in
  "printf 'extra-trusted-substituters = file:///srv/cache\\nextra-trusted-public-keys = nixhome-fleet-test-1:"*" | sudo tee -a /etc/nix/nix.conf >/dev/null && sudo systemctl restart nix-daemon")
    pass "an untrusted user is told the one command that fixes it" ;;
  *) fail "no (or another) fix command: $fix" ;;
esac
[ ! -e "$home_files/generation" ] && pass "untrusted: the cache was not used" || fail "untrusted user used the cache"
# Run that command as root here (no sudo in the image; no systemd: restart by hand).
eval "$(printf '%s\n' "$fix" | sed 's/sudo //g; s/ && systemctl restart nix-daemon$//')"
kill "$daemon" 2>/dev/null; wait "$daemon" 2>/dev/null
nix-daemon >/tmp/nix-daemon.log 2>&1 &
daemon=$!
sleep 1
: >"$CALLS"
as_daemon sh "/home/$FRESH/repo/bootstrap.sh" box --record "$RECORD" >/tmp/run-trusted.log 2>&1
rc=$?
sed 's/^/  | /' /tmp/run-trusted.log | tail -n 4
[ "$rc" -eq 0 ] && grep -q "took the cache path" /tmp/run-trusted.log && pass "after it, the cache path through the daemon" || fail "no cache path after the fix (exit $rc)"
[ "$(cat "$home_files/generation" 2>/dev/null)" = "$OUT" ] && pass "and the generation activated" || fail "generation not activated through the daemon"
kill "$daemon" 2>/dev/null; wait "$daemon" 2>/dev/null

printf '\nbench: {"seconds": %s, "bytesFromCache": %s, "narBytes": %s, "paths": %s}\n' \
  "$seconds" "$bytes" "${nar_bytes:-0}" "$paths"
finish
