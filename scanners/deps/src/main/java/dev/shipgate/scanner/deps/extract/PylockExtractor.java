package dev.shipgate.scanner.deps.extract;

import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.deps.Ecosystem;
import dev.shipgate.scanner.deps.Package;
import dev.shipgate.scanner.deps.Package.Source;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEP 751 lockfiles ({@code pylock.toml}, {@code pylock.<name>.toml}): {@code [[packages]]} with
 * {@code vcs}, {@code directory} or {@code archive} sources, hashes inside {@code sdist}, {@code wheels} or
 * {@code archive}, inline or in sub-tables ({@code [packages.wheels.hashes]}, as {@code pip lock} writes them).
 */
public final class PylockExtractor implements Extractor {

  private static final Pattern NAME = Pattern.compile("pylock(\\.[^/.]+)?\\.toml");
  private static final Pattern HASH = Pattern.compile("\\b(sha256|sha384|sha512|blake2b)\\s*=\\s*\"([0-9a-f]+)\"");

  @Override
  public String name() {
    return "pypi/pylock";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public boolean recordsIntegrity() {
    return true;
  }

  @Override
  public boolean accepts(String path) {
    return NAME.matcher(Extractor.fileName(path)).matches();
  }

  private static String inline(String text, String key) {
    Matcher m = Pattern.compile("(?:^|[{,\\s])" + Pattern.quote(key) + "\\s*=\\s*\"([^\"]*)\"").matcher(text);
    return m.find() ? m.group(1) : "";
  }

  @Override
  public List<Package> extract(SourceFile file, ExtractContext context) throws ExtractException {
    List<TomlTables.Table> tables = TomlTables.parse(Extractor.text(file));
    // Each [[packages]] with what belongs to it: its inline tables, or the sub-tables PEP 751 also allows
    // ([packages.vcs], [packages.sdist], [[packages.wheels]], ...), written back as "key = value" text.
    List<TomlTables.Table> heads = new ArrayList<>();
    List<Map<String, String>> parts = new ArrayList<>();
    for (TomlTables.Table t : tables) {
      if (t.array() && t.header().equals("packages")) {
        if (t.string("name").isEmpty()) {
          throw new ExtractException(t.line(), "[[packages]] without name");
        }
        heads.add(t);
        Map<String, String> p = new HashMap<>();
        t.values().forEach((k, v) -> p.put(k, v.text()));
        parts.add(p);
      } else if (t.header().startsWith("packages.") && !heads.isEmpty()) {
        StringBuilder text = new StringBuilder();
        t.values().forEach((k, v) -> text.append(' ').append(k).append(" = ").append(v.string() ? "\"" + v.text() + "\"" : v.text()));
        // pip lock writes hashes as their own sub-table ([packages.wheels.hashes]): they belong to the artifact.
        String key = t.header().substring("packages.".length()).split("\\.", 2)[0];
        parts.get(parts.size() - 1).merge(key, text.toString(), (a, b) -> a + " " + b);
      }
    }
    List<Package> out = new ArrayList<>();
    for (int i = 0; i < heads.size(); i++) {
      TomlTables.Table t = heads.get(i);
      Map<String, String> p = parts.get(i);
      Source source = Source.REGISTRY;
      String resolved = p.getOrDefault("index", "");
      String vcs = p.get("vcs");
      String directory = p.get("directory");
      String archive = p.get("archive");
      if (vcs != null) {
        source = Source.GIT;
        resolved = inline(vcs, "url") + "#" + inline(vcs, "commit-id");
      } else if (directory != null) {
        source = Source.FILE;
        resolved = inline(directory, "path");
        if (Sources.isProjectItself(resolved)) {
          continue; // `pip lock .` locks the project itself too
        }
      } else if (archive != null) {
        resolved = inline(archive, "url").isEmpty() ? inline(archive, "path") : inline(archive, "url");
        source = inline(archive, "url").isEmpty() ? Source.FILE : Source.URL;
      }
      List<String> hashes = new ArrayList<>();
      for (String key : new String[] {"sdist", "wheels", "archive"}) {
        String v = p.get(key);
        if (v != null) {
          Matcher m = HASH.matcher(v);
          while (m.find()) {
            hashes.add(m.group(1) + ":" + m.group(2));
          }
        }
      }
      out.add(Package.builder(Ecosystem.PYPI, RequirementsExtractor.normalise(t.string("name")), file.path())
          .locked(t.string("version"))
          .source(source)
          .line(t.line())
          .resolved(resolved)
          .integrity(hashes.isEmpty() ? "" : hashes.get(0) + (hashes.size() > 1 ? " (+" + (hashes.size() - 1) + ")" : ""))
          .build());
    }
    return out;
  }
}
