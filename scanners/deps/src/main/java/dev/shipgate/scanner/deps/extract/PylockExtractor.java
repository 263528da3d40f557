package dev.shipgate.scanner.deps.extract;

import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.deps.Ecosystem;
import dev.shipgate.scanner.deps.Package;
import dev.shipgate.scanner.deps.Package.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEP 751 lockfiles ({@code pylock.toml}, {@code pylock.<name>.toml}): {@code [[packages]]} with
 * {@code vcs}, {@code directory} or {@code archive} sources, hashes inside {@code sdist}, {@code wheels} or
 * {@code archive}.
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

  private static String inline(TomlTables.Value v, String key) {
    if (v == null) {
      return "";
    }
    Matcher m = Pattern.compile("(?:^|[{,\\s])" + Pattern.quote(key) + "\\s*=\\s*\"([^\"]*)\"").matcher(v.text());
    return m.find() ? m.group(1) : "";
  }

  @Override
  public List<Package> extract(SourceFile file, ExtractContext context) throws ExtractException {
    List<TomlTables.Table> tables = TomlTables.parse(Extractor.text(file));
    List<Package> out = new ArrayList<>();
    for (TomlTables.Table t : tables) {
      if (!(t.array() && t.header().equals("packages"))) {
        continue;
      }
      if (t.string("name").isEmpty()) {
        throw new ExtractException(t.line(), "[[packages]] without name");
      }
      Source source = Source.REGISTRY;
      String resolved = "";
      TomlTables.Value vcs = t.values().get("vcs");
      TomlTables.Value directory = t.values().get("directory");
      TomlTables.Value archive = t.values().get("archive");
      if (vcs != null) {
        source = Source.GIT;
        resolved = inline(vcs, "url") + "#" + inline(vcs, "commit-id");
      } else if (directory != null) {
        source = Source.FILE;
        resolved = inline(directory, "path");
      } else if (archive != null) {
        resolved = inline(archive, "url").isEmpty() ? inline(archive, "path") : inline(archive, "url");
        source = inline(archive, "url").isEmpty() ? Source.FILE : Source.URL;
      }
      List<String> hashes = new ArrayList<>();
      for (String key : new String[] {"sdist", "wheels", "archive"}) {
        TomlTables.Value v = t.values().get(key);
        if (v != null) {
          Matcher m = HASH.matcher(v.text());
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
