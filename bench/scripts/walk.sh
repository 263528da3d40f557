#!/usr/bin/env bash
# Walk+read throughput of shipgate vs `find . -type f | xargs cat > /dev/null`, same tree, same run.
# Usage: bench/scripts/walk.sh [FILES] [TOTAL_MB]   (defaults: 100000 files, 1024 MB)
# Target (issue 2): shipgate takes at most 2x the time of find|xargs cat, warm page cache.
set -euo pipefail
cd "$(dirname "$0")/../.."
files="${1:-100000}"; mb="${2:-1024}"
work="bench/work/walk-$files-$mb"
./mvnw -q -B -ntp -DskipTests install -pl bench -am >/dev/null
cp_file="bench/target/classpath.txt"
./mvnw -q -B -ntp dependency:build-classpath -pl bench -Dmdep.outputFile=target/classpath.txt >/dev/null
cp="bench/target/classes:$(cat "$cp_file")"
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
if [ ! -d "$work" ]; then
  "$java" -cp "$cp" dev.shipgate.bench.TreeGenerator "$work" "$files" "$mb"
fi
echo "tree: $(find "$work" -type f | wc -l) files, $(du -sm "$work" | cut -f1) MB; java: $("$java" -version 2>&1 | head -1)"
# Warm the page cache, then alternate the two commands three times each.
find "$work" -type f -print0 | xargs -0 cat > /dev/null
for round in 1 2 3; do
  s=$(date +%s.%N); (cd "$work" && find . -type f | xargs cat > /dev/null); e=$(date +%s.%N)
  ref=$(echo "$e - $s" | bc)
  s=$(date +%s.%N); out=$("$java" -cp "$cp" dev.shipgate.bench.WalkReadBench "$work"); e=$(date +%s.%N)
  sg=$(echo "$e - $s" | bc)
  echo "round $round: find|xargs cat ${ref}s, shipgate walk+read (whole process) ${sg}s, ratio $(echo "scale=2; $sg / $ref" | bc); $out"
done
