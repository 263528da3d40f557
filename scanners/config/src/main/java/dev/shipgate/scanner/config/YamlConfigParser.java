package dev.shipgate.scanner.config;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads {@code application.yml} into Spring's flattened property names with the line of each key, using
 * snakeyaml-engine's composer. Follows Spring's flattening: nested keys join with dots, list items become
 * {@code key[0]}, keys in brackets attach without a dot, {@code <<} merges a mapping, a null value is the
 * empty string, and (because Spring's SnakeYAML reads YAML 1.1) plain {@code yes}/{@code on}/{@code off}/
 * {@code no} are booleans.
 *
 * <p>Hostile input fails with a {@link ConfigParseException} naming the line: nesting and alias use are
 * checked on the event stream before the (recursive) composer runs, and flattening has a budget, so an alias
 * bomb cannot expand.
 */
public final class YamlConfigParser {

  /** Real Spring configuration nests a dozen levels at most. */
  static final int MAX_DEPTH = 64;
  static final int MAX_ALIASES = 200;
  /** Values that aliases may add on top of the scalars written in the text. */
  static final int MAX_ALIAS_VALUES = 20_000;

  private YamlConfigParser() {}

  public static ParsedConfig parse(String text) throws ConfigParseException {
    LoadSettings settings = LoadSettings.builder()
        .setLabel("config")
        .setAllowDuplicateKeys(true)
        .setMaxAliasesForCollections(MAX_ALIASES)
        .setAllowRecursiveKeys(false)
        .setCodePointLimit(Integer.MAX_VALUE)
        .build();
    try {
      int scalars = checkShape(text, settings);
      List<ConfigDocument> documents = new ArrayList<>();
      List<ParsedConfig.Problem> problems = new ArrayList<>();
      for (Node root : new Compose(settings).composeAllFromString(text)) {
        List<ConfigEntry> entries = new ArrayList<>();
        Flattener flattener = new Flattener(entries, scalars + MAX_ALIAS_VALUES);
        if (root instanceof MappingNode) {
          flattener.flatten(root, "", 0);
        } else if (!(root instanceof ScalarNode s && s.getValue().isEmpty())) {
          // Spring's YamlProcessor binds a document that is not a mapping to the key "document".
          flattener.flatten(root, "document", 0);
        }
        documents.add(ConfigDocument.of(entries));
      }
      return new ParsedConfig(documents, problems);
    } catch (MarkedYamlEngineException e) {
      Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
      throw new ConfigParseException(mark.map(m -> m.getLine() + 1).orElse(0), "not valid YAML: " + oneLine(e.getProblem()));
    } catch (ReaderException e) {
      throw new ConfigParseException(lineOfCodePoint(text, e.getPosition()),
          "not valid YAML: character U+" + Integer.toHexString(e.getCodePoint()).toUpperCase(java.util.Locale.ROOT) + " is not allowed");
    } catch (YamlEngineException e) {
      throw new ConfigParseException(0, "not valid YAML: " + oneLine(e.getMessage()));
    }
  }

  /** Depth and alias count from the parser's event stream, which (unlike the composer) does not recurse. */
  private static int checkShape(String text, LoadSettings settings) throws ConfigParseException {
    int depth = 0;
    int aliases = 0;
    int scalars = 0;
    for (Event event : new Parse(settings).parseString(text)) {
      switch (event.getEventId()) {
        case MappingStart, SequenceStart -> {
          if (++depth > MAX_DEPTH) {
            throw new ConfigParseException(line(event.getStartMark()), "nesting deeper than " + MAX_DEPTH + " levels; not a configuration file Spring would load");
          }
        }
        case MappingEnd, SequenceEnd -> depth--;
        case Alias -> {
          if (++aliases > MAX_ALIASES) {
            throw new ConfigParseException(line(event.getStartMark()), "more than " + MAX_ALIASES + " aliases (an alias bomb?)");
          }
        }
        case Scalar -> scalars++;
        default -> {}
      }
    }
    return scalars;
  }

  private static final class Flattener {
    private final List<ConfigEntry> out;
    private final int limit;
    private final Map<Node, Boolean> active = new IdentityHashMap<>();
    private int produced;

    Flattener(List<ConfigEntry> out, int limit) {
      this.out = out;
      this.limit = limit;
    }

    void flatten(Node node, String path, int depth) throws ConfigParseException {
      if (depth > MAX_DEPTH * 2 || active.containsKey(node)) {
        throw new ConfigParseException(line(node), "an alias refers to a node that contains it");
      }
      active.put(node, Boolean.TRUE);
      try {
        if (node instanceof MappingNode mapping) {
          mapping(mapping, path, depth);
        } else if (node instanceof SequenceNode sequence) {
          List<Node> items = sequence.getValue();
          if (items.isEmpty()) {
            add(path, "", line(node));
          }
          for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String itemPath = path + "[" + i + "]";
            if (item instanceof ScalarNode s) {
              add(itemPath, scalar(s), line(item));
            } else {
              flatten(item, itemPath, depth + 1);
            }
          }
        } else if (node instanceof ScalarNode s) {
          add(path, scalar(s), line(node));
        }
      } finally {
        active.remove(node);
      }
    }

    private void mapping(MappingNode mapping, String path, int depth) throws ConfigParseException {
      // Merged mappings come first so the mapping's own keys override them.
      for (NodeTuple t : mapping.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.isPlain() && k.getValue().equals("<<")) {
          Node v = t.getValueNode();
          if (v instanceof SequenceNode seq) {
            for (Node m : seq.getValue()) {
              flatten(m, path, depth + 1);
            }
          } else {
            flatten(v, path, depth + 1);
          }
        }
      }
      for (NodeTuple t : mapping.getValue()) {
        if (!(t.getKeyNode() instanceof ScalarNode k)) {
          continue; // Spring cannot bind a mapping or list used as a key.
        }
        if (k.isPlain() && k.getValue().equals("<<")) {
          continue;
        }
        String key = k.getValue();
        String child = path.isEmpty() ? key : key.startsWith("[") ? path + key : path + "." + key;
        Node v = t.getValueNode();
        if (v instanceof ScalarNode s) {
          add(child, scalar(s), line(k));
        } else {
          flatten(v, child, depth + 1);
        }
      }
    }

    private void add(String key, String value, int line) throws ConfigParseException {
      if (++produced > limit) {
        throw new ConfigParseException(line, "aliases expand the file by more than " + MAX_ALIAS_VALUES + " values (an alias bomb?)");
      }
      out.add(new ConfigEntry(key, value, line));
    }
  }

  /** The text Spring binds for a scalar: YAML 1.1 booleans and nulls as Spring's SnakeYAML reads them. */
  static String scalar(ScalarNode s) {
    String v = s.getValue();
    if (!s.isPlain()) {
      return v;
    }
    return switch (v) {
      case "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON" -> "true";
      case "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF" -> "false";
      case "~", "null", "Null", "NULL" -> "";
      default -> v;
    };
  }

  private static int line(Node node) {
    return line(node.getStartMark());
  }

  private static int line(Optional<Mark> mark) {
    return mark.map(m -> m.getLine() + 1).orElse(0);
  }

  private static int lineOfCodePoint(String text, int codePointIndex) {
    int line = 1;
    int cps = 0;
    for (int i = 0; i < text.length() && cps < codePointIndex; cps++) {
      int cp = text.codePointAt(i);
      if (cp == '\n') {
        line++;
      }
      i += Character.charCount(cp);
    }
    return line;
  }

  private static String oneLine(String s) {
    return s == null ? "syntax error" : s.replaceAll("\\s+", " ").trim();
  }
}
