# Regenerates src/test/resources/fixtures with fresh fake values (seeded). Run: python3 tools/make_fixtures.py
import os, re, sys, yaml
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sample_gen as gen
ROOT = os.path.join(HERE, "..", "src/test/resources/fixtures")
DET = yaml.safe_load(open(os.path.join(HERE, "..", "src/main/resources/dev/shipgate/scanner/secrets/detectors.yml")))["detectors"]
HEADER = "Fake credentials generated for shipgate's tests: format-valid, never issued by any provider."
def fill(text):
    return re.sub(r"«([^»]+)»", lambda m: gen.expand("[[" + m.group(1) + "]]"), text)
def write(rel, text):
    p = os.path.join(ROOT, rel)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    open(p, "w").write(fill(text))

# 1. one line per single-line detector sample, as an .env file
skip = {"secrets/aws/secret-access-key", "secrets/aws/access-key-id", "secrets/gcp/service-account-key",
        "secrets/private-key/pem", "secrets/private-key/pgp",
        # multi-line manifests with fixtures of their own (k8s/secrets.yaml)
        "secrets/kubernetes/secret-data"}
out = ["# " + HEADER, "# One planted value per detector; AWS, key files and service accounts have their own fixtures.", ""]
for d in DET:
    if d["id"] in skip: continue
    singles = [t for t in d["samples"][True] if "\n" not in t and "pem" not in t]
    s = singles[0] if singles else next(l for l in d["samples"][True][0].split("\n") if any(k.lower() in l.lower() for k in d["keywords"]))
    out += ["# expect: " + d["id"], gen.expand(s), ""]
write("catalogue/providers.env", "\n".join(out))

write("java/PaymentService.java", """// HEADER
package com.example.shop.payment;

import java.util.Map;
import java.util.UUID;

public final class PaymentService {

  // Hard decoys: identifiers, hashes and lookups that have a secret's shape or name.
  private static final UUID MERCHANT_ID = UUID.fromString("3f2a9c1e-7b4d-4e8a-9f10-2c6b8d4e1a37"); // ok: secrets/generic/api-key
  private static final String COMMIT = "9fceb02d0ae598e95dc970b74767f19372d61af8";
  private static final String PASSWORD_FIELD = "password"; // ok: secrets/generic/password
  private static final String TOKEN_HEADER = "X-Auth-Token";
  private final String password = System.getenv("DB_PASSWORD"); // ok: secrets/generic/password
  private final String apiToken = config.get("payments.apiToken"); // ok: secrets/generic/api-key
  private static final String PUBLISHABLE = "pk_live_«b62:24»";

  private static final String STRIPE_KEY = "sk_live_«b62:32»"; // expect: secrets/stripe/live-secret-key
  private static final String GITHUB = "ghp_«b62:30»«crc»"; // expect: secrets/github/pat-classic
  private static final String JDBC = "jdbc:postgresql://db.internal:5432/shop?user=shop&password=ignored"; // ok: secrets/url/database-credentials
  private static final String DB_URL = "postgresql://shop:«b62:22»@db.internal:5432/shop"; // expect: secrets/url/database-credentials
  private static final String SIGNING_SECRET = "«b64u:40»"; // expect: secrets/generic/api-key

  String login(String user) {
    String password = "«b62:10»!«digit:2»"; // expect: secrets/generic/password
    return user + password;
  }

  Map<String, String> headers(String token) {
    return Map.of("Authorization", "Bearer " + token, "Idempotency-Key", UUID.randomUUID().toString());
  }
}
""".replace("HEADER", HEADER))

write("python/settings.py", """# HEADER
import os

DEBUG = False
SECRET_KEY = "«b64u:50»"  # expect: secrets/generic/api-key
ALLOWED_HOSTS = ["shop.example.org"]

# Documentation examples and environment lookups must stay quiet.
AWS_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"  # ok: secrets/aws/access-key-id
AWS_SECRET_ACCESS_KEY = os.environ["AWS_SECRET_ACCESS_KEY"]  # ok: secrets/aws/secret-access-key
DATABASE_PASSWORD = os.environ.get("DATABASE_PASSWORD", "")  # ok: secrets/generic/password
STATIC_HASH = "sha256:«hex:64»"  # ok: secrets/generic/api-key
CSRF_TOKEN_NAME = "csrftoken"  # ok: secrets/generic/api-key
PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]  # ok: secrets/generic/password

OPENAI_API_KEY = "sk-proj-«b64u:74»T3BlbkFJ«b64u:74»"  # expect: secrets/openai/api-key
ANTHROPIC_API_KEY = "sk-ant-api03-«b64u:93»AA"  # expect: secrets/anthropic/api-key
HF_TOKEN = "hf_«alpha:34»"  # expect: secrets/huggingface/access-token
CELERY_BROKER_URL = "amqp://celery:«b62:20»@rabbitmq:5672/prod"  # expect: secrets/url/database-credentials
CACHES = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": "redis://localhost:6379/1"}}

EMAIL_HOST_PASSWORD = "changeme"  # ok: secrets/generic/password
""".replace("HEADER", HEADER))

write("js/config.js", """// HEADER
const crypto = require("crypto");

module.exports = {
  slackWebhook: "https://hooks.slack.com/services/T«ualnum:10»/B«ualnum:10»/«b62:24»", // expect: secrets/slack/webhook-url
  sendgrid: "SG.«b64u:22».«b64u:43»", // expect: secrets/sendgrid/api-key
  maps: "AIza«b64u:35»", // expect: secrets/gcp/api-key
  session: "«jwt»", // expect: secrets/jwt/token
  logo: "data:image/png;base64,iVBORw0KGGoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAGXRFWHRTb2Z0d2FyZQBBZG9iZSBJbWFnZVJlYWR5ccllPAAAAyBpVFh0", // ok: secrets/generic/api-key
  apiKey: process.env.API_KEY, // ok: secrets/generic/api-key
  token: "<token>", // ok: secrets/generic/api-key
  exampleJwt: "eyJhbGciOiJIUzI1NiJ9.eyJ4Ijp7fX0", // ok: secrets/jwt/token
  nonce: crypto.randomBytes(16).toString("hex"),
};
""".replace("HEADER", HEADER))

write("yaml/ci.yml", """# HEADER
name: release
on: [push]
jobs:
  publish:
    runs-on: ubuntu-latest
    env:
      NPM_TOKEN: ${{ secrets.NPM_TOKEN }} # ok: secrets/generic/api-key
      GITLAB_TOKEN: glpat-«b64u:20» # expect: secrets/gitlab/pat
      DOCKER_PASSWORD: dckr_pat_«b64u:27» # expect: secrets/docker/hub-pat
      SONAR_TOKEN: "{{ sonar_token }}" # ok: secrets/generic/api-key
    steps:
      - uses: actions/checkout@8e5e7e5ab8b370d6c329ec480221332ada57f0ab # ok: secrets/generic/api-key
      - run: echo "//registry.npmjs.org/:_authToken=npm_«b62:30»«crc»" > ~/.npmrc # expect: secrets/npm/access-token
      - run: curl -sSf https://deploy:«b62:20»@artifacts.corp.example.net/upload # expect: secrets/url/basic-auth
      - run: curl -u user:password https://example.com/docs # ok: secrets/url/basic-auth
""".replace("HEADER", HEADER))

write("json/service-account.json", """{
  "type": "service_account",
  "project_id": "shop-prod-«lalnum:6»",
  "private_key_id": "«hex:40»",
  "private_key": "«pem-escaped:PRIVATE KEY»", // expect: secrets/gcp/service-account-key
  "client_email": "deployer@shop-prod.iam.gserviceaccount.com",
  "client_id": "«digit:21»",
  "auth_uri": "https://accounts.google.com/o/oauth2/auth",
  "token_uri": "https://oauth2.googleapis.com/token"
}
""")

write("terraform/main.tf", """# HEADER
provider "azurerm" {
  features {}
}

resource "azurerm_app_service" "web" {
  app_settings = {
    STORAGE = "DefaultEndpointsProtocol=https;AccountName=shopprod;AccountKey=«b64bytes:64»;EndpointSuffix=core.windows.net" # expect: secrets/azure/storage-account-key
    EMULATOR = "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==" # ok: secrets/azure/storage-account-key
  }
}

variable "db_password" {
  type    = string
  default = "«b62:12»#«digit:3»" # ok: secrets/generic/password
}

resource "aws_db_instance" "main" {
  password = var.db_password # ok: secrets/generic/password
  admin_password = "«b62:14»" # expect: secrets/generic/password
}

provider "digitalocean" {
  token = "dop_v1_«hex:64»" # expect: secrets/digitalocean/token
}
""".replace("HEADER", HEADER))

write("shell/deploy.sh", """#!/usr/bin/env bash
# HEADER
set -euo pipefail

# expect: secrets/aws/access-key-id
export AWS_ACCESS_KEY_ID=AKIA«b32u:16»
# expect: secrets/aws/secret-access-key
export AWS_SECRET_ACCESS_KEY=«b64:40»
export AWS_DEFAULT_REGION=eu-west-1
GIT_SHA=$(git rev-parse HEAD)
echo "deploying 4b825dc642cb6eb9a060e54bf8d69288fbee4904"  # ok: secrets/aws/secret-access-key

curl -X POST -F token=glptt-«hex:40» -F ref=main https://gitlab.example.org/api/v4/projects/42/trigger/pipeline # expect: secrets/gitlab/pipeline-trigger-token
curl -H "Authorization: Bearer ${API_TOKEN}" https://api.example.org/deploy # ok: secrets/generic/api-key
""".replace("HEADER", HEADER))

write("keys/server.key", """# HEADER
# expect: secrets/private-key/pem
«pem:RSA PRIVATE KEY»
# The public half is not a secret.
# ok: secrets/private-key/pem
«pem:PUBLIC KEY»
""".replace("HEADER", HEADER))

write("keys/release-signing.asc", """# HEADER
# expect: secrets/private-key/pgp
«pem:PGP PRIVATE KEY BLOCK»
# ok: secrets/private-key/pgp
«pem:PGP PUBLIC KEY BLOCK»
""".replace("HEADER", HEADER))

write("yaml/application.yml", """# HEADER
spring:
  datasource:
    url: jdbc:postgresql://db:5432/app
    username: app
    password: ${DB_PASSWORD} # ok: secrets/generic/password
  security:
    oauth2:
      client:
        registration:
          google:
            client-id: 123456789012-abcdefghijklmnopqrstuvwxyz012345.apps.googleusercontent.com
            client-secret: GOCSPX-«b64u:28» # expect: secrets/gcp/oauth-client-secret
management:
  token-validity-seconds: 3600 # ok: secrets/generic/api-key
redis:
  url: redis://:«b62:24»@cache.internal:6379/0 # expect: secrets/url/database-credentials
""".replace("HEADER", HEADER))

write("decoys/package-lock.json", """{
  "name": "web",
  "lockfileVersion": 3,
  "packages": {
    "node_modules/left-pad": {
      "version": "1.3.0",
      "resolved": "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz",
      "integrity": "sha512-«b64:86»=="
    },
    "node_modules/token-stream": {
      "version": "1.0.0",
      "integrity": "sha1-«b64:27»="
    }
  }
}
""")

write("decoys/go.sum", """github.com/google/uuid v1.6.0 h1:«b64:43»=
github.com/google/uuid v1.6.0/go.mod h1:«b64:43»=
golang.org/x/crypto v0.31.0 h1:«b64:43»=
""")

write("decoys/NOTES.md", """# Setting up credentials

<!-- HEADER -->

Put your token in `.env`, never in code:

```
GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
OPENAI_API_KEY=sk-...
AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
DATABASE_URL=postgres://user:password@localhost:5432/app
STRIPE_SECRET_KEY=sk_live_your_key_here
SLACK_WEBHOOK=https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX
```

Commit ids such as 9fceb02d0ae598e95dc970b74767f19372d61af8 and UUIDs such as
3f2a9c1e-7b4d-4e8a-9f10-2c6b8d4e1a37 are not secrets. Neither is a public key:

    ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI«b64:43» deploy@ci
""".replace("HEADER", HEADER))
