#!/usr/bin/env bash
# Whole-process speed of the secrets scan (the CLI: `shipgate scan --only secrets`) vs ripgrep searching the
# same tree for an alternation of the detectors' prefilter keywords (the provider prefixes and credential
# words), warm page cache, 2 threads each, rounds alternating the two tools.
# Usage: bench/secrets/speed.sh [FILES] [TOTAL_MB] [ROUNDS]   (defaults: 60000 files, 600 MB, 3 rounds)
# The CLI jar: SHIPGATE_JAR, default cli/target/shipgate.jar, built with
#   ./mvnw -o -q -B -pl scanners/secrets install -DskipTests && ./mvnw -o -q -B -pl cli package -DskipTests
# (copy it elsewhere first when others rebuild the checkout's jar while you measure).
# JVM options: SHIPGATE_JAVA_OPTS, default -XX:TieredStopAtLevel=1 as the ./shipgate launcher uses.
# Needs ripgrep (Debian: apt-get install -y ripgrep); uses `perf stat` for instruction counts when it works.
set -euo pipefail
cd "$(dirname "$0")/../.."
files="${1:-60000}"; mb="${2:-600}"; rounds="${3:-3}"
jar="${SHIPGATE_JAR:-cli/target/shipgate.jar}"
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
work="bench/work/secrets-speed-$files-$mb"
if [ ! -d "$work" ]; then
  "$java" -cp "$(bench/secrets/classpath.sh)" dev.shipgate.bench.secrets.SecretCorpus "$work" "$files" "$mb" 7 0.1
fi
[ -f "$jar" ] || { echo "no CLI jar at $jar (see the build command at the top of this script)" >&2; exit 2; }
bytes=$(find "$work" -type f -printf "%s\n" | paste -sd+ | bc)
# The same keywords the scanner's Aho-Corasick prefilter looks for, as one case-insensitive regex.
pattern=$(python3 - <<'PY'
import yaml
d = yaml.safe_load(open("scanners/secrets/src/main/resources/dev/shipgate/scanner/secrets/detectors.yml"))
kws = sorted({k.lower() for x in d["detectors"] for k in x["keywords"]})
meta = set(".^$*+?()[]{}|\\")
print("(?i)(?:" + "|".join("".join("\\" + ch if ch in meta else ch for ch in k) for k in kws) + ")")
PY
)
echo "tree: $(find "$work" -type f | wc -l) files, $((bytes / 1048576)) MiB; $(rg --version | head -1); java: $("$java" -version 2>&1 | head -1); jar: $jar"
echo "rg pattern: ${#pattern} chars, $(echo "$pattern" | tr '|' '\n' | wc -l) alternatives"
find "$work" -type f -print0 | xargs -0 cat > /dev/null
# Instructions (user space, all threads) do not depend on what else the shared machine runs; wall and CPU
# seconds do, so the load average is printed with every round. Cycles (user space) sit in between: they count
# time the cores spent, stalls included, but not time spent waiting for a core.
perf=()
if perf stat -x, -e instructions:u,cycles:u true 2>&1 | grep -q '^[0-9]'; then perf=(perf stat -x, -e instructions:u,cycles:u); fi
timed() { # prints "wall cpu [instructions cycles]" for the command, its output to /dev/null
  local s e t
  s=$(date +%s.%N)
  t=$( { /usr/bin/time -f "time %U %S" "${perf[@]}" "$@" > /dev/null; } 2>&1 )
  e=$(date +%s.%N)
  echo "$(echo "$e - $s" | bc) $(echo "$t" | awk '/^time/ {print $2 + $3}') $(echo "$t" | awk -F, '/instructions/ {print $1}') $(echo "$t" | awk -F, '/cycles/ {print $1}')"
}
for round in $(seq 1 "$rounds"); do
  read -r rw rc ri ry < <(timed rg -j2 --no-ignore --hidden -e "$pattern" "$work")
  read -r sw sc si sy < <(timed "$java" ${SHIPGATE_JAVA_OPTS:--XX:TieredStopAtLevel=1} -jar "$jar" scan "$work" --only secrets --no-config --no-fail --no-audit --quiet --threads 2 --format json=/dev/null)
  line="round $round (load $(cut -d' ' -f1 /proc/loadavg)): rg ${rw}s wall ${rc}s cpu, shipgate ${sw}s wall ${sc}s cpu"
  line="$line; ratio wall $(echo "scale=2; $sw / $rw" | bc) cpu $(echo "scale=2; $sc / $rc" | bc)"
  if [ -n "$ri" ] && [ -n "$si" ]; then
    line="$line instructions $(echo "scale=2; $si / $ri" | bc) ($((ri / 1000000)) M vs $((si / 1000000)) M)"
  fi
  if [ -n "$ry" ] && [ -n "$sy" ]; then
    line="$line cycles $(echo "scale=2; $sy / $ry" | bc) ($((ry / 1000000)) M vs $((sy / 1000000)) M)"
  fi
  echo "$line"
done
# One more run for the scan's own summary (files, findings, skips, errors).
"$java" -jar "$jar" scan "$work" --only secrets --no-config --no-fail --quiet --threads 2 --format json=/dev/null 2>&1 | grep '^scanned'
