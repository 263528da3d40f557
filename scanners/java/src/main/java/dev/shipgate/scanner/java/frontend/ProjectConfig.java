package dev.shipgate.scanner.java.frontend;

import dev.shipgate.core.scan.SourceFile;
import java.io.IOException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Configuration values the repository ships in its own {@code .properties} files, so code that reads a
 * setting (say, a hash algorithm) is judged by the value actually configured. A key defined with
 * different values in different files is ambiguous and resolves to nothing.
 */
public final class ProjectConfig {

  public static final ProjectConfig EMPTY = new ProjectConfig(Map.of());

  private final Map<String, String> values;

  private ProjectConfig(Map<String, String> values) {
    this.values = values;
  }

  /** Whether {@code path} is a configuration file this class reads. */
  public static boolean isConfigFile(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.endsWith(".properties")
        || (name.startsWith("application") || name.startsWith("bootstrap")) && (name.endsWith(".yml") || name.endsWith(".yaml"));
  }

  /** Reads {@code .properties} files and Spring {@code application*.yml} files (nested keys joined with dots). */
  public static ProjectConfig fromFiles(List<SourceFile> files) {
    Map<String, String> values = new HashMap<>();
    Set<String> ambiguous = new HashSet<>();
    for (SourceFile f : files) {
      if (!f.path().endsWith(".properties")) {
        Map<String, String> flat = new HashMap<>();
        try {
          for (Object doc : new org.snakeyaml.engine.v2.api.Load(org.snakeyaml.engine.v2.api.LoadSettings.builder().build())
              .loadAllFromString(f.text())) {
            flatten("", doc, flat);
          }
        } catch (RuntimeException e) {
          continue; // malformed YAML configures nothing; the config scanner reports it
        }
        for (Map.Entry<String, String> e : flat.entrySet()) {
          String old = values.putIfAbsent(e.getKey(), e.getValue());
          if (old != null && !old.equals(e.getValue())) {
            ambiguous.add(e.getKey());
          }
        }
        continue;
      }
      Properties p = new Properties();
      try {
        p.load(new StringReader(f.text()));
      } catch (IOException | IllegalArgumentException e) {
        continue; // a malformed file configures nothing; the config scanner reports such files
      }
      for (String key : p.stringPropertyNames()) {
        String v = p.getProperty(key).trim();
        String old = values.putIfAbsent(key, v);
        if (old != null && !old.equals(v)) {
          ambiguous.add(key);
        }
      }
    }
    values.keySet().removeAll(ambiguous);
    return new ProjectConfig(Map.copyOf(values));
  }

  private static void flatten(String prefix, Object node, Map<String, String> out) {
    if (node instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        flatten(prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "." + e.getKey(), e.getValue(), out);
      }
    } else if (node instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        flatten(prefix + "[" + i + "]", l.get(i), out);
      }
    } else if (node != null && !prefix.isEmpty()) {
      out.put(prefix, String.valueOf(node));
    }
  }

  /**
   * Resolves a Spring placeholder such as {@code ${hash.alg:SHA-256}} (or a plain literal) to its configured
   * value or its default; null when it cannot be told.
   */
  public String placeholder(String expression) {
    String e = expression.trim();
    if (!e.startsWith("${") || !e.endsWith("}")) {
      return e.contains("${") || e.startsWith("#{") ? null : e;
    }
    String body = e.substring(2, e.length() - 1);
    int colon = body.indexOf(':');
    String key = colon < 0 ? body : body.substring(0, colon);
    String v = values.get(key.trim());
    if (v != null) {
      return v;
    }
    return colon < 0 ? null : body.substring(colon + 1);
  }

  /** The configured value of {@code key}, or null when absent or ambiguous. */
  public String value(String key) {
    return values.get(key);
  }

  public int size() {
    return values.size();
  }
}
