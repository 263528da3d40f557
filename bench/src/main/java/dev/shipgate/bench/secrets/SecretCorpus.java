package dev.shipgate.bench.secrets;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import java.util.zip.CRC32;

/**
 * Generates a labeled secrets corpus: source-like files in eight formats with planted fake credentials
 * (format-valid, never issued) and hard decoys (hashes, UUIDs, lockfile integrity, documentation
 * examples, template variables, public keys). Writes {@code <tree>.labels.tsv}: path, line, detector id
 * for every planted secret; decoys are unlabeled, so any finding on them is a false positive.
 *
 * <p>Written independently of the scanner's detector samples so the benchmark is not circular.
 *
 * <p>Usage: {@code SecretCorpus OUT_DIR FILES TOTAL_MB [SEED] [PLANT_RATE]}
 */
public final class SecretCorpus {

  static final String B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  static final String HEX = "0123456789abcdef";
  static final String B64 = B62 + "+/";
  static final String B64U = B62 + "-_";
  static final String DIGITS = "0123456789";
  static final String LALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
  static final String UALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  private final Random r;

  SecretCorpus(long seed) {
    this.r = new Random(seed);
  }

  /** One planted secret: the lines to insert (each with its detector id, or null for an unlabeled line). */
  record Plant(List<String> lines, List<String> ids) {}

  String s(String charset, int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(charset.charAt(r.nextInt(charset.length())));
    }
    return sb.toString();
  }

  String pick(String... options) {
    return options[r.nextInt(options.length)];
  }

  static String base62(long v, int width) {
    StringBuilder sb = new StringBuilder();
    while (v > 0) {
      sb.append(B62.charAt((int) (v % 62)));
      v /= 62;
    }
    while (sb.length() < width) {
      sb.append('0');
    }
    return sb.reverse().toString();
  }

  String checksummed(String prefix) {
    String body = s(B62, 30);
    CRC32 c = new CRC32();
    c.update(body.getBytes(StandardCharsets.US_ASCII));
    return prefix + body + base62(c.getValue(), 6);
  }

  String jwt() {
    Base64.Encoder e = Base64.getUrlEncoder().withoutPadding();
    String h = e.encodeToString(("{\"alg\":\"" + pick("HS256", "RS256", "ES256") + "\",\"typ\":\"JWT\"}").getBytes(StandardCharsets.UTF_8));
    String p = e.encodeToString(("{\"sub\":\"" + s(HEX, 10) + "\",\"exp\":" + (1_800_000_000 + r.nextInt(99_999_999))
        + ",\"role\":\"" + pick("service", "admin", "ci") + "\"}").getBytes(StandardCharsets.UTF_8));
    return h + "." + p + "." + s(B64U, 43);
  }

  String password() {
    String[] words = {"Falcon", "Harbor", "Maple", "Quartz", "Velvet", "Orbit", "Cinder", "Nimbus", "Tundra", "Saffron"};
    // shipgate:ignore java/crypto/insecure-random -- a seeded corpus generator: one seed must always give the same tree
    return words[r.nextInt(words.length)] + s("0123456789", 2 + r.nextInt(3)) + pick("!", "#", "%", "&", "*", "@") + s(B62, 3 + r.nextInt(4));
  }

  /** An assignment in the file's language; {@code key} is a config-style name. */
  static String assign(String lang, String key, String value) {
    String camel = camel(key);
    return switch (lang) {
      case "java" -> "    private static final String " + key.toUpperCase(Locale.ROOT) + " = \"" + value + "\";";
      case "py" -> key.toUpperCase(Locale.ROOT) + " = \"" + value + "\"";
      case "js" -> "  " + camel + ": \"" + value + "\",";
      case "yml" -> "  " + key.toLowerCase(Locale.ROOT) + ": " + value;
      case "json" -> "  \"" + camel + "\": \"" + value + "\",";
      case "tf" -> "  " + key.toLowerCase(Locale.ROOT) + " = \"" + value + "\"";
      case "sh" -> "export " + key.toUpperCase(Locale.ROOT) + "=\"" + value + "\"";
      default -> key.toUpperCase(Locale.ROOT) + "=" + value;
    };
  }

  static String camel(String key) {
    StringBuilder sb = new StringBuilder();
    boolean up = false;
    for (char c : key.toLowerCase(Locale.ROOT).toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        sb.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return sb.toString();
  }

  private Plant one(String line, String id) {
    return new Plant(List.of(line), List.of(id));
  }

  /** The planted kinds, each producing a realistic line for the language. */
  List<Function<String, Plant>> kinds() {
    List<Function<String, Plant>> k = new ArrayList<>();
    k.add(l -> new Plant(List.of(assign(l, "aws_access_key_id", "AKIA" + s("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)),
        assign(l, "aws_secret_access_key", s(B64, 40))), List.of("secrets/aws/access-key-id", "secrets/aws/secret-access-key")));
    k.add(l -> one(assign(l, pick("github_token", "gh_pat", "token"), checksummed("ghp_")), "secrets/github/pat-classic"));
    k.add(l -> one(assign(l, "gh_token", "github_pat_" + s(B62, 22) + "_" + s(B62, 59)), "secrets/github/pat-fine-grained"));
    k.add(l -> one(assign(l, "installation_token", checksummed("ghs_")), "secrets/github/server-to-server-token"));
    k.add(l -> one(assign(l, "gitlab_token", "glpat-" + s(B64U, 20)), "secrets/gitlab/pat"));
    k.add(l -> one(assign(l, "slack_bot_token", "xoxb-" + s("0123456789", 12) + "-" + s("0123456789", 13) + "-" + s(B62, 24)), "secrets/slack/bot-token"));
    k.add(l -> one(assign(l, "slack_webhook", "https://hooks.slack.com/services/T" + s("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 10)
        + "/B" + s("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 10) + "/" + s(B62, 24)), "secrets/slack/webhook-url"));
    k.add(l -> one(assign(l, "stripe_secret_key", "sk_live_" + s(B62, r.nextBoolean() ? 24 : 99)), "secrets/stripe/live-secret-key"));
    k.add(l -> one(assign(l, "sendgrid_api_key", "SG." + s(B64U, 22) + "." + s(B64U, 43)), "secrets/sendgrid/api-key"));
    k.add(l -> one(assign(l, "openai_api_key", "sk-proj-" + s(B64U, 74) + "T3BlbkFJ" + s(B64U, 74)), "secrets/openai/api-key"));
    k.add(l -> one(assign(l, "anthropic_api_key", "sk-ant-api03-" + s(B64U, 93) + "AA"), "secrets/anthropic/api-key"));
    k.add(l -> one(assign(l, "hf_token", "hf_" + s("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 34)), "secrets/huggingface/access-token"));
    k.add(l -> one(assign(l, "groq_api_key", "gsk_" + s(B62, 52)), "secrets/groq/api-key"));
    k.add(l -> one(assign(l, "maps_key", "AIza" + s(B64U, 35)), "secrets/gcp/api-key"));
    k.add(l -> one(assign(l, "npm_token", checksummed("npm_")), "secrets/npm/access-token"));
    k.add(l -> one(assign(l, "pypi_password", "pypi-AgEIcHlwaS5vcmc" + s(B64U, 140)), "secrets/pypi/api-token"));
    k.add(l -> one(assign(l, "twilio_api_key", "SK" + s(HEX, 32)), "secrets/twilio/api-key"));
    k.add(l -> one(assign(l, "mailgun_key", "key-" + s(HEX, 32)), "secrets/mailgun/api-key"));
    k.add(l -> one(assign(l, "shopify_token", "shpat_" + s(HEX, 32)), "secrets/shopify/access-token"));
    k.add(l -> one(assign(l, "do_token", "dop_v1_" + s(HEX, 64)), "secrets/digitalocean/token"));
    k.add(l -> one(assign(l, pick("session_jwt", "service_token", "bearer"), jwt()), "secrets/jwt/token"));
    k.add(l -> one(assign(l, "database_url", "postgresql://" + pick("app", "svc", "billing") + ":" + s(B62, 18) + "@db-" + s(HEX, 4) + ".internal:5432/app"), "secrets/url/database-credentials"));
    k.add(l -> one(assign(l, "mongo_uri", "mongodb+srv://api:" + s(B62, 16) + "@cluster0." + s("abcdefghijklmnopqrstuvwxyz", 5) + ".mongodb.net/prod"), "secrets/url/database-credentials"));
    k.add(l -> one(assign(l, "cache_url", "redis://:" + s(B62, 24) + "@cache.internal:6379/0"), "secrets/url/database-credentials"));
    k.add(l -> one(assign(l, "repo_url", "https://deploy:" + s(B62, 20) + "@git.corp-" + s(HEX, 4) + ".net/app.git"), "secrets/url/basic-auth"));
    k.add(l -> one(assign(l, pick("db_password", "admin_password", "smtp_password"), password()), "secrets/generic/password"));
    k.add(l -> one(assign(l, pick("api_secret", "client_secret", "signing_secret", "webhook_token"), s(B62, 32 + r.nextInt(16))), "secrets/generic/api-key"));
    k.add(l -> one(assign(l, "storage", "DefaultEndpointsProtocol=https;AccountName=" + s("abcdefghijklmnopqrstuvwxyz", 8)
        + ";AccountKey=" + Base64.getEncoder().encodeToString(bytes(64)) + ";EndpointSuffix=core.windows.net"), "secrets/azure/storage-account-key"));
    k.add(l -> one(assign(l, "dd_api_key", s(HEX, 32)), "secrets/datadog/api-key"));
    k.add(l -> one(assign(l, "telegram_bot_token", s("0123456789", 10) + ":AA" + s(B64U, 33)), "secrets/telegram/bot-token"));
    k.add(l -> one(assign(l, "vault_token", "hvs." + s(B64U, 91)), "secrets/hashicorp/vault-token"));
    k.add(l -> one(assign(l, "databricks_token", "dapi" + s(HEX, 32)), "secrets/databricks/token"));
    k.add(l -> one(assign(l, "sentry_dsn", "https://" + s(HEX, 32) + "@o" + s("0123456789", 6) + ".ingest.sentry.io/" + s("0123456789", 7)), "secrets/sentry/dsn"));
    k.add(l -> one(assign(l, "replicate_api_token", "r8_" + s(B62, 37)), "secrets/replicate/api-token"));
    // Provider keys without a format of their own, recognised by the provider's name in the key.
    k.add(l -> one(assign(l, pick("twitter_api_secret", "twitter_consumer_secret"), s(B62, 50)), "secrets/twitter/api-secret"));
    k.add(l -> one(assign(l, "twitter_access_token", s(DIGITS, 19) + "-" + s(B62, 30)), "secrets/twitter/access-token"));
    k.add(l -> one(assign(l, "cloudflare_api_token", s(B64U, 40)), "secrets/cloudflare/api-token"));
    k.add(l -> one(assign(l, "plaid_secret", s(LALNUM, 30)), "secrets/plaid/secret"));
    k.add(l -> one(assign(l, "discord_client_secret", s(B64U, 32)), "secrets/discord/client-secret"));
    k.add(l -> one(assign(l, "linkedin_client_secret", s(B62, 16)), "secrets/linkedin/client-secret"));
    k.add(l -> one(assign(l, "heroku_api_key", uuid()), "secrets/heroku/legacy-api-key"));
    k.add(l -> one(assign(l, "snyk_token", uuid()), "secrets/snyk/api-token"));
    k.add(l -> one(assign(l, "sendbird_api_token", s(HEX, 40)), "secrets/sendbird/api-token"));
    k.add(l -> one(assign(l, "algolia_admin_key", s(HEX, 32)), "secrets/algolia/admin-key"));
    k.add(l -> one(assign(l, "pusher_app_secret", s(HEX, 20)), "secrets/pusher/app-secret"));
    k.add(l -> one(assign(l, "mailjet_secret_key", s(HEX, 32)), "secrets/mailjet/secret-key"));
    k.add(l -> one(assign(l, "scw_secret_key", uuid()), "secrets/scaleway/secret-key"));
    k.add(l -> one(assign(l, "hcloud_token", s(B62, 64)), "secrets/hetzner/api-token"));
    k.add(l -> one(assign(l, "azure_openai_api_key", s(HEX, 32)), "secrets/azure/openai-key"));
    k.add(l -> one(assign(l, "wandb_api_key", s(HEX, 40)), "secrets/wandb/api-key"));
    k.add(l -> one(assign(l, "kraken_api_secret", Base64.getEncoder().encodeToString(bytes(64))), "secrets/kraken/api-secret"));
    k.add(l -> one(assign(l, "confluent_api_secret", s(B64, 64)), "secrets/confluent/api-secret"));
    k.add(l -> one(assign(l, "facebook_app_secret", s(HEX, 32)), "secrets/facebook/app-secret"));
    k.add(l -> one(assign(l, "zendesk_api_token", s(B62, 40)), "secrets/zendesk/api-token"));
    k.add(l -> one(assign(l, "twitch_client_secret", s(LALNUM, 30)), "secrets/twitch/api-token"));
    k.add(l -> one(assign(l, "asana_access_token", "2/" + s(DIGITS, 16) + "/" + s(DIGITS, 16) + ":" + s(HEX, 32)), "secrets/asana/client-secret"));
    // More prefixed tokens.
    k.add(l -> one(assign(l, "ts_authkey", "tskey-auth-k" + s(B62, 10) + "CNTRL-" + s(B62, 33)), "secrets/tailscale/key"));
    k.add(l -> one(assign(l, "airtable_token", "pat" + s(B62, 14) + "." + s(HEX, 64)), "secrets/airtable/pat"));
    k.add(l -> one(assign(l, "op_secret_key", "A3-" + s(UALNUM, 6) + "-" + s(UALNUM, 11) + "-" + s(UALNUM, 5) + "-" + s(UALNUM, 5)
        + "-" + s(UALNUM, 5)), "secrets/1password/secret-key"));
    k.add(l -> one(assign(l, "openrouter_api_key", "sk-or-v1-" + s(HEX, 64)), "secrets/openrouter/api-key"));
    k.add(l -> one(assign(l, "langfuse_secret_key", "sk-lf-" + uuid()), "secrets/langfuse/secret-key"));
    k.add(l -> one(assign(l, "grafana_sa_token", "glsa_" + s(B62, 32) + "_" + s(HEX, 8)), "secrets/grafana/service-account-token"));
    k.add(l -> one(assign(l, "do_oauth_token", "doo_v1_" + s(HEX, 64)), "secrets/digitalocean/oauth-token"));
    k.add(l -> one(assign(l, "shopify_custom_app_token", "shpca_" + s(HEX, 32)), "secrets/shopify/custom-app-token"));
    k.add(l -> one(assign(l, "planetscale_password", "pscale_pw_" + s(B62, 43)), "secrets/planetscale/password"));
    k.add(l -> one(assign(l, "sentry_org_token", "sntrys_eyJpYXQiOjE3" + s(B64, 80) + "_" + s(B64, 43)), "secrets/sentry/org-token"));
    k.add(l -> one(assign(l, "vault_batch_token", "hvb." + s(B64U, 140)), "secrets/hashicorp/vault-batch-token"));
    k.add(l -> one(assign(l, "new_relic_license_key", s(HEX, 36) + "NRAL"), "secrets/newrelic/license-key"));
    k.add(l -> one(assign(l, "cloudinary_url", "cloudinary://" + s(DIGITS, 15) + ":" + s(B64U, 27) + "@" + s(LALNUM, 8)), "secrets/cloudinary/url"));
    k.add(l -> one(assign(l, "google_refresh_token", "1//0" + s(B64U, 100)), "secrets/gcp/oauth-refresh-token"));
    return k;
  }

  byte[] bytes(int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  /** Lines that look like secrets or sit under credential names but are not credentials. */
  List<Function<String, String>> decoys() {
    List<Function<String, String>> d = new ArrayList<>();
    d.add(l -> assign(l, "request_id", uuid()));
    d.add(l -> assign(l, "commit_sha", s(HEX, 40)));
    d.add(l -> assign(l, "checksum", s(HEX, 64)));
    d.add(l -> assign(l, "etag", s(HEX, 32)));
    d.add(l -> assign(l, "aws_access_key_id", "AKIAIOSFODNN7EXAMPLE"));
    d.add(l -> assign(l, "aws_secret_access_key", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
    d.add(l -> assign(l, "db_password", "${DB_PASSWORD}"));
    d.add(l -> assign(l, "api_key", "<your-api-key>"));
    d.add(l -> assign(l, "api_token", "{{ api_token }}"));
    d.add(l -> assign(l, "github_token", "ghp_" + "x".repeat(36)));
    d.add(l -> assign(l, "openai_api_key", "sk-..."));
    d.add(l -> assign(l, "stripe_publishable_key", "pk_live_" + s(B62, 24)));
    d.add(l -> assign(l, "password_min_length", "12"));
    d.add(l -> assign(l, "secret_name", "prod/" + pick("db", "api", "queue") + "/credentials"));
    d.add(l -> assign(l, "token_url", "https://auth." + pick("corp.net", "example.org") + "/oauth/token"));
    d.add(l -> assign(l, "password", "changeme"));
    d.add(l -> assign(l, "image", "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes(60))));
    d.add(l -> assign(l, "deploy_key_pub", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + s(B64, 43) + " ci@build"));
    d.add(l -> assign(l, "mongo_uri", "mongodb://localhost:27017/app"));
    d.add(l -> assign(l, "clone_url", "https://oauth2:${CI_JOB_TOKEN}@gitlab.com/group/app.git"));
    d.add(l -> assign(l, "cache_key", "v1-deps-" + s(HEX, 40)));
    d.add(l -> assign(l, "token_type", "Bearer"));
    d.add(l -> assign(l, "nonce_b64", Base64.getEncoder().encodeToString(bytes(30))));
    d.add(l -> assign(l, "secret_ref", "projects/" + s("0123456789", 12) + "/secrets/db-password/versions/latest"));
    d.add(l -> assign(l, "example_jwt", "eyJhbGciOiJIUzI1NiJ9.eyJ4Ijp7fX0"));
    d.add(l -> assign(l, "hash_salt_rounds", "12"));
    // Identifiers and public keys under a provider's name: what the provider detectors must leave alone.
    d.add(l -> assign(l, pick("cloudflare_zone_id", "cloudflare_account_id"), s(HEX, 32)));
    d.add(l -> assign(l, "algolia_app_id", s(UALNUM, 10)));
    d.add(l -> assign(l, "algolia_search_api_key", s(HEX, 32)));
    d.add(l -> assign(l, "discord_client_id", s(DIGITS, 18)));
    d.add(l -> assign(l, "facebook_app_id", s(DIGITS, 15)));
    d.add(l -> assign(l, "linkedin_client_id", s(LALNUM, 14)));
    d.add(l -> assign(l, "plaid_client_id", s(HEX, 24)));
    d.add(l -> assign(l, pick("heroku_app_id", "snyk_org_id", "scw_default_project_id"), uuid()));
    d.add(l -> assign(l, "sentry_release", s(HEX, 40)));
    d.add(l -> assign(l, "twitter_user_id", s(DIGITS, 19)));
    d.add(l -> assign(l, "asana_workspace_id", s(DIGITS, 16)));
    d.add(l -> assign(l, "recaptcha_site_key", "6L" + s(B64U, 38)));
    d.add(l -> assign(l, "hetzner_image_digest", s(HEX, 64)));
    d.add(l -> assign(l, "launchdarkly_client_side_id", s(HEX, 24)));
    return d;
  }

  String uuid() {
    return s(HEX, 8) + "-" + s(HEX, 4) + "-4" + s(HEX, 3) + "-a" + s(HEX, 3) + "-" + s(HEX, 12);
  }

  private static final String[] LANGS = {"java", "py", "js", "yml", "json", "tf", "sh", "env"};

  /** A filler line of ordinary code for the language, with no credential words. */
  String filler(String lang, int i) {
    String id = pick("order", "customer", "invoice", "shipment", "report", "widget", "account", "session") + i;
    return switch (lang) {
      case "java" -> pick("    int " + id + " = compute(" + i + ", values.get(" + (i % 7) + "));",
          "    if (" + id + " > limit) { log.info(\"processing {} items\", " + id + "); }",
          "    List<String> " + id + "Names = repository.findAll().stream().map(Item::name).toList();",
          "    // Keeps the cache warm between batches; see ADR-" + (i % 40) + ".");
      case "py" -> pick("    " + id + " = compute(" + i + ", values[" + (i % 7) + "])",
          "    if " + id + " > limit:\n        logger.info(\"processing %s items\", " + id + ")",
          "    names = [item.name for item in repository.find_all() if item.active]",
          "# Keeps the cache warm between batches.");
      case "js" -> pick("  const " + id + " = compute(" + i + ", values[" + (i % 7) + "]);",
          "  if (" + id + " > limit) { console.log(`processing ${" + id + "} items`); }",
          "  const names = items.filter((it) => it.active).map((it) => it.name);");
      case "yml" -> pick("  " + id + ": " + i, "  replicas: " + (i % 5 + 1), "  image: registry.internal/app:" + (i % 90) + ".0.1",
          "  labels:\n    tier: backend");
      case "json" -> pick("  \"" + id + "\": " + i + ",", "  \"enabled\": true,", "  \"name\": \"" + id + "\",");
      case "tf" -> pick("  " + id + " = " + i, "  instance_type = \"t3.medium\"", "  tags = { team = \"platform\" }");
      case "sh" -> pick("echo \"step " + i + "\"", "mkdir -p build/" + id, "cp -r dist/* /srv/app/ || true");
      default -> pick(id.toUpperCase(Locale.ROOT) + "=" + i, "LOG_LEVEL=info", "PORT=" + (8000 + i % 100));
    };
  }

  void generate(Path out, int files, long totalBytes, double plantRate) throws IOException {
    Files.createDirectories(out);
    long perFile = Math.max(512, totalBytes / files);
    List<Function<String, Plant>> kinds = kinds();
    List<Function<String, String>> decoys = decoys();
    Path labelsFile = out.resolveSibling(out.getFileName() + ".labels.tsv");
    try (BufferedWriter labels = Files.newBufferedWriter(labelsFile)) {
      for (int f = 0; f < files; f++) {
        String lang = LANGS[f % LANGS.length];
        String dir = String.format("svc%02d/mod%03d", f % 37, f % 211);
        String rel = dir + "/file" + f + (lang.equals("env") ? ".env" : "." + lang);
        Path p = out.resolve(rel);
        Files.createDirectories(p.getParent());
        List<String> lines = new ArrayList<>();
        lines.add(lang.equals("java") ? "class File" + f + " {" : lang.equals("json") ? "{" : (lang.equals("py") || lang.equals("sh") || lang.equals("yml") || lang.equals("env") || lang.equals("tf") ? "# generated" : "// generated"));
        List<String> labelRows = new ArrayList<>();
        long size = 0;
        int i = 0;
        boolean plant = r.nextDouble() < plantRate;
        int plantAt = plant ? 5 + r.nextInt(20) : -1;
        while (size < perFile) {
          String line;
          if (i == plantAt) {
            Plant pl = kinds.get(r.nextInt(kinds.size())).apply(lang);
            for (int k = 0; k < pl.lines().size(); k++) {
              lines.add(pl.lines().get(k));
              labelRows.add(rel + "\t" + lines.size() + "\t" + pl.ids().get(k));
            }
            // Padding keeps a planted line's neighbours from being read as its context.
            for (int k = 0; k < 5; k++) {
              lines.add(filler(lang, i));
            }
            i++;
            continue;
          }
          if (i % 17 == 3) {
            line = decoys.get(r.nextInt(decoys.size())).apply(lang);
          } else {
            line = filler(lang, i);
          }
          lines.add(line);
          size += line.length() + 1;
          i++;
        }
        lines.add(lang.equals("java") ? "}" : lang.equals("json") ? "  \"end\": true\n}" : "");
        // Count real lines: filler entries may hold an embedded newline.
        Files.writeString(p, String.join("\n", lines) + "\n");
        for (String row : fixLines(labelRows, lines)) {
          labels.write(row);
          labels.newLine();
        }
      }
    }
  }

  /** Label rows count list entries; entries with embedded newlines shift later lines, so recount. */
  private static List<String> fixLines(List<String> rows, List<String> lines) {
    int[] physical = new int[lines.size() + 1];
    int n = 1;
    for (int i = 0; i < lines.size(); i++) {
      physical[i + 1] = n;
      n += lines.get(i).split("\n", -1).length;
    }
    List<String> out = new ArrayList<>();
    for (String row : rows) {
      String[] c = row.split("\t");
      out.add(c[0] + "\t" + physical[Integer.parseInt(c[1])] + "\t" + c[2]);
    }
    return out;
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      System.err.println("usage: SecretCorpus OUT_DIR FILES TOTAL_MB [SEED] [PLANT_RATE]");
      System.exit(2);
    }
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
    double rate = args.length > 4 ? Double.parseDouble(args[4]) : 0.5;
    new SecretCorpus(seed).generate(Path.of(args[0]), Integer.parseInt(args[1]), Long.parseLong(args[2]) * 1024 * 1024, rate);
  }
}
