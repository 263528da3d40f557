#!/usr/bin/env bash
# Prints a class path with the bench classes, core, and the secrets scanner with its dependencies.
# The bench module compiles against core only; the secrets scanner is loaded through ServiceLoader.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -o -q -B -ntp -DskipTests install -pl scanners/secrets >/dev/null
./mvnw -o -q -B -ntp -DskipTests install -pl bench >/dev/null
./mvnw -o -q -B -ntp dependency:build-classpath -pl bench -Dmdep.outputFile="$PWD/bench/target/cp-bench.txt" >/dev/null
./mvnw -o -q -B -ntp dependency:build-classpath -pl scanners/secrets -Dmdep.outputFile="$PWD/scanners/secrets/target/cp-secrets.txt" -Dmdep.includeScope=runtime >/dev/null
echo "bench/target/classes:scanners/secrets/target/classes:$(cat bench/target/cp-bench.txt):$(cat scanners/secrets/target/cp-secrets.txt)"
