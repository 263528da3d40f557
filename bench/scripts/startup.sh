#!/usr/bin/env bash
# Start-up latency: time from process start to the first file read (printed by shipgate itself when
# SHIPGATE_TRACE_STARTUP is set), and whole-process time of a tiny scan, per JDK, with the launcher's
# class-data-sharing archive warm. Target (issue 2): first file read within 0.5 s.
# Usage: bench/scripts/startup.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-10}"
tiny="$(mktemp -d)"; tinygit="$(mktemp -d)"; trap 'rm -rf "$tiny" "$tinygit"' EXIT
printf 'server.port=8080\n' > "$tiny/application.properties"
# The same file in a git work tree (an empty repository written by hand), where most scans run.
mkdir -p "$tinygit/.git/objects" "$tinygit/.git/refs/heads"
printf 'ref: refs/heads/main\n' > "$tinygit/.git/HEAD"
printf '[core]\n\trepositoryformatversion = 0\n\tbare = false\n' > "$tinygit/.git/config"
cp "$tiny/application.properties" "$tinygit/"
for home in /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64; do
  [ -x "$home/bin/java" ] || continue
  export JAVA_HOME="$home"
  ./shipgate version >/dev/null; ./shipgate version >/dev/null   # build if needed, create the CDS archive
  ms=()
  for _ in $(seq "$runs"); do
    ms+=("$(SHIPGATE_TRACE_STARTUP=1 ./shipgate scan "$tiny" --quiet 2>&1 >/dev/null | sed -n 's/^startup: first file read \([0-9]*\) ms.*/\1/p')")
  done
  sorted=$(printf '%s\n' "${ms[@]}" | sort -n)
  echo "$("$home/bin/java" -version 2>&1 | head -1): first file read, ms over $runs runs: median $(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p"), min $(echo "$sorted" | head -1), max $(echo "$sorted" | tail -1)"
  ms=()
  for _ in $(seq "$runs"); do
    ms+=("$(SHIPGATE_TRACE_STARTUP=1 ./shipgate scan "$tinygit" --quiet 2>&1 >/dev/null | sed -n 's/^startup: first file read \([0-9]*\) ms.*/\1/p')")
  done
  sorted=$(printf '%s\n' "${ms[@]}" | sort -n)
  echo "  in a git work tree: median $(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p"), min $(echo "$sorted" | head -1), max $(echo "$sorted" | tail -1)"
  if command -v hyperfine >/dev/null; then
    hyperfine -N -w 2 -r "$runs" "./shipgate scan $tiny --quiet" 2>/dev/null | grep -E "Time \(mean"
  fi
done
