#!/usr/bin/env bash
# Regenerates the README's rule tables from `shipgate rules --markdown` (README section "Rules").
# Usage: docs/rules-tables.sh > /tmp/rules.md, then paste between the "## Rules" intro and "## Fixes".
set -euo pipefail
cd "$(dirname "$0")/.."
describe() {
  case "$1" in
    shipgate) echo "the gate's own checks on suppressions and waivers (\`core\`)";;
    config) echo "unsafe Spring Boot configuration (\`scanners/config\`)";;
    secrets) echo "leaked credentials (\`scanners/secrets\`, detectors in \`detectors.yml\`)";;
    java) echo "Java SAST: taint flows and API misuse (\`scanners/java\`, models in \`models/*.yml\`)";;
    arch) echo "blessed patterns: forbidden APIs, layers, required wrappers and dependencies (\`scanners/arch\`)";;
    api) echo "HTTP routes: authentication, object access, OpenAPI drift (\`scanners/api\`)";;
    deps) echo "dependencies: known advisories, pinning, sources, registries, integrity, install scripts, typosquats, licences (\`scanners/deps\`)";;
    change) echo "change governance: review tiers, AI-assistance notes, signed approvals (\`scanners/change\`)";;
    ci) echo "GitHub Actions and GitLab CI (\`scanners/ci\`)";;
    docker) echo "Dockerfiles and Compose files (\`scanners/docker\`)";;
    k8s) echo "Kubernetes manifests and RBAC (\`scanners/k8s\`)";;
    terraform) echo "Terraform for AWS, Azure and GCP (\`scanners/terraform\`)";;
  esac
}
for family in shipgate config secrets java arch api deps change ci docker k8s terraform; do
  table="$(./shipgate rules --markdown --family "$family")"
  count=$(( $(printf '%s\n' "$table" | wc -l) - 2 ))
  printf '<details><summary><b>%s</b>: %d rules, %s</summary>\n\n%s\n\n</details>\n\n' "$family" "$count" "$(describe "$family")" "$table"
done
