#!/usr/bin/env bash
# What parts of the issue 8 scan cost (bench/RESULTS.md, "Pipelines..."): the same scan of bench/work/iac-FILES,
# alternating in each round, (1) through the launcher with and without the audit-log entry and (2) with `java`
# directly, default JIT against C1 alone. Prints wall and CPU seconds per run. Run bench/iac/speed.sh first.
# Usage: bench/iac/variants.sh [FILES] [ROUNDS]   (defaults 1000, 3)
set -euo pipefail
cd "$(dirname "$0")/../.."
files="${1:-1000}"; rounds="${2:-3}"
work="bench/work/iac-$files"
[ -d "$work" ] || { echo "no $work: run bench/iac/speed.sh $files first" >&2; exit 2; }
./shipgate version >/dev/null   # builds the jar and the class-data-sharing archive when needed
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
args=(scan "$work" --only ci,docker,k8s,terraform --quiet)
run() {   # label, command...: prints "label: W s wall, C s CPU"
  local label="$1"; shift
  /usr/bin/time -f "$label: %e s wall, %U+%S s CPU" "$@" >/dev/null 2>/tmp/iac-variant.err || true
  tail -1 /tmp/iac-variant.err
}
for round in $(seq "$rounds"); do
  echo "round $round (load $(cut -d' ' -f1 /proc/loadavg))"
  run "  launcher --no-audit" ./shipgate "${args[@]}" --no-audit
  run "  launcher (audit entry)" ./shipgate "${args[@]}"
  run "  java, default JIT" "$java" -Xlog:disable -jar cli/target/shipgate.jar "${args[@]}" --no-audit
  run "  java, C1 only" "$java" -Xlog:disable -XX:TieredStopAtLevel=1 -jar cli/target/shipgate.jar "${args[@]}" --no-audit
done
