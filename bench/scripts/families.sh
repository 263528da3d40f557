#!/usr/bin/env bash
# Start-up breakdown (issue 2): each family's construction time, sequentially, in a cold JVM on the CLI jar.
# Usage: bench/scripts/families.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
./shipgate version >/dev/null   # builds cli/target/shipgate.jar when stale
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
"$java" -cp cli/target/shipgate.jar bench/scripts/FamilyConstruction.java \
  dev.shipgate.scanner.config.ConfigScanner dev.shipgate.scanner.secrets.SecretsScanner dev.shipgate.scanner.java.JavaScanner \
  dev.shipgate.scanner.arch.ArchScanner dev.shipgate.scanner.api.ApiScanner dev.shipgate.scanner.deps.DepsScanner \
  dev.shipgate.scanner.change.ChangeScanner dev.shipgate.scanner.ci.CiScanner dev.shipgate.scanner.docker.DockerScanner \
  dev.shipgate.scanner.k8s.K8sScanner dev.shipgate.scanner.terraform.TerraformScanner
