package dev.shipgate.scanner.java;

import dev.shipgate.core.scan.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A seeded, labelled corpus of servlet test cases in the style of public SAST benchmarks: one servlet per
 * case, one vulnerability class per case, labelled vulnerable or not. Injection-like classes combine a
 * request source, a propagation (some of which kill the taint: dead branches, other map keys, sanitizers)
 * and a sink (some of which are safe: bound parameters, parameterised filters). Algorithm-like classes
 * (cipher, hash, cookie, randomness) are labelled by the API variant; the request flow is decoration.
 * Written for this project; no benchmark code is copied.
 */
final class AccuracyCorpus {

  private AccuracyCorpus() {}

  /** The measured classes, with the CWE a finding must carry to count for the class. */
  enum Category {
    CMDI("Command injection", "CWE-78"),
    CRYPTO("Weak cipher", "CWE-327"),
    HASH("Weak hash", "CWE-328"),
    LDAPI("LDAP injection", "CWE-90"),
    PATHTRAVER("Path traversal", "CWE-22"),
    SECURECOOKIE("Insecure cookie", "CWE-614"),
    SQLI("SQL injection", "CWE-89"),
    TRUSTBOUND("Trust boundary", "CWE-501"),
    WEAKRAND("Weak randomness", "CWE-330"),
    XPATHI("XPath injection", "CWE-643"),
    XSS("Cross-site scripting", "CWE-79");

    final String title;
    final String cwe;

    Category(String title, String cwe) {
      this.title = title;
      this.cwe = cwe;
    }

    boolean flowBased() {
      return this != CRYPTO && this != HASH && this != SECURECOOKIE && this != WEAKRAND;
    }

    String dir() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One labelled test case: its file, and the source, propagation and sink variants it was built from. */
  record Case(String path, Category category, boolean vulnerable, String source, String propagation, String sink) {
    String describe() {
      return path + " [" + source + " / " + propagation + " / " + sink + "]";
    }
  }

  record Corpus(List<SourceFile> files, List<Case> cases) {}

  /** A source: statements that declare {@code String param}, from the request unless {@code tainted} is false. */
  private record Source(String name, String code, boolean tainted) {
    Source(String name, String code) {
      this(name, code, true);
    }
  }

  /**
   * A propagation: statements that declare {@code String bar} from {@code param}. {@code keeps} tells whether
   * bar still carries request data; {@code cleanFor} names the classes it sanitizes for (bar is then safe there).
   */
  private record Propagation(String name, String code, boolean keeps, List<Category> cleanFor, String member) {
    boolean taints(Category c) {
      return keeps && !cleanFor.contains(c);
    }
  }

  /** A sink: statements using {@code bar}; {@code vulnerable} when bar (or the API choice) makes it a finding. */
  private record Sink(String name, String code, boolean vulnerable) {}

  private static final List<Source> SOURCES = List.of(
      new Source("getParameter", """
          String param = request.getParameter("item");
          if (param == null) {
            param = "";
          }
          """),
      new Source("getParameterValues", """
          String[] values = request.getParameterValues("item");
          String param = values != null && values.length > 0 ? values[0] : "";
          """),
      new Source("getParameterMap", """
          java.util.Map<String, String[]> parameters = request.getParameterMap();
          String param = "";
          if (!parameters.isEmpty()) {
            String[] values = parameters.get("item");
            if (values != null) {
              param = values[0];
            }
          }
          """),
      new Source("getParameterNames", """
          String param = "";
          java.util.Enumeration<String> names = request.getParameterNames();
          while (names.hasMoreElements()) {
            String name = names.nextElement();
            if (name.startsWith("x-")) {
              param = name;
              break;
            }
          }
          """),
      new Source("getHeader", """
          String param = request.getHeader("X-Item");
          param = param == null ? "" : java.net.URLDecoder.decode(param, "UTF-8");
          """),
      new Source("getHeaders", """
          String param = "";
          java.util.Enumeration<String> headers = request.getHeaders("X-Item");
          if (headers != null && headers.hasMoreElements()) {
            param = headers.nextElement();
          }
          """),
      new Source("getCookies", """
          String param = "none";
          javax.servlet.http.Cookie[] cookies = request.getCookies();
          if (cookies != null) {
            for (javax.servlet.http.Cookie c : cookies) {
              if ("item".equals(c.getName())) {
                param = java.net.URLDecoder.decode(c.getValue(), "UTF-8");
                break;
              }
            }
          }
          """),
      new Source("getQueryString", """
          String query = request.getQueryString();
          String marker = "item=";
          int at = query == null ? -1 : query.indexOf(marker);
          if (at < 0) {
            return;
          }
          String param = query.substring(at + marker.length());
          int amp = param.indexOf('&');
          if (amp >= 0) {
            param = param.substring(0, amp);
          }
          param = java.net.URLDecoder.decode(param, "UTF-8");
          """),
      new Source("getReader", """
          java.io.BufferedReader reader = request.getReader();
          String param = reader.readLine();
          if (param == null) {
            param = "";
          }
          """),
      new Source("getHeaderNames", """
          String param = "";
          java.util.Enumeration<String> names = request.getHeaderNames();
          while (names.hasMoreElements()) {
            String name = names.nextElement();
            if (!acc.helpers.Headers.STANDARD.contains(name.toLowerCase())) {
              param = name;
              break;
            }
          }
          """),
      new Source("request wrapper", """
          acc.helpers.RequestView view = new acc.helpers.RequestView(request);
          String param = view.parameter("item");
          """),
      new Source("request wrapper constant", """
          acc.helpers.RequestView view = new acc.helpers.RequestView(request);
          String param = view.fixedValue("item");
          """, false));

  private static final List<Category> NONE = List.of();

  private static List<Propagation> propagations(Random rnd) {
    List<Propagation> out = new ArrayList<>();
    out.add(new Propagation("direct", "String bar = param;\n", true, NONE, null));
    out.add(new Propagation("StringBuilder", """
        StringBuilder sb = new StringBuilder("v-");
        sb.append(param).append("-end");
        String bar = sb.toString();
        """, true, NONE, null));
    out.add(new Propagation("String.format", "String bar = String.format(\"%s-%d\", param, 7);\n", true, NONE, null));
    out.add(new Propagation("helper class", "String bar = acc.helpers.Relay.pass(param);\n", true, NONE, null));
    out.add(new Propagation("helper class constant", "String bar = acc.helpers.Relay.fixed(param);\n", false, NONE, null));
    out.add(new Propagation("inner class", "String bar = new Worker().apply(request, param);\n", true, NONE, """
          private static class Worker {
            String apply(HttpServletRequest request, String value) {
              String out = value;
              if (out.length() > 100) {
                out = out.substring(0, 100);
              }
              return out;
            }
          }
        """));
    out.add(new Propagation("interface plain impl", """
        acc.helpers.Transform t = new acc.helpers.PlainTransform();
        String bar = t.apply(param);
        """, true, NONE, null));
    out.add(new Propagation("interface numeric impl", """
        acc.helpers.Transform t = new acc.helpers.NumericTransform();
        String bar = t.apply(param);
        """, false, NONE, null));
    out.add(new Propagation("map same key", """
        java.util.HashMap<String, Object> map = new java.util.HashMap<>();
        map.put("keyA", "a-value");
        map.put("keyB", param);
        map.put("keyC", "c-value");
        String bar = (String) map.get("keyB");
        """, true, NONE, null));
    out.add(new Propagation("map other key", """
        java.util.HashMap<String, Object> map = new java.util.HashMap<>();
        map.put("keyA", "a-value");
        map.put("keyB", param);
        String bar = (String) map.get("keyA");
        """, false, NONE, null));
    out.add(new Propagation("list read tainted", """
        java.util.List<String> list = new java.util.ArrayList<>();
        list.add("first");
        list.add(param);
        list.add("last");
        list.remove(0);
        String bar = list.get(0);
        """, true, NONE, null));
    out.add(new Propagation("list read other", """
        java.util.List<String> list = new java.util.ArrayList<>();
        list.add("first");
        list.add(param);
        list.add("last");
        list.remove(0);
        String bar = list.get(1);
        """, false, NONE, null));
    out.add(rnd.nextBoolean()
        ? new Propagation("base64 round trip", """
            byte[] encoded = java.util.Base64.getEncoder().encode(param.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String bar = new String(java.util.Base64.getDecoder().decode(encoded), java.nio.charset.StandardCharsets.UTF_8);
            """, true, NONE, null)
        : new Propagation("base64 round trip", """
            String bar = new String(org.apache.commons.codec.binary.Base64.decodeBase64(
                org.apache.commons.codec.binary.Base64.encodeBase64(param.getBytes())));
            """, true, NONE, null));
    out.add(new Propagation("ternary taken", """
        int num = 106;
        String bar = (7 * 42) - num > 200 ? "constant" : param;
        """, true, NONE, null));
    out.add(new Propagation("ternary dead", """
        int num = 86;
        String bar = (7 * 42) - num > 200 ? "constant" : param;
        """, false, NONE, null));
    out.add(new Propagation("switch char taken", """
        String guess = "ABC";
        char target = guess.charAt(2);
        String bar;
        switch (target) {
          case 'A':
            bar = "alpha";
            break;
          case 'B':
            bar = "bravo";
            break;
          case 'C':
          case 'D':
            bar = param;
            break;
          default:
            bar = "other";
            break;
        }
        """, true, NONE, null));
    out.add(new Propagation("switch char dead", """
        String guess = "ABC";
        char target = guess.charAt(1);
        String bar;
        switch (target) {
          case 'A':
            bar = param;
            break;
          case 'B':
            bar = "bravo";
            break;
          default:
            bar = param;
            break;
        }
        """, false, NONE, null));
    out.add(new Propagation("switch string taken", """
        String mode = "beta";
        String bar;
        switch (mode) {
          case "alpha":
            bar = "a";
            break;
          case "beta":
            bar = param;
            break;
          default:
            bar = "d";
        }
        """, true, NONE, null));
    out.add(new Propagation("switch string dead", """
        String mode = "gamma";
        String bar;
        switch (mode) {
          case "alpha":
          case "beta":
            bar = param;
            break;
          default:
            bar = "d";
        }
        """, false, NONE, null));
    out.add(new Propagation("if constant dead", """
        String bar;
        if ((7 * 42) - 86 > 200) {
          bar = "constant";
        } else {
          bar = param;
        }
        """, false, NONE, null));
    out.add(new Propagation("if constant taken", """
        String bar;
        if ((7 * 18) + 106 > 200) {
          bar = param;
        } else {
          bar = "constant";
        }
        """, true, NONE, null));
    out.add(new Propagation("overwritten", """
        String bar = param;
        bar = "replaced";
        """, false, NONE, null));
    out.add(new Propagation("map key overwritten", """
        java.util.Map<String, String> map = new java.util.HashMap<>();
        map.put("key", param);
        map.put("key", "replaced");
        String bar = map.get("key");
        """, false, NONE, null));
    out.add(new Propagation("array element", """
        String[] parts = {"first", param, "last"};
        String bar = parts[1];
        """, true, NONE, null));
    out.add(new Propagation("array other element", """
        String[] parts = {"first", param, "last"};
        String bar = parts[2];
        """, false, NONE, null));
    out.add(new Propagation("split", "String bar = param.split(\" \")[0];\n", true, NONE, null));
    out.add(new Propagation("optional stream", """
        String bar = java.util.Optional.ofNullable(param).map(String::trim).orElse("");
        """, true, NONE, null));
    out.add(new Propagation("factory impl", """
        acc.helpers.Transform t = acc.helpers.Transforms.create();
        String bar = t.apply(param);
        """, true, NONE, null));
    out.add(new Propagation("factory numeric impl", """
        acc.helpers.Transform t = acc.helpers.Transforms.numeric();
        String bar = t.apply(param);
        """, false, NONE, null));
    out.add(new Propagation("factory shared numeric impl", """
        acc.helpers.Transform t = acc.helpers.Transforms.shared();
        String bar = t.apply(param);
        """, false, NONE, null));
    out.add(new Propagation("factory passing numeric impl through", """
        acc.helpers.Transform t = acc.helpers.Transforms.checked(new acc.helpers.NumericTransform());
        String bar = t.apply(param);
        """, false, NONE, null));
    out.add(new Propagation("factory passing plain impl through", """
        acc.helpers.Transform t = acc.helpers.Transforms.checked(new acc.helpers.PlainTransform());
        String bar = t.apply(param);
        """, true, NONE, null));
    out.add(new Propagation("factory plain impl", """
        acc.helpers.Transform t = acc.helpers.Transforms.plain();
        String bar = t.apply(param);
        """, true, NONE, null));
    out.add(new Propagation("field numeric impl", "String bar = transform.apply(param);\n", false, NONE, """
          private final acc.helpers.Transform transform = new acc.helpers.NumericTransform();
        """));
    out.add(new Propagation("constructor field plain impl", """
        String bar = new acc.helpers.Pipeline().run(param);
        """, true, NONE, null));
    out.add(new Propagation("constructor field numeric impl", """
        String bar = new acc.helpers.SafePipeline().run(param);
        """, false, NONE, null));
    out.add(new Propagation("nested class field plain impl", """
        String bar = new acc.helpers.Stages.Plain().run(param);
        """, true, NONE, null));
    out.add(new Propagation("nested class field numeric impl", """
        String bar = new acc.helpers.Stages.Numeric().run(param);
        """, false, NONE, null));
    out.add(new Propagation("constructor replaces field plain impl", """
        String bar = new acc.helpers.ReplacedPipeline().run(param);
        """, true, NONE, null));
    out.add(new Propagation("constructor replaces field numeric impl", """
        String bar = new acc.helpers.SafeReplacedPipeline().run(param);
        """, false, NONE, null));
    out.add(new Propagation("non-constant ternary", """
        String bar = param.isEmpty() ? "empty" : param;
        """, true, NONE, null));
    String chain = """
        StringBuilder b = new StringBuilder(param);
        b.append(" tail");
        b.replace(b.length() - "tail".length(), b.length(), "TAIL");
        java.util.HashMap<String, Object> held = new java.util.HashMap<>();
        held.put("k", b.toString());
        String c = (String) held.get("k");
        String d = c.substring(0, c.length() - 1);
        String e = new String(java.util.Base64.getDecoder().decode(java.util.Base64.getEncoder().encode(d.getBytes())));
        String f = e.split(" ")[0];
        String g = "fixed-value";
        acc.helpers.Transform t = acc.helpers.Transforms.create();
        """;
    out.add(new Propagation("long chain", chain + "String bar = t.apply(f);\n", true, NONE, null));
    out.add(new Propagation("long chain ending constant", chain + "String bar = t.apply(g);\n", false, NONE, null));
    out.add(new Propagation("integer division taken", """
        int num = 196;
        String bar;
        if ((500 / 42) + num > 200) {
          bar = param;
        } else {
          bar = "never";
        }
        """, true, NONE, null));
    out.add(new Propagation("guarded substring", """
        String bar = param;
        if (param != null && param.length() > 1) {
          bar = param.substring(0, param.length() - 1);
        }
        """, true, NONE, null));
    out.add(new Propagation("numeric parse", """
        String bar = String.valueOf(Integer.parseInt(param.trim()));
        """, false, NONE, null));
    String[] html = {
        "String bar = org.owasp.esapi.ESAPI.encoder().encodeForHTML(param);\n",
        "String bar = org.springframework.web.util.HtmlUtils.htmlEscape(param);\n",
        "String bar = org.apache.commons.text.StringEscapeUtils.escapeHtml4(param);\n",
        "String bar = org.apache.commons.lang.StringEscapeUtils.escapeHtml(param);\n",
        "String bar = org.owasp.encoder.Encode.forHtml(param);\n"};
    out.add(new Propagation("html encoder", html[rnd.nextInt(html.length)], true, List.of(Category.XSS), null));
    out.add(new Propagation("ldap encoder", "String bar = org.owasp.esapi.ESAPI.encoder().encodeForLDAP(param);\n", true,
        List.of(Category.LDAPI), null));
    out.add(new Propagation("xpath encoder", "String bar = org.owasp.esapi.ESAPI.encoder().encodeForXPath(param);\n", true,
        List.of(Category.XPATHI), null));
    out.add(new Propagation("file name only", "String bar = org.apache.commons.io.FilenameUtils.getName(param);\n", true,
        List.of(Category.PATHTRAVER), null));
    // Stores into an object reached through a getter, read back through the same getter: field by field.
    out.add(new Propagation("store through getter", """
        acc.helpers.Envelope envelope = new acc.helpers.Envelope();
        envelope.getSlot().setLabel("fixed-label");
        envelope.getSlot().setValue(param);
        String bar = envelope.getSlot().getValue();
        """, true, NONE, null));
    out.add(new Propagation("store through getter other field", """
        acc.helpers.Envelope envelope = new acc.helpers.Envelope();
        envelope.getSlot().setValue(param);
        envelope.getSlot().setLabel("fixed-label");
        String bar = envelope.getSlot().getLabel();
        """, false, NONE, null));
    // A setter called again replaces what the earlier call stored, on a local bean and through a getter.
    out.add(new Propagation("setter overwritten", """
        acc.helpers.Envelope.Slot slot = new acc.helpers.Envelope.Slot();
        slot.setValue(param);
        slot.setValue("fixed-value");
        String bar = slot.getValue();
        """, false, NONE, null));
    out.add(new Propagation("setter overwritten by request data", """
        acc.helpers.Envelope.Slot slot = new acc.helpers.Envelope.Slot();
        slot.setValue("fixed-value");
        slot.setValue(param);
        String bar = slot.getValue();
        """, true, NONE, null));
    out.add(new Propagation("store through getter overwritten", """
        acc.helpers.Envelope envelope = new acc.helpers.Envelope();
        envelope.getSlot().setValue(param);
        envelope.getSlot().setValue("fixed-value");
        String bar = envelope.getSlot().getValue();
        """, false, NONE, null));
    // Stores through a chain of two getters: field by field as through one.
    out.add(new Propagation("store through two getters", """
        acc.helpers.Parcel parcel = new acc.helpers.Parcel();
        parcel.getEnvelope().getSlot().setLabel("fixed-label");
        parcel.getEnvelope().getSlot().setValue(param);
        String bar = parcel.getEnvelope().getSlot().getValue();
        """, true, NONE, null));
    out.add(new Propagation("store through two getters other field", """
        acc.helpers.Parcel parcel = new acc.helpers.Parcel();
        parcel.getEnvelope().getSlot().setValue(param);
        parcel.getEnvelope().getSlot().setLabel("fixed-label");
        String bar = parcel.getEnvelope().getSlot().getLabel();
        """, false, NONE, null));
    return out;
  }

  private static List<Sink> sinks(Category c) {
    return switch (c) {
      case SQLI -> List.of(
          new Sink("Statement.execute", """
              String sql = "SELECT * FROM users WHERE name = '" + bar + "'";
              java.sql.Statement st = acc.helpers.Db.connection().createStatement();
              st.execute(sql);
              """, true),
          new Sink("Statement.executeQuery", """
              java.sql.Statement st = acc.helpers.Db.statement();
              java.sql.ResultSet rs = st.executeQuery("SELECT id FROM users WHERE name = '" + bar + "'");
              """, true),
          new Sink("Statement.addBatch", """
              java.sql.Statement st = acc.helpers.Db.statement();
              st.addBatch("UPDATE users SET seen = 1 WHERE name = '" + bar + "'");
              st.executeBatch();
              """, true),
          new Sink("prepareStatement concat", """
              String sql = "SELECT * FROM users WHERE pass = ? AND name = '" + bar + "'";
              java.sql.PreparedStatement ps = acc.helpers.Db.connection().prepareStatement(sql,
                  java.sql.ResultSet.TYPE_FORWARD_ONLY, java.sql.ResultSet.CONCUR_READ_ONLY);
              ps.setString(1, "x");
              ps.execute();
              """, true),
          new Sink("prepareCall concat", """
              java.sql.CallableStatement cs = acc.helpers.Db.connection().prepareCall("{call lookup('" + bar + "')}");
              cs.execute();
              """, true),
          new Sink("JdbcTemplate.queryForList", """
              String sql = "SELECT * FROM users WHERE name = '" + bar + "'";
              java.util.List<java.util.Map<String, Object>> rows = acc.helpers.Db.JDBC.queryForList(sql);
              """, true),
          new Sink("JdbcTemplate.query mapper", """
              String sql = "SELECT name FROM users WHERE name = '" + bar + "'";
              java.util.List<String> found = acc.helpers.Db.JDBC.query(sql, (rs, i) -> rs.getString(1));
              """, true),
          new Sink("JdbcTemplate.update", """
              acc.helpers.Db.JDBC.update("DELETE FROM users WHERE name = '" + bar + "'");
              """, true),
          new Sink("JdbcTemplate.batchUpdate", """
              String sql = "INSERT INTO audit VALUES ('" + bar + "')";
              acc.helpers.Db.JDBC.batchUpdate(sql);
              """, true),
          new Sink("executeUpdate generated keys", """
              java.sql.Statement st = acc.helpers.Db.statement();
              st.executeUpdate("INSERT INTO audit VALUES ('" + bar + "')", java.sql.Statement.RETURN_GENERATED_KEYS);
              """, true),
          new Sink("JdbcTemplate.queryForMap", """
              java.util.Map<String, Object> row = acc.helpers.Db.JDBC.queryForMap("SELECT * FROM users WHERE name = '" + bar + "'");
              """, true),
          new Sink("JdbcTemplate.execute", """
              acc.helpers.Db.JDBC.execute("DROP TABLE IF EXISTS t_" + bar);
              """, true),
          new Sink("PreparedStatement bound", """
              java.sql.PreparedStatement ps = acc.helpers.Db.connection().prepareStatement("SELECT * FROM users WHERE name = ?");
              ps.setString(1, bar);
              java.sql.ResultSet rs = ps.executeQuery();
              """, false),
          new Sink("JdbcTemplate bound", """
              java.util.List<java.util.Map<String, Object>> rows =
                  acc.helpers.Db.JDBC.queryForList("SELECT * FROM users WHERE name = ?", bar);
              """, false),
          new Sink("JdbcTemplate bound array", """
              String name = acc.helpers.Db.JDBC.queryForObject("SELECT name FROM users WHERE name = ?",
                  new Object[] {bar}, String.class);
              """, false));
      case CMDI -> List.of(
          new Sink("Runtime.exec string", """
              Process p = Runtime.getRuntime().exec("echo " + bar);
              """, true),
          new Sink("Runtime.exec array", """
              String[] args = {"sh", "-c", "ls " + bar};
              Process p = Runtime.getRuntime().exec(args);
              """, true),
          new Sink("Runtime.exec env", """
              String[] env = {"ITEM=" + bar};
              Runtime r = Runtime.getRuntime();
              Process p = r.exec("printenv ITEM", env);
              """, true),
          new Sink("Runtime.exec env dir", """
              String[] env = {"ITEM=" + bar};
              Process p = Runtime.getRuntime().exec(new String[] {"printenv"}, env, new java.io.File("/tmp"));
              """, true),
          new Sink("ProcessBuilder list", """
              java.util.List<String> cmd = new java.util.ArrayList<>();
              cmd.add("sh");
              cmd.add("-c");
              cmd.add("echo " + bar);
              Process p = new ProcessBuilder(cmd).start();
              """, true),
          new Sink("ProcessBuilder.command", """
              ProcessBuilder pb = new ProcessBuilder();
              pb.command("echo", bar);
              Process p = pb.start();
              """, true),
          new Sink("Runtime.exec constant", """
              Process p = Runtime.getRuntime().exec(new String[] {"echo", "fixed"});
              response.getWriter().println(bar.length());
              """, false));
      case PATHTRAVER -> List.of(
          new Sink("new File(dir, name)", """
              java.io.File f = new java.io.File(acc.helpers.Dirs.BASE, bar);
              boolean exists = f.exists();
              """, true),
          new Sink("new File(path)", """
              java.io.File f = new java.io.File(acc.helpers.Dirs.BASE + java.io.File.separator + bar);
              boolean exists = f.exists();
              """, true),
          new Sink("FileInputStream", """
              try (java.io.FileInputStream in = new java.io.FileInputStream(acc.helpers.Dirs.BASE + bar)) {
                in.read();
              }
              """, true),
          new Sink("FileOutputStream(File)", """
              try (java.io.FileOutputStream out = new java.io.FileOutputStream(new java.io.File(acc.helpers.Dirs.BASE, bar))) {
                out.write(1);
              }
              """, true),
          new Sink("Paths.get + Files", """
              java.nio.file.Path path = java.nio.file.Paths.get(acc.helpers.Dirs.BASE, bar);
              byte[] data = java.nio.file.Files.readAllBytes(path);
              """, true),
          new Sink("file URI", """
              java.net.URI uri = new java.net.URI("file:///" + acc.helpers.Dirs.BASE + "/" + bar);
              java.io.File f = new java.io.File(uri);
              boolean exists = f.exists();
              """, true),
          new Sink("RandomAccessFile", """
              try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(acc.helpers.Dirs.BASE + "/" + bar, "r")) {
                raf.read();
              }
              """, true),
          new Sink("FileReader(File)", """
              String fileName = acc.helpers.Dirs.BASE + java.io.File.separator + bar;
              try (java.io.BufferedReader in = new java.io.BufferedReader(new java.io.FileReader(new java.io.File(fileName)))) {
                in.readLine();
              }
              """, true),
          new Sink("file name of path", """
              java.nio.file.Path name = java.nio.file.Paths.get(bar).getFileName();
              java.io.File f = new java.io.File(acc.helpers.Dirs.BASE, name.toString());
              boolean exists = f.exists();
              """, false));
      case LDAPI -> List.of(
          new Sink("DirContext.search filter", """
              javax.naming.directory.DirContext ctx = acc.helpers.Ldap.context();
              javax.naming.directory.SearchControls sc = new javax.naming.directory.SearchControls();
              String filter = "(&(objectclass=person)(uid=" + bar + "))";
              javax.naming.NamingEnumeration<javax.naming.directory.SearchResult> results =
                  ctx.search("ou=users,dc=example,dc=org", filter, sc);
              """, true),
          new Sink("InitialDirContext.search args", """
              javax.naming.directory.InitialDirContext ctx = (javax.naming.directory.InitialDirContext) acc.helpers.Ldap.context();
              String filter = "(&(objectclass=person)(|(uid=" + bar + ")(mail={0})))";
              Object[] args = {"nobody@example.org"};
              ctx.search("ou=users,dc=example,dc=org", filter, args, new javax.naming.directory.SearchControls());
              """, true),
          new Sink("filter arguments", """
              javax.naming.directory.DirContext ctx = acc.helpers.Ldap.context();
              Object[] args = {bar};
              ctx.search("ou=users,dc=example,dc=org", "(&(objectclass=person)(uid={0}))", args,
                  new javax.naming.directory.SearchControls());
              """, false));
      case XPATHI -> List.of(
          new Sink("XPath.evaluate", """
              javax.xml.xpath.XPath xp = javax.xml.xpath.XPathFactory.newInstance().newXPath();
              String expression = "/users/user[@name='" + bar + "']";
              String found = xp.evaluate(expression, acc.helpers.Xml.document());
              """, true),
          new Sink("XPath.compile", """
              javax.xml.xpath.XPathFactory factory = javax.xml.xpath.XPathFactory.newInstance();
              javax.xml.xpath.XPath xp = factory.newXPath();
              javax.xml.xpath.XPathExpression expr = xp.compile("//user[@id='" + bar + "']/email");
              Object nodes = expr.evaluate(acc.helpers.Xml.document(), javax.xml.xpath.XPathConstants.NODESET);
              """, true),
          new Sink("XPath.evaluate nodeset", """
              javax.xml.xpath.XPath xp = javax.xml.xpath.XPathFactory.newInstance().newXPath();
              Object nodes = xp.evaluate("/users/user[@name='" + bar + "']", acc.helpers.Xml.document(),
                  javax.xml.xpath.XPathConstants.NODESET);
              """, true),
          new Sink("XPath variable", """
              javax.xml.xpath.XPath xp = javax.xml.xpath.XPathFactory.newInstance().newXPath();
              final String name = bar;
              xp.setXPathVariableResolver(v -> name);
              String found = xp.evaluate("/users/user[@name=$name]", acc.helpers.Xml.document());
              """, false));
      case XSS -> List.of(
          new Sink("writer.print", "response.getWriter().print(bar);\n", true),
          new Sink("writer.println concat", "response.getWriter().println(\"<p>\" + bar + \"</p>\");\n", true),
          new Sink("writer.printf format", "response.getWriter().printf(bar, \"a\", \"b\");\n", true),
          new Sink("writer.printf args", """
              Object[] formatArgs = {"a", bar};
              response.getWriter().printf("first %s then %s", formatArgs);
              """, true),
          new Sink("writer.format locale", """
              response.getWriter().format(java.util.Locale.US, "value: %s", bar);
              """, true),
          new Sink("writer.write string", """
              java.io.PrintWriter out = response.getWriter();
              out.write(bar);
              """, true),
          new Sink("writer.write chars", """
              char[] chars = bar.toCharArray();
              response.getWriter().write(chars, 0, chars.length);
              """, true),
          new Sink("output stream", """
              response.getOutputStream().write(bar.getBytes(java.nio.charset.StandardCharsets.UTF_8));
              """, true),
          new Sink("writer.append", "response.getWriter().append(\"<b>\").append(bar);\n", true),
          new Sink("writer.write range", "response.getWriter().write(bar, 0, bar.length());\n", true),
          new Sink("writer length only", "response.getWriter().println(bar.length());\n", false),
          new Sink("text/plain response", """
              response.setContentType("text/plain;charset=UTF-8");
              response.getWriter().print(bar);
              """, false),
          new Sink("JSON response header", """
              response.setHeader("Content-Type", "application/json");
              response.getWriter().write("{\\"item\\":\\"" + bar + "\\"}");
              """, false),
          new Sink("HTML after text/plain", """
              response.setContentType("text/plain");
              response.setContentType("text/html;charset=UTF-8");
              response.getWriter().print(bar);
              """, true),
          new Sink("text/plain after getWriter", """
              java.io.PrintWriter out = response.getWriter();
              response.setContentType("text/plain;charset=UTF-8");
              out.println(bar);
              """, false),
          new Sink("HTML after getWriter", """
              java.io.PrintWriter out = response.getWriter();
              response.setContentType("text/html;charset=UTF-8");
              out.println(bar);
              """, true),
          new Sink("text/plain set by a helper", """
              acc.helpers.Responses.plainText(response);
              response.getWriter().print(bar);
              """, false),
          new Sink("JSON set by a helper after getWriter", """
              java.io.PrintWriter out = response.getWriter();
              acc.helpers.Responses.json(response);
              out.write("{\\"item\\":\\"" + bar + "\\"}");
              """, false),
          new Sink("HTML set by a helper", """
              acc.helpers.Responses.html(response);
              response.getWriter().print(bar);
              """, true));
      case TRUSTBOUND -> List.of(
          new Sink("setAttribute value", "request.getSession().setAttribute(\"user\", bar);\n", true),
          new Sink("setAttribute name", "request.getSession().setAttribute(bar, \"10340\");\n", true),
          new Sink("putValue", """
              javax.servlet.http.HttpSession session = request.getSession();
              session.putValue("user", bar);
              """, true),
          new Sink("putValue name", "request.getSession(true).putValue(bar, \"10340\");\n", true),
          new Sink("setAttribute constant", """
              request.getSession().setAttribute("user", "anonymous");
              response.getWriter().println(bar.length());
              """, false));
      case CRYPTO -> List.of(
          cipher("DES/CBC/PKCS5Padding", "DES", true),
          cipher("DESede/ECB/PKCS5Padding", "DESede", true),
          cipher("RC4", "RC4", true),
          cipher("Blowfish", "Blowfish", true),
          cipher("AES/ECB/PKCS5Padding", "AES", true),
          new Sink("Cipher DES with provider", """
              javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("DES/CBC/PKCS5Padding",
                  java.security.Security.getProvider("SunJCE"));
              javax.crypto.SecretKey key = javax.crypto.KeyGenerator.getInstance("DES").generateKey();
              c.init(javax.crypto.Cipher.ENCRYPT_MODE, key);
              byte[] result = c.doFinal(bar.getBytes(java.nio.charset.StandardCharsets.UTF_8));
              """, true),
          cipherFromProperties("cryptoAlg1", "AES/GCM/NoPadding", true),
          cipher("PBEWithMD5AndDES", "DES", true),
          cipher("AES", "AES", true),
          cipher("AES/GCM/NoPadding", "AES", false),
          cipher("RSA/ECB/OAEPWithSHA-256AndMGF1Padding", "AES", false),
          cipher("AES/CBC/PKCS5Padding", "AES", false),
          cipher("AES/CTR/NoPadding", "AES", false),
          cipherFromProperties("cryptoAlg2", "DESede/ECB/PKCS5Padding", false),
          cipherFromHelper("Algorithms.legacyCipher()", true),
          cipherFromHelper("Algorithms.cipher()", false),
          cipherFromHelper("new acc.helpers.Algorithms().configuredCipher()", true),
          cipherFromHelper("new acc.helpers.Algorithms().replacedCipher()", true),
          cipherFromHelper("new acc.helpers.Algorithms().defaultCipher()", false),
          new Sink("Cipher by name through a helper DES", """
              javax.crypto.Cipher c = acc.helpers.Algorithms.cipherFor("DES/CBC/PKCS5Padding");
              byte[] result = c.doFinal(bar.getBytes(java.nio.charset.StandardCharsets.UTF_8));
              """, true),
          new Sink("Cipher by name through a helper GCM", """
              javax.crypto.Cipher c = acc.helpers.Algorithms.cipherFor("AES/GCM/NoPadding");
              byte[] result = c.doFinal(bar.getBytes(java.nio.charset.StandardCharsets.UTF_8));
              """, false),
          new Sink("Cipher by name through two helpers DESede", """
              byte[] result = acc.helpers.Algorithms.encrypt("DESede/CBC/PKCS5Padding",
                  bar.getBytes(java.nio.charset.StandardCharsets.UTF_8));
              """, true),
          new Sink("Cipher by name through two helpers CBC", """
              byte[] result = acc.helpers.Algorithms.encrypt("AES/CBC/PKCS5Padding",
                  bar.getBytes(java.nio.charset.StandardCharsets.UTF_8));
              """, false));
      case HASH -> List.of(
          digest("\"MD5\"", true),
          digest("\"SHA1\"", true),
          digest("\"SHA-1\"", true),
          digest("\"MD2\"", true),
          digest("\"MD5\", \"SUN\"", true),
          digestFromProperties("hashAlg1", "SHA-512", true),
          digest("\"md5\"", true),
          digest("\"SHA-256\"", false),
          digest("\"sha-384\"", false),
          digest("\"SHA-512\", \"SUN\"", false),
          digest("\"SHA3-256\"", false),
          digestFromProperties("hashAlg2", "MD5", false),
          digest("acc.helpers.Algorithms.legacyDigest()", true),
          digest("acc.helpers.Algorithms.digest()", false),
          digest("new acc.helpers.Algorithms().configuredDigest()", true),
          digest("new acc.helpers.Algorithms().defaultDigest()", true),
          digest("new acc.helpers.Algorithms().replacedDigest()", false),
          new Sink("MessageDigest by name through a helper MD5", """
              byte[] result = acc.helpers.Algorithms.hash("MD5", bar.getBytes(java.nio.charset.StandardCharsets.UTF_8));
              """, true),
          new Sink("MessageDigest by name through a helper SHA-256", """
              byte[] result = acc.helpers.Algorithms.hash("SHA-256", bar.getBytes(java.nio.charset.StandardCharsets.UTF_8));
              """, false),
          new Sink("Commons Codec md5Hex", """
              String hex = org.apache.commons.codec.digest.DigestUtils.md5Hex(bar);
              """, true),
          new Sink("Commons Codec sha1", """
              byte[] result = org.apache.commons.codec.digest.DigestUtils.sha1(bar.getBytes(java.nio.charset.StandardCharsets.UTF_8));
              """, true),
          new Sink("Commons Codec getDigest MD5", """
              java.security.MessageDigest md = org.apache.commons.codec.digest.DigestUtils.getDigest("MD5");
              byte[] result = md.digest(bar.getBytes(java.nio.charset.StandardCharsets.UTF_8));
              """, true),
          new Sink("Spring md5DigestAsHex", """
              String hex = org.springframework.util.DigestUtils.md5DigestAsHex(bar.getBytes(java.nio.charset.StandardCharsets.UTF_8));
              """, true),
          new Sink("Guava md5", """
              String hex = com.google.common.hash.Hashing.md5().hashString(bar, java.nio.charset.StandardCharsets.UTF_8).toString();
              """, true),
          new Sink("Guava sha256", """
              String hex = com.google.common.hash.Hashing.sha256().hashString(bar, java.nio.charset.StandardCharsets.UTF_8).toString();
              """, false),
          new Sink("Commons Codec sha256Hex", """
              String hex = org.apache.commons.codec.digest.DigestUtils.sha256Hex(bar);
              """, false),
          new Sink("Commons Codec getDigest SHA-512", """
              java.security.MessageDigest md = org.apache.commons.codec.digest.DigestUtils.getDigest("SHA-512");
              byte[] result = md.digest(bar.getBytes(java.nio.charset.StandardCharsets.UTF_8));
              """, false),
          new Sink("Commons Codec sha3_256", """
              byte[] result = org.apache.commons.codec.digest.DigestUtils.sha3_256(bar.getBytes(java.nio.charset.StandardCharsets.UTF_8));
              """, false),
          new Sink("MessageDigest by name through two helpers SHA1", """
              String hex = new acc.helpers.Algorithms().fingerprint("SHA1", bar);
              """, true),
          new Sink("MessageDigest by name through two helpers SHA-512", """
              String hex = new acc.helpers.Algorithms().fingerprint("SHA-512", bar);
              """, false));
      case SECURECOOKIE -> List.of(
          cookie("cookie.setSecure(false);\n", true),
          cookie("", true),
          cookie("cookie.setSecure(true);\n", false),
          cookie("boolean secure = true;\ncookie.setSecure(secure);\n", false),
          cookie(LOAD_PROPERTIES + "cookie.setSecure(Boolean.parseBoolean(props.getProperty(\"cookieSecure1\", \"false\")));\n",
              false),
          cookie(LOAD_PROPERTIES + "cookie.setSecure(Boolean.parseBoolean(props.getProperty(\"cookieSecure2\", \"true\")));\n",
              true),
          cookie("cookie.setSecure(acc.helpers.Cookies.SECURE);\n", false),
          cookie("acc.helpers.Cookies.harden(cookie);\n", false),
          cookie("acc.helpers.Cookies.scope(cookie);\n", true),
          new Sink("Cookie added by a helper", """
              javax.servlet.http.Cookie cookie = new javax.servlet.http.Cookie("SomeCookie", java.net.URLEncoder.encode(bar, "UTF-8"));
              acc.helpers.Cookies.send(response, cookie);
              """, true),
          new Sink("Cookie hardened and added by a helper", """
              javax.servlet.http.Cookie cookie = new javax.servlet.http.Cookie("SomeCookie", java.net.URLEncoder.encode(bar, "UTF-8"));
              acc.helpers.Cookies.sendSecurely(response, cookie);
              """, false),
          new Sink("Cookie from a hardening factory", """
              javax.servlet.http.Cookie cookie = acc.helpers.Cookies.create("SomeCookie", java.net.URLEncoder.encode(bar, "UTF-8"));
              cookie.setPath(request.getRequestURI());
              response.addCookie(cookie);
              """, false),
          new Sink("Cookie from a plain factory", """
              javax.servlet.http.Cookie cookie = acc.helpers.Cookies.session("SomeCookie", java.net.URLEncoder.encode(bar, "UTF-8"));
              response.addCookie(cookie);
              """, true),
          new Sink("Cookie from a factory then setSecure(false)", """
              javax.servlet.http.Cookie cookie = acc.helpers.Cookies.create("SomeCookie", java.net.URLEncoder.encode(bar, "UTF-8"));
              cookie.setSecure(false);
              response.addCookie(cookie);
              """, true),
          cookie("acc.helpers.Cookies.flags(cookie, true);\n", false),
          cookie("acc.helpers.Cookies.flags(cookie, false);\n", true),
          cookie("acc.helpers.Cookies.flags(cookie, acc.helpers.Cookies.SECURE);\n", false));
      case WEAKRAND -> List.of(
          random(WEAK_GEN, "String value = Integer.toString(gen.nextInt(1_000_000));\n", true),
          random(WEAK_GEN, "String value = Long.toString(gen.nextLong());\n", true),
          random(WEAK_GEN, "String value = Double.toString(gen.nextDouble()).substring(2);\n", true),
          random(WEAK_GEN, "String value = Float.toString(gen.nextFloat()).substring(2);\n", true),
          random(WEAK_GEN, "String value = Double.toString(gen.nextGaussian()).replace('.', '0');\n", true),
          random(WEAK_GEN, """
              byte[] bytes = new byte[16];
              gen.nextBytes(bytes);
              String value = java.util.Base64.getEncoder().encodeToString(bytes);
              """, true),
          random(WEAK_GEN, "String value = Boolean.toString(gen.nextBoolean());\n", true),
          new Sink("Math.random", "String value = Double.toString(Math.random()).substring(2);\n", true),
          random("java.security.SecureRandom gen = new java.security.SecureRandom();", "String value = Long.toString(gen.nextLong());\n", false),
          random("java.security.SecureRandom gen = java.security.SecureRandom.getInstance(\"SHA1PRNG\");",
              "String value = Double.toString(gen.nextDouble()).substring(2);\n", false),
          new Sink("Random-typed SecureRandom", """
              java.util.Random gen = java.security.SecureRandom.getInstance("SHA1PRNG");
              String value = Integer.toString(gen.nextInt());
              """, false),
          new Sink("Random passed to a helper", """
              java.util.Random gen = new java.util.Random();
              String value = Double.toString(acc.helpers.Draws.next(gen)).substring(2);
              """, true),
          new Sink("SecureRandom passed to a helper", """
              java.util.Random gen = java.security.SecureRandom.getInstance("SHA1PRNG");
              String value = Double.toString(acc.helpers.Draws.next(gen)).substring(2);
              """, false),
          random("java.security.SecureRandom gen = new java.security.SecureRandom();", """
              byte[] bytes = new byte[16];
              gen.nextBytes(bytes);
              String value = java.util.Base64.getEncoder().encodeToString(bytes);
              """, false));
    };
  }

  private static final String WEAK_GEN = "java.util.Random gen = new java.util.Random();";

  private static Sink cipher(String transformation, String keyAlg, boolean weak) {
    return new Sink("Cipher " + transformation, """
        javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("TRANSFORMATION");
        javax.crypto.SecretKey key = javax.crypto.KeyGenerator.getInstance("KEYALG").generateKey();
        c.init(javax.crypto.Cipher.ENCRYPT_MODE, key);
        byte[] result = c.doFinal(bar.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        """.replace("TRANSFORMATION", transformation).replace("KEYALG", keyAlg), weak);
  }

  private static final String LOAD_PROPERTIES = """
      java.util.Properties props = new java.util.Properties();
      try (java.io.InputStream in = getClass().getClassLoader().getResourceAsStream("accuracy.properties")) {
        props.load(in);
      }
      """;

  private static Sink cipherFromProperties(String key, String fallback, boolean weak) {
    return new Sink("Cipher from properties " + key, LOAD_PROPERTIES + """
        String algorithm = props.getProperty("KEY", "FALLBACK");
        javax.crypto.Cipher c = javax.crypto.Cipher.getInstance(algorithm);
        c.init(javax.crypto.Cipher.ENCRYPT_MODE, acc.helpers.Keys.secretKey());
        byte[] result = c.doFinal(bar.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        """.replace("KEY", key).replace("FALLBACK", fallback), weak);
  }

  private static Sink cipherFromHelper(String call, boolean weak) {
    return new Sink("Cipher from " + call, """
        javax.crypto.Cipher c = javax.crypto.Cipher.getInstance(CALL);
        c.init(javax.crypto.Cipher.ENCRYPT_MODE, acc.helpers.Keys.secretKey());
        byte[] result = c.doFinal(bar.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        """.replace("CALL", call.startsWith("new ") ? call : "acc.helpers." + call), weak);
  }

  private static Sink digest(String args, boolean weak) {
    return new Sink("MessageDigest " + args, """
        java.security.MessageDigest md = java.security.MessageDigest.getInstance(ARGS);
        md.update(bar.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] result = md.digest();
        """.replace("ARGS", args), weak);
  }

  private static Sink digestFromProperties(String key, String fallback, boolean weak) {
    return new Sink("MessageDigest from properties " + key, LOAD_PROPERTIES + """
        String algorithm = props.getProperty("KEY", "FALLBACK");
        java.security.MessageDigest md = java.security.MessageDigest.getInstance(algorithm);
        byte[] result = md.digest(bar.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        """.replace("KEY", key).replace("FALLBACK", fallback), weak);
  }

  private static Sink cookie(String secureCall, boolean insecure) {
    return new Sink("Cookie " + (secureCall.isEmpty() ? "without setSecure" : secureCall.strip().replace('\n', ' ')), """
        javax.servlet.http.Cookie cookie = new javax.servlet.http.Cookie("SomeCookie", java.net.URLEncoder.encode(bar, "UTF-8"));
        SECURE cookie.setHttpOnly(true);
        cookie.setPath(request.getRequestURI());
        response.addCookie(cookie);
        """.replace("SECURE ", secureCall), insecure);
  }

  private static Sink random(String declaration, String draw, boolean weak) {
    return new Sink(declaration.replaceAll(".* = ", "").replace(";", "") + " " + draw.strip().lines().reduce((a, b) -> b)
        .orElse(""), declaration + "\n" + draw, weak);
  }

  /** Where a weak-randomness case puts the value: the measured classes use values as tokens and ids. */
  private static final String[] RANDOM_USES = {
      """
      String rememberMeKey = value;
      javax.servlet.http.Cookie remember = new javax.servlet.http.Cookie("rememberMe", rememberMeKey);
      remember.setSecure(true);
      remember.setHttpOnly(true);
      response.addCookie(remember);
      """,
      """
      request.getSession().setAttribute("userId", value);
      """,
      """
      String sessionToken = "tok-" + value;
      response.getWriter().println("issued " + sessionToken.length());
      """};

  /** Builds the corpus; {@code seed} picks the sink and incidental variants, so a seed always gives the same files. */
  static Corpus generate(long seed) {
    Random rnd = new Random(seed);
    List<SourceFile> files = new ArrayList<>(helpers());
    List<Case> cases = new ArrayList<>();
    List<Propagation> props = propagations(rnd);
    int n = 0;
    for (Category c : Category.values()) {
      List<Sink> sinks = sinks(c);
      if (c.flowBased()) {
        for (Source s : SOURCES) {
          for (Propagation p : props) {
            Sink k = sinks.get(rnd.nextInt(sinks.size()));
            cases.add(write(files, ++n, c, s, p, k, s.tainted() && p.taints(c) && k.vulnerable(), ""));
          }
        }
      } else {
        for (Sink k : sinks) {
          for (int i = 0; i < 3; i++) {
            Source s = SOURCES.get(rnd.nextInt(SOURCES.size()));
            Propagation p = props.get(rnd.nextInt(props.size()));
            String use = c == Category.WEAKRAND ? RANDOM_USES[i % RANDOM_USES.length] : "";
            cases.add(write(files, ++n, c, s, p, k, k.vulnerable(), use));
          }
        }
      }
    }
    return new Corpus(files, cases);
  }

  private static Case write(List<SourceFile> files, int n, Category c, Source s, Propagation p, Sink k, boolean vulnerable,
      String use) {
    String cls = "Case" + String.format(Locale.ROOT, "%05d", n);
    String path = "src/main/java/acc/" + c.dir() + "/" + cls + ".java";
    StringBuilder body = new StringBuilder();
    body.append(s.code()).append(p.code()).append(k.code()).append(use);
    String code = """
        package acc.DIR;

        import java.io.IOException;
        import javax.servlet.ServletException;
        import javax.servlet.http.HttpServlet;
        import javax.servlet.http.HttpServletRequest;
        import javax.servlet.http.HttpServletResponse;

        public class CLS extends HttpServlet {

          @Override
          public void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
            doPost(request, response);
          }

          @Override
          public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
            response.setContentType("text/html;charset=UTF-8");
            try {
        BODY    } catch (Exception e) {
              throw new ServletException(e);
            }
          }
        MEMBER}
        """.replace("DIR", c.dir()).replace("CLS", cls).replace("BODY", indent(body.toString(), 6))
        .replace("MEMBER", p.member() == null ? "" : p.member());
    files.add(SourceFile.of(path, code));
    return new Case(path, c, vulnerable, s.name(), p.name(), k.name());
  }

  private static String indent(String code, int spaces) {
    String pad = " ".repeat(spaces);
    StringBuilder out = new StringBuilder();
    code.lines().forEach(l -> out.append(l.isBlank() ? "" : pad + l).append('\n'));
    return out.toString();
  }

  /** The repository the cases live in: helper classes between source and sink, and the configuration file. */
  private static List<SourceFile> helpers() {
    return List.of(
        SourceFile.of("src/main/resources/accuracy.properties", """
            # algorithms chosen by configuration
            cryptoAlg1=DES/ECB/PKCS5Padding
            cryptoAlg2=AES/GCM/NoPadding
            hashAlg1=MD5
            hashAlg2=SHA-256
            cookieSecure1=true
            cookieSecure2=false
            """),
        SourceFile.of("src/main/java/acc/helpers/Algorithms.java", """
            package acc.helpers;

            public class Algorithms {
              private static String configuredCipher = "DESede/ECB/PKCS5Padding";
              private final String configuredDigest;
              private String replacedCipher = "AES/GCM/NoPadding";
              private String replacedDigest = "MD5";
              private String defaultCipher = "AES/CBC/PKCS5Padding";
              private String defaultDigest = "SHA1";

              public Algorithms() {
                configuredDigest = "MD5";
                replacedCipher = "DES/CBC/PKCS5Padding";
                replacedDigest = "SHA-256";
              }

              public Algorithms(String unused) {
                this();
              }

              public String replacedCipher() {
                return replacedCipher;
              }

              public String replacedDigest() {
                return replacedDigest;
              }

              public String defaultCipher() {
                return defaultCipher;
              }

              public String defaultDigest() {
                return defaultDigest;
              }

              public static String legacyCipher() {
                return "DES/ECB/PKCS5Padding";
              }

              public static String cipher() {
                return "AES/GCM/NoPadding";
              }

              public static String legacyDigest() {
                return "SHA1";
              }

              public static String digest() {
                return "SHA-256";
              }

              public static javax.crypto.Cipher cipherFor(String transformation) throws Exception {
                javax.crypto.Cipher c = javax.crypto.Cipher.getInstance(transformation);
                c.init(javax.crypto.Cipher.ENCRYPT_MODE, Keys.secretKey());
                return c;
              }

              public static byte[] hash(String algorithm, byte[] data) throws Exception {
                return java.security.MessageDigest.getInstance(algorithm).digest(data);
              }

              public static byte[] encrypt(String transformation, byte[] data) throws Exception {
                return cipherFor(transformation).doFinal(data);
              }

              public String fingerprint(String algorithm, String text) throws Exception {
                byte[] digest = hash(algorithm, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return java.util.HexFormat.of().formatHex(digest);
              }

              public String configuredCipher() {
                return configuredCipher;
              }

              public String configuredDigest() {
                return configuredDigest;
              }
            }
            """),
        SourceFile.of("src/main/java/acc/helpers/Cookies.java", """
            package acc.helpers;

            import javax.servlet.http.Cookie;
            import javax.servlet.http.HttpServletResponse;

            public final class Cookies {
              public static final boolean SECURE = true;

              private Cookies() {}

              public static void harden(Cookie cookie) {
                cookie.setSecure(true);
                cookie.setHttpOnly(true);
              }

              public static void scope(Cookie cookie) {
                cookie.setPath("/");
                cookie.setMaxAge(3600);
              }

              public static void send(HttpServletResponse response, Cookie cookie) {
                cookie.setHttpOnly(true);
                response.addCookie(cookie);
              }

              public static void sendSecurely(HttpServletResponse response, Cookie cookie) {
                harden(cookie);
                response.addCookie(cookie);
              }

              public static Cookie create(String name, String value) {
                Cookie cookie = new Cookie(name, value);
                cookie.setSecure(true);
                cookie.setHttpOnly(true);
                return cookie;
              }

              public static Cookie session(String name, String value) {
                Cookie cookie = new Cookie(name, value);
                cookie.setHttpOnly(true);
                cookie.setMaxAge(-1);
                return cookie;
              }

              public static void flags(Cookie cookie, boolean secure) {
                cookie.setHttpOnly(true);
                cookie.setSecure(secure);
              }
            }
            """),
        SourceFile.of("src/main/java/acc/helpers/Responses.java", """
            package acc.helpers;

            import javax.servlet.http.HttpServletResponse;

            public final class Responses {
              private Responses() {}

              public static void plainText(HttpServletResponse response) {
                response.setCharacterEncoding("UTF-8");
                response.setContentType("text/plain");
              }

              public static void json(HttpServletResponse response) {
                response.setHeader("Content-Type", "application/json");
              }

              public static void html(HttpServletResponse response) {
                response.setContentType("text/html;charset=UTF-8");
              }
            }
            """),
        SourceFile.of("src/main/java/acc/helpers/Pipeline.java", """
            package acc.helpers;

            public class Pipeline {
              private final Transform step;

              public Pipeline() {
                this.step = new PlainTransform();
              }

              public String run(String value) {
                return step.apply(value);
              }
            }
            """),
        SourceFile.of("src/main/java/acc/helpers/SafePipeline.java", """
            package acc.helpers;

            public class SafePipeline {
              private final Transform step;

              public SafePipeline() {
                this.step = new NumericTransform();
              }

              public String run(String value) {
                return step.apply(value);
              }
            }
            """),
        SourceFile.of("src/main/java/acc/helpers/Stages.java", """
            package acc.helpers;

            public final class Stages {
              private Stages() {}

              public static class Plain {
                private final Transform step;

                public Plain() {
                  step = new PlainTransform();
                }

                public String run(String value) {
                  return step.apply(value);
                }
              }

              public static class Numeric {
                private final Transform step;

                public Numeric() {
                  this.step = new NumericTransform();
                }

                public String run(String value) {
                  return step.apply(value);
                }
              }
            }
            """),
        SourceFile.of("src/main/java/acc/helpers/ReplacedPipeline.java", """
            package acc.helpers;

            public class ReplacedPipeline {
              private Transform step = new NumericTransform();

              public ReplacedPipeline() {
                step = new PlainTransform();
              }

              public String run(String value) {
                return step.apply(value);
              }
            }
            """),
        SourceFile.of("src/main/java/acc/helpers/SafeReplacedPipeline.java", """
            package acc.helpers;

            public class SafeReplacedPipeline {
              private Transform step = new PlainTransform();

              public SafeReplacedPipeline() {
                this.step = new NumericTransform();
              }

              public String run(String value) {
                return step.apply(value);
              }
            }
            """),
        SourceFile.of("src/main/java/acc/helpers/Relay.java", """
            package acc.helpers;

            public final class Relay {
              private Relay() {}

              public static String pass(String value) {
                return value == null ? "" : value.trim();
              }

              public static String fixed(String value) {
                return "fixed";
              }
            }
            """),
        SourceFile.of("src/main/java/acc/helpers/Transform.java", """
            package acc.helpers;

            public interface Transform {
              String apply(String value);
            }
            """),
        SourceFile.of("src/main/java/acc/helpers/PlainTransform.java", """
            package acc.helpers;

            public class PlainTransform implements Transform {
              @Override
              public String apply(String value) {
                return "[" + value + "]";
              }
            }
            """),
        SourceFile.of("src/main/java/acc/helpers/NumericTransform.java", """
            package acc.helpers;

            public class NumericTransform implements Transform {
              @Override
              public String apply(String value) {
                return Long.toString(Long.parseLong(value.trim()));
              }
            }
            """),
        SourceFile.of("src/main/java/acc/helpers/Transforms.java", """
            package acc.helpers;

            public final class Transforms {
              private Transforms() {}

              public static Transform create() {
                String kind = System.getProperty("transform", "plain");
                return kind.equals("numeric") ? new NumericTransform() : new PlainTransform();
              }

              public static Transform numeric() {
                return new NumericTransform();
              }

              public static Transform plain() {
                return new PlainTransform();
              }

              private static final Transform SHARED = new NumericTransform();

              public static Transform shared() {
                return SHARED;
              }

              public static Transform checked(Transform t) {
                if (t == null) {
                  throw new IllegalArgumentException("no transform");
                }
                return t;
              }
            }
            """),
        SourceFile.of("src/main/java/acc/helpers/Draws.java", """
            package acc.helpers;

            import java.util.Random;

            public final class Draws {
              private Draws() {}

              public static double next(Random generator) {
                return generator.nextDouble();
              }
            }
            """),
        SourceFile.of("src/main/java/acc/helpers/Headers.java", """
            package acc.helpers;

            import java.util.Set;

            public final class Headers {
              public static final Set<String> STANDARD = Set.of("host", "accept", "user-agent", "cookie", "referer");

              private Headers() {}
            }
            """),
        SourceFile.of("src/main/java/acc/helpers/RequestView.java", """
            package acc.helpers;

            import javax.servlet.http.HttpServletRequest;

            public class RequestView {
              private final HttpServletRequest request;

              public RequestView(HttpServletRequest request) {
                this.request = request;
              }

              public String parameter(String name) {
                String v = request.getParameter(name);
                return v == null ? "" : v;
              }

              public String fixedValue(String name) {
                return "bar";
              }
            }
            """),
        SourceFile.of("src/main/java/acc/helpers/Db.java", """
            package acc.helpers;

            import java.sql.Connection;
            import java.sql.DriverManager;
            import java.sql.SQLException;
            import java.sql.Statement;
            import org.springframework.jdbc.core.JdbcTemplate;

            public final class Db {
              public static JdbcTemplate JDBC;

              private Db() {}

              public static Connection connection() throws SQLException {
                return DriverManager.getConnection("jdbc:hsqldb:mem:accuracy", "sa", "");
              }

              public static Statement statement() throws SQLException {
                return connection().createStatement();
              }
            }
            """),
        SourceFile.of("src/main/java/acc/helpers/Dirs.java", """
            package acc.helpers;

            public final class Dirs {
              public static final String BASE = "/var/app/files";

              private Dirs() {}
            }
            """),
        SourceFile.of("src/main/java/acc/helpers/Ldap.java", """
            package acc.helpers;

            import java.util.Hashtable;
            import javax.naming.Context;
            import javax.naming.NamingException;
            import javax.naming.directory.DirContext;
            import javax.naming.directory.InitialDirContext;

            public final class Ldap {
              private Ldap() {}

              public static DirContext context() throws NamingException {
                Hashtable<String, String> env = new Hashtable<>();
                env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
                env.put(Context.PROVIDER_URL, "ldap://localhost:10389");
                return new InitialDirContext(env);
              }
            }
            """),
        SourceFile.of("src/main/java/acc/helpers/Xml.java", """
            package acc.helpers;

            import javax.xml.parsers.DocumentBuilderFactory;
            import org.w3c.dom.Document;

            public final class Xml {
              private Xml() {}

              public static Document document() throws Exception {
                DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                return f.newDocumentBuilder().parse(Xml.class.getResourceAsStream("/users.xml"));
              }
            }
            """),
        SourceFile.of("src/main/java/acc/helpers/Envelope.java", """
            package acc.helpers;

            public class Envelope {
              private final Slot slot = new Slot();

              public Slot getSlot() {
                return slot;
              }

              public static class Slot {
                private String value;
                private String label;

                public String getValue() {
                  return value;
                }

                public void setValue(String value) {
                  this.value = value;
                }

                public String getLabel() {
                  return label;
                }

                public void setLabel(String label) {
                  this.label = label;
                }
              }
            }
            """),
        SourceFile.of("src/main/java/acc/helpers/Parcel.java", """
            package acc.helpers;

            public class Parcel {
              private final Envelope envelope = new Envelope();

              public Envelope getEnvelope() {
                return envelope;
              }
            }
            """),
        SourceFile.of("src/main/java/acc/helpers/Keys.java", """
            package acc.helpers;

            import javax.crypto.KeyGenerator;
            import javax.crypto.SecretKey;

            public final class Keys {
              private Keys() {}

              public static SecretKey secretKey() throws Exception {
                KeyGenerator g = KeyGenerator.getInstance("AES");
                g.init(256);
                return g.generateKey();
              }
            }
            """));
  }
}
