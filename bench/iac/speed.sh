#!/usr/bin/env bash
# Issue 8 speed: a repository of 1,000 pipeline / container / manifest / Terraform files, checked by the
# ci, docker, k8s and terraform families (whole `shipgate scan` process, warm page cache), against a plain
# YAML parse of the same YAML files (PyYAML's C loader, also a whole process). Target: under 2 s.
# Usage: bench/iac/speed.sh [FILES]   (default 1000; a quarter of each kind)
set -euo pipefail
cd "$(dirname "$0")/../.."
files="${1:-1000}"
work="bench/work/iac-$files"
rm -rf "$work"; mkdir -p "$work/.github/workflows" "$work/deploy" "$work/infra" "$work/services"
python3 - "$work" "$files" <<'PY'
import os, sys
root, n = sys.argv[1], int(sys.argv[2]) // 4
wf = """name: build {i}
on:
  pull_request:
  push:
    branches: [main]
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11
        with:
          persist-credentials: false
      - uses: actions/setup-java@v4
        with: {{distribution: temurin, java-version: '21'}}
      - name: Test
        env:
          TITLE: ${{{{ github.event.pull_request.title }}}}
        run: |
          echo "testing $TITLE"
          ./mvnw -B verify
  deploy{i}:
    if: github.ref == 'refs/heads/main'
    needs: test
    runs-on: ubuntu-latest
    permissions:
      id-token: write
      contents: read
    steps:
      - run: echo "deploy ${{{{ github.sha }}}}"
"""
k8s = """apiVersion: apps/v1
kind: Deployment
metadata:
  name: svc-{i}
  labels: {{app: svc-{i}}}
spec:
  replicas: 2
  selector:
    matchLabels: {{app: svc-{i}}}
  template:
    metadata:
      labels: {{app: svc-{i}}}
    spec:
      automountServiceAccountToken: false
      containers:
        - name: app
          image: registry.example.com/svc-{i}:1.{i}.0
          ports: [{{containerPort: 8080}}]
          env:
            - name: DB_PASSWORD
              valueFrom: {{secretKeyRef: {{name: db, key: password}}}}
          securityContext:
            allowPrivilegeEscalation: false
            runAsNonRoot: true
            readOnlyRootFilesystem: true
            capabilities: {{drop: [ALL]}}
          resources:
            requests: {{cpu: 100m, memory: 128Mi}}
            limits: {{cpu: 500m, memory: 512Mi}}
---
apiVersion: v1
kind: Service
metadata:
  name: svc-{i}
spec:
  selector: {{app: svc-{i}}}
  ports: [{{port: 80, targetPort: 8080}}]
"""
tf = """resource "aws_s3_bucket" "b{i}" {{
  bucket = "acme-data-{i}"
}}

resource "aws_s3_bucket_public_access_block" "b{i}" {{
  bucket                  = aws_s3_bucket.b{i}.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}}

resource "aws_security_group" "sg{i}" {{
  name = "web-{i}"
  ingress {{
    from_port   = {port}
    to_port     = {port}
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }}
}}

resource "aws_db_instance" "db{i}" {{
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  storage_encrypted   = true
  publicly_accessible = false
}}
"""
docker = """FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B package -DskipTests

FROM eclipse-temurin:21-jre
COPY --from=build /src/target/app.jar /app/app.jar
USER 10001:10001
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
"""
compose = """services:
  app{i}:
    image: registry.example.com/app:{i}.0
    ports: ["8080:8080"]
    environment:
      SPRING_PROFILES_ACTIVE: prod
"""
for i in range(n):
    open(f"{root}/.github/workflows/build-{i}.yml", "w").write(wf.format(i=i))
    open(f"{root}/deploy/svc-{i}.yaml", "w").write(k8s.format(i=i))
    open(f"{root}/infra/main-{i}.tf", "w").write(tf.format(i=i, port=443 if i % 10 else 22))
    d = f"{root}/services/s{i}"
    os.makedirs(d)
    if i % 2:
        open(f"{d}/Dockerfile", "w").write(docker)
    else:
        open(f"{d}/docker-compose.yml", "w").write(compose.format(i=i))
PY
printf 'version: 1\n' > "$work/shipgate.yml"
./shipgate version >/dev/null
find "$work" -type f -print0 | xargs -0 cat > /dev/null
yaml_files=$(find "$work" -name '*.yml' -o -name '*.yaml' | wc -l)
echo "tree: $(find "$work" -type f | wc -l) files ($yaml_files YAML); java: $(${JAVA_HOME:+$JAVA_HOME/bin/}java -version 2>&1 | head -1)"
for round in 1 2 3; do
  s=$(date +%s.%N)
  python3 -c "
import sys, yaml, pathlib
for p in pathlib.Path(sys.argv[1]).rglob('*'):
    if p.suffix in ('.yml', '.yaml'):
        list(yaml.load_all(p.read_text(), Loader=yaml.CSafeLoader))
" "$work"
  e=$(date +%s.%N); ref=$(echo "$e - $s" | bc)
  s=$(date +%s.%N)
  set +e; ./shipgate scan "$work" --only ci,docker,k8s,terraform --quiet > /tmp/iac-scan.txt 2>&1; code=$?; set -e
  e=$(date +%s.%N); sg=$(echo "$e - $s" | bc)
  echo "round $round: PyYAML (C) parse of the YAML ${ref}s; shipgate scan (ci,docker,k8s,terraform, whole process) ${sg}s, exit $code, ratio $(echo "scale=2; $sg / $ref" | bc); $(tail -1 /tmp/iac-scan.txt)"
done
