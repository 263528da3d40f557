/**
 * Start-up breakdown (issue 2): how long each scanner family takes to construct, one after another in a cold
 * JVM. Run with bench/scripts/families.sh; the figures are in bench/RESULTS.md ("Start-up").
 */
public class FamilyConstruction {
  public static void main(String[] families) throws Exception {
    long t0 = System.nanoTime();
    for (String c : families) {
      long s = System.nanoTime();
      Object o = Class.forName(c).getConstructor().newInstance();
      int rules = ((dev.shipgate.core.scan.Scanner) o).rules().size();
      System.out.printf("%-50s %4d rules %5d ms%n", c, rules, (System.nanoTime() - s) / 1_000_000);
    }
    System.out.printf("all families %d ms%n", (System.nanoTime() - t0) / 1_000_000);
  }
}
