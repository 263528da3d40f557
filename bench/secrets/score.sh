#!/usr/bin/env bash
# Precision/recall of the secrets family on a generated, labeled corpus.
# Usage: bench/secrets/score.sh [FILES] [TOTAL_MB] [SEED]   (defaults: 4000 files, 16 MB, seed 1)
set -euo pipefail
cd "$(dirname "$0")/../.."
files="${1:-4000}"; mb="${2:-16}"; seed="${3:-1}"
cp=$(bench/secrets/classpath.sh)
work="bench/work/secrets-score-$files-$mb-$seed"
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
rm -rf "$work" "$work.labels.tsv"
"$java" -cp "$cp" dev.shipgate.bench.secrets.SecretCorpus "$work" "$files" "$mb" "$seed" 0.5
echo "corpus: $(find "$work" -type f | wc -l) files, $(( $(find "$work" -type f -printf "%s\n" | paste -sd+ | bc) / 1048576 )) MB, $(wc -l < "$work.labels.tsv") planted secrets"
"$java" -cp "$cp" dev.shipgate.bench.secrets.SecretScan score "$work" "$work.labels.tsv" 2
