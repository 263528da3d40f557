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

  public static ProjectConfig fromProperties(List<SourceFile> files) {
    Map<String, String> values = new HashMap<>();
    Set<String> ambiguous = new HashSet<>();
    for (SourceFile f : files) {
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

  /** The configured value of {@code key}, or null when absent or ambiguous. */
  public String value(String key) {
    return values.get(key);
  }

  public int size() {
    return values.size();
  }
}
