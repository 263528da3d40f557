package dev.shipgate.scanner.change;

import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * YAML read with positions, for the built-in data and for the commands, which run outside a scan and so read the
 * policy's {@code scanners.change} section themselves.
 */
public final class PolicyFiles {

  /** The policy file name core discovers; the commands read it from the repository's top level. */
  public static final String POLICY = "shipgate.yml";
  private static final int MAX_CHARS = 4 * 1024 * 1024;

  private PolicyFiles() {}

  /** The top-level mapping of a YAML text; an empty text is an empty mapping. */
  static Settings parse(String file, String text) throws PolicyException {
    if (text.length() > MAX_CHARS) {
      throw new PolicyException(file, 0, 0, "larger than 4 MiB; not read");
    }
    Node root;
    try {
      LoadSettings ls = LoadSettings.builder().setLabel(file).setMaxAliasesForCollections(50).setCodePointLimit(MAX_CHARS).build();
      root = new Compose(ls).composeString(text).orElse(null);
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
      int column = e.getProblemMark().map(m -> m.getColumn() + 1).orElse(0);
      throw new PolicyException(file, line, column, "not valid YAML: " + e.getProblem());
    } catch (YamlEngineException e) {
      throw new PolicyException(file, 0, 0, "not valid YAML: " + e.getMessage());
    } catch (StackOverflowError e) {
      throw new PolicyException(file, 0, 0, "nested too deeply to be a policy");
    }
    return root == null ? Settings.empty(file) : Settings.of(file, root, "the file");
  }

  /**
   * The {@code scanners.change} section of a policy file, or an empty section when the file does not exist (the
   * built-in policy applies).
   *
   * @param display how messages name the file
   */
  public static Settings changeSection(Path policy, String display) throws PolicyException {
    if (!Files.isRegularFile(policy)) {
      return Settings.empty(display);
    }
    String text;
    try {
      text = new String(Files.readAllBytes(policy), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new PolicyException(display, 0, 0, "cannot read: " + e.getMessage());
    }
    return parse(display, text).section("scanners").section("change");
  }
}
