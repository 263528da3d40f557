#!/usr/bin/env bash
# False positives on real code: the secrets family over library sources that ship with this machine (the newest
# JDK's src.zip, the Python standard library and dist-packages, npm's bundled packages, /usr/share/doc). They carry
# no live credentials, so every finding is a documentation value, a test key or a false positive; each is printed
# (redacted) for a person to judge.
# Usage: bench/secrets/realcode.sh   (CLI jar: SHIPGATE_JAR, default cli/target/shipgate.jar; see speed.sh)
set -euo pipefail
cd "$(dirname "$0")/../.."
jar="${SHIPGATE_JAR:-cli/target/shipgate.jar}"
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
work="bench/work/secrets-realcode"
if [ ! -d "$work" ]; then
  mkdir -p "$work"
  src=$(ls -d /usr/lib/jvm/*/lib/src.zip 2>/dev/null | sort -V | tail -1 || true)
  if [ -n "$src" ]; then mkdir -p "$work/jdk" && unzip -q "$src" -d "$work/jdk"; fi
  for d in /usr/lib/python3.* /usr/lib/python3 /usr/lib/node_modules /usr/share/doc; do
    if [ -d "$d" ]; then cp -r "$d" "$work/$(echo "${d#/}" | tr / _)"; fi
  done
fi
[ -f "$jar" ] || { echo "no CLI jar at $jar" >&2; exit 2; }
echo "tree: $(find "$work" -type f | wc -l) files, $(du -sm "$work" | cut -f1) MiB"
"$java" -XX:TieredStopAtLevel=1 -jar "$jar" scan "$work" --only secrets --no-config --no-fail --no-audit --threads 2 \
  --format json="$work.json" --quiet 2>&1 | grep '^scanned'
python3 - "$work.json" <<'PY'
import json, sys
findings = json.load(open(sys.argv[1])).get("findings", [])
for f in findings:
    loc = f.get("location", {})
    print(f"{f['rule_id']}\t{f['confidence']}\t{loc.get('path')}:{loc.get('start_line')}\t{(f.get('snippet') or '')[:120]}")
print(f"{len(findings)} findings")
PY
