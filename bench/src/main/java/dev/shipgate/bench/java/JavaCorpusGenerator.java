package dev.shipgate.bench.java;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a synthetic servlet/Spring-style code base: controllers that read request data, services and
 * repositories between them and JDBC, helpers with loops and string building, about a third of the flows
 * vulnerable. Seeded, so the same arguments always give the same tree.
 */
public final class JavaCorpusGenerator {

  private JavaCorpusGenerator() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: JavaCorpusGenerator OUT_DIR MODULES   (each module is 4 files, ~520 lines)");
      System.exit(2);
    }
    long lines = generate(Path.of(args[0]), Integer.parseInt(args[1]), 42L);
    System.out.println("wrote " + lines + " lines to " + args[0]);
  }

  /** Writes {@code modules} groups of controller, service, repository and util; returns the line count. */
  public static long generate(Path out, int modules, long seed) throws IOException {
    Random random = new Random(seed);
    long lines = 0;
    for (int m = 0; m < modules; m++) {
      String pkg = "com.example.m" + m;
      Path dir = out.resolve("src/main/java/com/example/m" + m);
      Files.createDirectories(dir);
      lines += write(dir.resolve("Controller" + m + ".java"), controller(pkg, m, random));
      lines += write(dir.resolve("Service" + m + ".java"), service(pkg, m, random));
      lines += write(dir.resolve("Repository" + m + ".java"), repository(pkg, m));
      lines += write(dir.resolve("Util" + m + ".java"), util(pkg, m, random));
    }
    return lines;
  }

  private static long write(Path file, String text) throws IOException {
    Files.writeString(file, text);
    return text.chars().filter(c -> c == '\n').count();
  }

  private static String controller(String pkg, int m, Random random) {
    StringBuilder b = new StringBuilder();
    b.append("package ").append(pkg).append(";\n\n")
        .append("import java.io.IOException;\nimport java.io.PrintWriter;\nimport java.util.HashMap;\nimport java.util.Map;\n")
        .append("import javax.servlet.http.HttpServlet;\nimport javax.servlet.http.HttpServletRequest;\n")
        .append("import javax.servlet.http.HttpServletResponse;\n\n")
        .append("public class Controller").append(m).append(" extends HttpServlet {\n")
        .append("  private final Service").append(m).append(" service = new Service").append(m).append("();\n\n");
    for (int i = 0; i < 8; i++) {
      boolean vulnerable = random.nextInt(3) == 0;
      b.append("  public void handle").append(i).append("(HttpServletRequest request, HttpServletResponse response) throws IOException {\n")
          .append("    String name = request.getParameter(\"name").append(i).append("\");\n")
          .append("    Map<String, String> values = new HashMap<>();\n")
          .append("    values.put(\"a\", name);\n")
          .append("    values.put(\"b\", \"constant\");\n")
          .append("    String chosen = values.get(\"").append(vulnerable ? "a" : "b").append("\");\n")
          .append("    int limit = 10;\n")
          .append("    for (int k = 0; k < limit; k++) {\n")
          .append("      if (k % 3 == 0) {\n")
          .append("        limit--;\n")
          .append("      }\n")
          .append("    }\n")
          .append("    String result = service.find").append(i).append("(chosen, limit);\n")
          .append("    PrintWriter out = response.getWriter();\n")
          .append("    out.println(Util").append(m).append(".escape(result));\n")
          .append("  }\n\n");
    }
    return b.append("}\n").toString();
  }

  private static String service(String pkg, int m, Random random) {
    StringBuilder b = new StringBuilder();
    b.append("package ").append(pkg).append(";\n\n")
        .append("import java.util.ArrayList;\nimport java.util.List;\n\n")
        .append("public class Service").append(m).append(" {\n")
        .append("  private final Repository").append(m).append(" repository = new Repository").append(m).append("();\n\n");
    for (int i = 0; i < 8; i++) {
      b.append("  public String find").append(i).append("(String key, int limit) {\n")
          .append("    List<String> parts = new ArrayList<>();\n")
          .append("    parts.add(key);\n")
          .append("    String normalized = Util").append(m).append(".normalize(parts.get(0));\n")
          .append("    if (normalized.length() > ").append(random.nextInt(40) + 1).append(") {\n")
          .append("      normalized = normalized.substring(0, limit);\n")
          .append("    }\n")
          .append("    StringBuilder sb = new StringBuilder();\n")
          .append("    sb.append(normalized).append('-').append(limit);\n")
          .append("    return repository.lookup").append(i % 4).append("(sb.toString());\n")
          .append("  }\n\n");
    }
    return b.append("}\n").toString();
  }

  private static String repository(String pkg, int m) {
    StringBuilder b = new StringBuilder();
    b.append("package ").append(pkg).append(";\n\n")
        .append("import java.sql.Connection;\nimport java.sql.DriverManager;\nimport java.sql.PreparedStatement;\n")
        .append("import java.sql.ResultSet;\nimport java.sql.SQLException;\nimport java.sql.Statement;\n\n")
        .append("public class Repository").append(m).append(" {\n")
        .append("  private Connection connection() throws SQLException {\n")
        .append("    return DriverManager.getConnection(\"jdbc:h2:mem:test\");\n  }\n\n");
    for (int i = 0; i < 4; i++) {
      b.append("  public String lookup").append(i).append("(String key) {\n")
          .append("    try (Connection c = connection()) {\n");
      if (i % 2 == 0) {
        b.append("      Statement st = c.createStatement();\n")
            .append("      ResultSet rs = st.executeQuery(\"SELECT v FROM t WHERE k = '\" + key + \"'\");\n");
      } else {
        b.append("      PreparedStatement ps = c.prepareStatement(\"SELECT v FROM t WHERE k = ?\");\n")
            .append("      ps.setString(1, key);\n")
            .append("      ResultSet rs = ps.executeQuery();\n");
      }
      b.append("      return rs.next() ? rs.getString(1) : \"\";\n")
          .append("    } catch (SQLException e) {\n")
          .append("      return \"error\";\n")
          .append("    }\n  }\n\n");
    }
    return b.append("}\n").toString();
  }

  private static String util(String pkg, int m, Random random) {
    StringBuilder b = new StringBuilder();
    b.append("package ").append(pkg).append(";\n\n")
        .append("public final class Util").append(m).append(" {\n")
        .append("  private Util").append(m).append("() {}\n\n")
        .append("  public static String normalize(String s) {\n")
        .append("    return s == null ? \"\" : s.trim().toLowerCase();\n  }\n\n")
        .append("  public static String escape(String s) {\n")
        .append("    StringBuilder out = new StringBuilder();\n")
        .append("    for (char c : s.toCharArray()) {\n")
        .append("      switch (c) {\n")
        .append("        case '<': out.append(\"&lt;\"); break;\n")
        .append("        case '>': out.append(\"&gt;\"); break;\n")
        .append("        case '&': out.append(\"&amp;\"); break;\n")
        .append("        default: out.append(c);\n")
        .append("      }\n    }\n    return out.toString();\n  }\n\n");
    for (int i = 0; i < 6; i++) {
      b.append("  public static int compute").append(i).append("(int[] values) {\n")
          .append("    int total = ").append(random.nextInt(100)).append(";\n")
          .append("    for (int v : values) {\n")
          .append("      if (v > total) {\n        total += v * 2;\n      } else {\n        total -= v;\n      }\n")
          .append("    }\n    return total;\n  }\n\n");
    }
    return b.append("}\n").toString();
  }
}
