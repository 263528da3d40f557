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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Configuration values the repository ships in its own {@code .properties} files, so code that reads a
 * setting (say, a hash algorithm) is judged by the value actually configured. A key defined with
 * different values in different files is ambiguous and resolves to nothing.
 */
public final class ProjectConfig {

  public static final ProjectConfig EMPTY = new ProjectConfig(Map.of(), Map.of());

  private final Map<String, String> values;
  /** Declared dependency versions by {@code group:artifact}, from Maven POMs and Gradle build files. */
  private final Map<String, String> dependencies;

  private ProjectConfig(Map<String, String> values, Map<String, String> dependencies) {
    this.values = values;
    this.dependencies = dependencies;
  }

  /** Whether {@code path} is a build file whose declared dependency versions this class reads. */
  public static boolean isBuildFile(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.equals("pom.xml") || name.equals("build.gradle") || name.equals("build.gradle.kts");
  }

  private static final Pattern POM_DEPENDENCY = Pattern.compile(
      "<dependency>\\s*(.*?)</dependency>", Pattern.DOTALL);
  private static final Pattern POM_PROPERTIES = Pattern.compile("<properties>(.*?)</properties>", Pattern.DOTALL);
  private static final Pattern POM_PROPERTY = Pattern.compile("<([\\w.-]+)>\\s*([^<\\s]+)\\s*</\\1>");
  private static final Pattern GRADLE_DEPENDENCY = Pattern.compile(
      "[\"']([\\w.-]+):([\\w.-]+):([\\w.+-]+)[\"']");
  /** Versions a Spring Boot parent or BOM manages when a POM declares the artifact without one. */
  private static final Pattern BOOT_PARENT = Pattern.compile(
      "<parent>\\s*<groupId>org\\.springframework\\.boot</groupId>\\s*<artifactId>spring-boot-starter-parent</artifactId>"
          + "\\s*<version>(\\d+)\\.", Pattern.DOTALL);

  private static String tag(String xml, String name) {
    Matcher m = Pattern.compile("<" + name + ">\\s*([^<]*?)\\s*</" + name + ">").matcher(xml);
    return m.find() ? m.group(1) : null;
  }

  /**
   * Declared versions of dependencies: POM {@code <dependency>} entries (a {@code ${property}} version resolved from
   * the same POM's properties; no version under a Spring Boot 3+ parent means SnakeYAML 2, under Boot 2 SnakeYAML 1)
   * and Gradle {@code "group:artifact:version"} strings. An artifact declared with different versions maps to nothing.
   */
  private static Map<String, String> dependencies(List<SourceFile> buildFiles) {
    Map<String, String> out = new HashMap<>();
    Set<String> ambiguous = new HashSet<>();
    for (SourceFile f : buildFiles) {
      Map<String, String> found = new HashMap<>();
      String text = f.text();
      if (f.path().endsWith(".xml")) {
        Map<String, String> props = new HashMap<>();
        Matcher section = POM_PROPERTIES.matcher(text.replaceAll("(?s)<!--.*?-->", ""));
        if (section.find()) {
          Matcher pm = POM_PROPERTY.matcher(section.group(1));
          while (pm.find()) {
            props.put(pm.group(1), pm.group(2));
          }
        }
        Matcher boot = BOOT_PARENT.matcher(text);
        String bootMajor = boot.find() ? boot.group(1) : null;
        Matcher m = POM_DEPENDENCY.matcher(text);
        while (m.find()) {
          String group = tag(m.group(1), "groupId");
          String artifact = tag(m.group(1), "artifactId");
          String version = tag(m.group(1), "version");
          if (group == null || artifact == null) {
            continue;
          }
          if (version != null && version.startsWith("${") && version.endsWith("}")) {
            version = props.get(version.substring(2, version.length() - 1));
          }
          if (version == null && bootMajor != null && group.equals("org.yaml") && artifact.equals("snakeyaml")) {
            version = Integer.parseInt(bootMajor) >= 3 ? "2.0" : "1.0";
          }
          if (version != null) {
            found.put(group + ":" + artifact, version);
          }
        }
      } else {
        Matcher m = GRADLE_DEPENDENCY.matcher(text);
        while (m.find()) {
          found.put(m.group(1) + ":" + m.group(2), m.group(3));
        }
      }
      for (Map.Entry<String, String> e : found.entrySet()) {
        String old = out.putIfAbsent(e.getKey(), e.getValue());
        if (old != null && !old.equals(e.getValue())) {
          ambiguous.add(e.getKey());
        }
      }
    }
    out.keySet().removeAll(ambiguous);
    return Map.copyOf(out);
  }

  /** The version the build declares for {@code group:artifact}, or null when undeclared or declared differently twice. */
  public String dependencyVersion(String coordinates) {
    return dependencies.get(coordinates);
  }

  /** Compares dotted versions by their leading numbers ({@code 2.0} vs {@code 1.33}; qualifiers are ignored). */
  public static int compareVersions(String a, String b) {
    String[] x = a.split("[.-]");
    String[] y = b.split("[.-]");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int c = Long.compare(number(i < x.length ? x[i] : "0"), number(i < y.length ? y[i] : "0"));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static long number(String part) {
    Matcher m = Pattern.compile("^\\d{1,9}").matcher(part);
    return m.find() ? Long.parseLong(m.group()) : 0;
  }

  /** Configuration values from {@code files} and dependency versions from {@code buildFiles}. */
  public static ProjectConfig fromFiles(List<SourceFile> files, List<SourceFile> buildFiles) {
    return new ProjectConfig(fromFiles(files).values, dependencies(buildFiles));
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
    return new ProjectConfig(Map.copyOf(values), Map.of());
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
