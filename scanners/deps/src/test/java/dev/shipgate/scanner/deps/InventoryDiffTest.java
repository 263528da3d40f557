package dev.shipgate.scanner.deps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.scan.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryDiffTest {

  private static List<Package> packages(String requirements, String lock) {
    return Inventory.of(List.of(SourceFile.of("requirements.txt", requirements), SourceFile.of("package-lock.json", lock)), null).packages();
  }

  private static String lock(String... entries) {
    StringBuilder deps = new StringBuilder();
    StringBuilder nodes = new StringBuilder();
    for (String e : entries) {
      String[] p = e.split(" ");
      boolean direct = p.length > 2;
      if (direct) {
        deps.append(deps.length() == 0 ? "" : ", ").append('"').append(p[0]).append("\": \"*\"");
      }
      nodes.append(", \"node_modules/").append(p[0]).append("\": {\"version\": \"").append(p[1]).append("\"}");
    }
    return "{\"lockfileVersion\": 3, \"packages\": {\"\": {\"dependencies\": {" + deps + "}}" + nodes + "}}";
  }

  @Test
  void addedRemovedUpgradedDowngradedAndNewDirect() {
    List<Package> before = packages("Django==4.2.0\nrequests==2.31.0\nsix==1.16.0\n",
        lock("express 4.17.1 direct", "qs 6.7.0", "debug 2.6.9"));
    List<Package> after = packages("django==4.2.11\nrequests==2.30.0\nflask==3.0.0\n",
        lock("express 4.17.1 direct", "qs 6.7.0 direct", "debug 2.6.9", "left-pad 1.3.0 direct", "ms 2.1.3"));
    InventoryDiff d = InventoryDiff.of(before, after);
    assertThat(d.added()).extracting(Object::toString).containsExactly("pypi:flask 3.0.0 (direct)", "npm:left-pad 1.3.0 (direct)",
        "npm:ms 2.1.3");
    assertThat(d.removed()).extracting(Object::toString).containsExactly("pypi:six 1.16.0 (direct)");
    assertThat(d.upgraded()).extracting(Object::toString).containsExactly("pypi:django 4.2.0 -> 4.2.11 (direct)");
    assertThat(d.downgraded()).extracting(Object::toString).containsExactly("pypi:requests 2.31.0 -> 2.30.0 (direct)");
    assertThat(d.newDirect()).extracting(InventoryDiff.Change::name).containsExactly("flask", "qs", "left-pad");
    assertThat(d.summary()).isEqualTo("added: pypi:flask 3.0.0 (direct), npm:left-pad 1.3.0 (direct), npm:ms 2.1.3; "
        + "removed: pypi:six 1.16.0 (direct); upgraded: pypi:django 4.2.0 -> 4.2.11 (direct); "
        + "downgraded: pypi:requests 2.31.0 -> 2.30.0 (direct); now direct: npm:qs 6.7.0 (direct)");
    assertThat(d.added().get(1).manifest()).isEqualTo("package-lock.json");
  }

  @Test
  void versionsCompareByTheEcosystemsOrderNotAsText() {
    InventoryDiff d = InventoryDiff.of(packages("a==1.9.0\nb==1.0.0rc1\n", lock()), packages("a==1.10.0\nb==1.0.0\n", lock()));
    assertThat(d.upgraded()).extracting(InventoryDiff.Change::name).containsExactly("a", "b");
    assertThat(InventoryDiff.of(packages("a==1.0\n", lock()), packages("a==1.0\n", lock())).isEmpty()).isTrue();
    assertThat(InventoryDiff.of(List.of(), List.of()).summary()).isEqualTo("no package changes");
  }
}
