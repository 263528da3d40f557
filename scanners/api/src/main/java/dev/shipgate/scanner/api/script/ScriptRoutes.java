package dev.shipgate.scanner.api.script;

import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.api.model.Access;
import dev.shipgate.scanner.api.model.Decision;
import dev.shipgate.scanner.api.model.Param;
import dev.shipgate.scanner.api.model.Paths;
import dev.shipgate.scanner.api.model.Route;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Express (Node) and Flask/FastAPI (Python) routes, read line by line: the declaration, the router's
 * prefix when it is declared in the same file, and authentication middleware, decorators or dependencies
 * named on or before the route. Nothing is evaluated, so routers mounted from other files keep their own
 * paths.
 */
public final class ScriptRoutes {

  private static final Pattern EXPRESS = Pattern.compile(
      "\\b(\\w+)\\s*\\.\\s*(get|post|put|patch|delete|all)\\s*\\(\\s*(['\"`])(/[^'\"`]*)\\3\\s*,(.*)");
  private static final Pattern EXPRESS_USE = Pattern.compile("\\b(\\w+)\\s*\\.\\s*use\\s*\\((.*)");
  private static final Pattern FLASK_ROUTE = Pattern.compile(
      "^\\s*@\\s*(\\w+)\\s*\\.\\s*route\\s*\\(\\s*[rf]?(['\"])([^'\"]*)\\2(.*)");
  private static final Pattern PY_VERB = Pattern.compile(
      "^\\s*@\\s*(\\w+)\\s*\\.\\s*(get|post|put|patch|delete)\\s*\\(\\s*[rf]?(['\"])([^'\"]*)\\3(.*)");
  private static final Pattern PY_PREFIX = Pattern.compile(
      "^\\s*(\\w+)\\s*=\\s*(?:\\w+\\.)?(Blueprint|APIRouter)\\s*\\((.*?)(?:url_prefix|prefix)\\s*=\\s*['\"]([^'\"]*)['\"]");
  private static final Pattern PY_METHODS = Pattern.compile("methods\\s*=\\s*[\\[(]([^\\])]*)[\\])]");
  private static final Pattern AUTH = Pattern.compile(
      "(?i)auth|login_required|jwt|passport|ensureLoggedIn|isLoggedIn|requireUser|protect|verifyToken|current_user|get_current|Security\\(|roles_required|permission_required");

  private ScriptRoutes() {}

  public static boolean accepts(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    return (p.endsWith(".js") || p.endsWith(".mjs") || p.endsWith(".cjs") || p.endsWith(".ts") || p.endsWith(".py"))
        && !p.endsWith(".min.js") && !p.endsWith(".d.ts") && !p.contains("node_modules/");
  }

  public static List<Route> extract(SourceFile f) {
    return f.path().endsWith(".py") ? python(f) : express(f);
  }

  private static List<Route> express(SourceFile f) {
    List<Route> out = new ArrayList<>();
    String text = f.text();
    if (!text.contains("express") && !text.contains("Router(")) {
      return out;
    }
    Map<String, Integer> authUsedAt = new HashMap<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      Matcher use = EXPRESS_USE.matcher(line);
      if (use.find() && AUTH.matcher(use.group(2)).find() && !use.group(2).trim().startsWith("'/") && !use.group(2).trim().startsWith("\"/")) {
        authUsedAt.putIfAbsent(use.group(1), i + 1);
      }
      Matcher m = EXPRESS.matcher(line);
      if (!m.find()) {
        continue;
      }
      String router = m.group(1);
      String rest = uncomment(m.group(5), "//") + (i + 1 < lines.length ? uncomment(lines[i + 1], "//") : "");
      String middleware = rest.contains("=>") ? rest.substring(0, rest.indexOf("=>")) : rest;
      Decision d;
      if (AUTH.matcher(middleware).find()) {
        d = Decision.of(Access.AUTHENTICATED, "authentication middleware on the route");
      } else if (authUsedAt.containsKey(router)) {
        d = Decision.of(Access.AUTHENTICATED, router + ".use(...) at line " + authUsedAt.get(router) + " adds authentication middleware");
      } else {
        d = Decision.of(Access.PUBLIC, "no authentication middleware on the route or before it in this file")
            .uncertain("middleware mounted in other files is not followed");
      }
      String verb = m.group(2).equals("all") ? "ANY" : m.group(2).toUpperCase(Locale.ROOT);
      out.add(new Route(verb, Paths.clean(m.group(4)), "express", f.path(), i + 1, router + "." + m.group(2) + "('" + m.group(4) + "')",
          null, params(m.group(4)), d));
    }
    return out;
  }

  private static List<Route> python(SourceFile f) {
    List<Route> out = new ArrayList<>();
    Map<String, String> prefixes = new HashMap<>();
    String[] lines = f.text().split("\n", -1);
    for (String line : lines) {
      Matcher p = PY_PREFIX.matcher(line);
      if (p.find()) {
        prefixes.put(p.group(1), p.group(4));
      }
    }
    for (int i = 0; i < lines.length; i++) {
      String router;
      String path;
      List<String> verbs = new ArrayList<>();
      String rest;
      String framework;
      Matcher r = FLASK_ROUTE.matcher(lines[i]);
      Matcher v = PY_VERB.matcher(lines[i]);
      if (r.find()) {
        router = r.group(1);
        path = r.group(3);
        rest = r.group(4);
        Matcher ms = PY_METHODS.matcher(rest);
        if (ms.find()) {
          for (String x : ms.group(1).split(",")) {
            String verb = x.replaceAll("[^A-Za-z]", "").toUpperCase(Locale.ROOT);
            if (!verb.isEmpty()) {
              verbs.add(verb);
            }
          }
        } else {
          verbs.add("GET");
        }
        framework = "flask";
      } else if (v.find()) {
        router = v.group(1);
        path = v.group(4);
        rest = v.group(5);
        verbs.add(v.group(2).toUpperCase(Locale.ROOT));
        framework = f.text().contains("fastapi") ? "fastapi" : "flask";
      } else {
        continue;
      }
      StringBuilder signature = new StringBuilder(uncomment(rest, "#"));
      boolean inDef = false;
      for (int k = i + 1; k < lines.length && k < i + 20; k++) {
        String t = lines[k].trim();
        inDef |= t.startsWith("def ") || t.startsWith("async def ");
        signature.append('\n').append(uncomment(lines[k], "#"));
        if (inDef && t.endsWith(":")) {
          break;
        }
      }
      Decision d = AUTH.matcher(signature).find()
          ? Decision.of(Access.AUTHENTICATED, "authentication decorator or dependency on the route")
          : Decision.of(Access.PUBLIC, "no authentication decorator or dependency on the route")
              .uncertain("app-wide before_request hooks and global dependencies are not followed");
      String full = Paths.join(prefixes.getOrDefault(router, ""), path);
      for (String verb : verbs) {
        out.add(new Route(verb, full, framework, f.path(), i + 1, router + " " + path, null, params(full), d));
      }
    }
    return out;
  }

  /** The line without a trailing comment (a marker there must not read as "auth"). */
  private static String uncomment(String line, String marker) {
    int at = line.indexOf(marker);
    return at < 0 ? line : line.substring(0, at);
  }

  /** Path variables from the template (query parameters are not read from scripts). */
  private static List<Param> params(String path) {
    List<Param> out = new ArrayList<>();
    for (String v : Paths.variables(path)) {
      out.add(new Param(v, "path", true));
    }
    return out;
  }
}
