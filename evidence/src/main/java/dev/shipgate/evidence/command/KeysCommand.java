package dev.shipgate.evidence.command;

import dev.shipgate.evidence.Keys;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code shipgate keys}: signing keys for attestations, approvals and waivers. */
@Command(name = "keys", mixinStandardHelpOptions = true,
    description = "Signing keys for attestations, approvals and waivers (PEM; JDK crypto only).",
    subcommands = KeysCommand.Generate.class)
public final class KeysCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code shipgate keys generate}. */
  @Command(name = "generate", mixinStandardHelpOptions = true,
      description = {"Write a new key pair: NAME.key (PKCS#8 PEM, owner-only) and NAME.pub (SPKI PEM).",
          "Add the public key to scanners.change.trusted_keys; keep the private key out of git."})
  public static final class Generate implements Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--alg", paramLabel = "ed25519|p256", defaultValue = "ed25519",
        description = "ed25519 (default) or p256 (ECDSA P-256, cosign's default)")
    String alg;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "where to write (default: .)")
    Path out;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "shipgate", description = "file name stem (default: shipgate)")
    String name;

    @Override
    public Integer call() {
      PrintWriter o = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Keys.Algorithm algorithm = Keys.Algorithm.parse(alg);
      if (algorithm == null) {
        err.println("shipgate: --alg must be ed25519 or p256, not '" + alg + "'");
        return 2;
      }
      if (name.isBlank() || name.contains("/") || name.contains("\\")) {
        err.println("shipgate: --name must be a plain file name stem, not '" + name + "'");
        return 2;
      }
      Path priv = out.resolve(name + ".key");
      Path pub = out.resolve(name + ".pub");
      if (Files.exists(priv) || Files.exists(pub)) {
        err.println("shipgate: " + (Files.exists(priv) ? priv : pub) + " already exists; choose another --name or --out");
        return 2;
      }
      KeyPair pair = Keys.generate(algorithm);
      try {
        Files.createDirectories(out);
        Keys.writePrivateKey(priv, pair.getPrivate());
        Keys.writePublicKey(pub, pair.getPublic());
      } catch (IOException e) {
        err.println("shipgate: cannot write the key pair in " + out + ": " + e.getMessage());
        return 2;
      }
      o.println("wrote " + algorithm.option() + " key pair, key id " + Keys.keyId(pair.getPublic()) + ":");
      o.println("  private key " + priv + " (owner-only; keep it secret and out of git)");
      o.println("  public key  " + pub);
      o.println("trust it in shipgate.yml: scanners: {change: {trusted_keys: {\"@you\": " + pub + "}}}");
      return 0;
    }
  }
}
