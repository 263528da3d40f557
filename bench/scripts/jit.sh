#!/usr/bin/env bash
# Which JIT the launcher should use (bench/RESULTS.md, "JIT"): whole `shipgate scan` processes with the default
# tiered JIT against C1 alone (-XX:TieredStopAtLevel=1), alternating, on the issue 8 IaC corpus and on generated
# Java corpora of about 244,000 and 1,000,000 lines. Prints wall and CPU seconds per run; CPU is the figure to
# compare when other work shares the cores.
# Usage: bench/scripts/jit.sh [ROUNDS] [JAVA_MODULES...]   (defaults: 2 rounds; 600 and 2460 modules of ~407 lines)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds="${1:-2}"; shift || true
modules=("$@"); [ ${#modules[@]} -gt 0 ] || modules=(600 2460)
./shipgate version >/dev/null   # builds cli/target/shipgate.jar when needed
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
jar=cli/target/shipgate.jar
[ -d bench/work/iac-1000 ] || bench/iac/speed.sh 1000 >/dev/null
gen="$(mktemp -d)"; trap 'rm -rf "$gen"' EXIT
javac --release 17 -d "$gen" -cp "$jar" bench/src/main/java/dev/shipgate/bench/java/JavaCorpusGenerator.java
corpora=(bench/work/iac-1000)
for m in "${modules[@]}"; do
  [ -d "bench/work/java-$m" ] || "$java" -cp "$gen:$jar" dev.shipgate.bench.java.JavaCorpusGenerator "bench/work/java-$m" "$m" >/dev/null
  corpora+=("bench/work/java-$m")
done
run() {   # label, corpus, JVM options...
  local label="$1" corpus="$2"; shift 2
  /usr/bin/time -f "  $label: %e s wall, %U+%S s CPU, %M KB peak RSS" \
    "$java" -Xlog:disable "$@" -jar "$jar" scan "$corpus" --no-config --no-audit --quiet >/dev/null 2>/tmp/jit-run.err || true
  tail -1 /tmp/jit-run.err
}
for corpus in "${corpora[@]}"; do
  echo "$corpus ($(find "$corpus" -type f | wc -l) files)"
  for round in $(seq "$rounds"); do
    echo " round $round (load $(cut -d' ' -f1 /proc/loadavg))"
    run "default JIT" "$corpus"
    run "C1 alone   " "$corpus" -XX:TieredStopAtLevel=1
  done
done
