/**
 * Start-up breakdown (issue 2): how long each scanner family takes to construct, one after another in a cold
 * JVM. Run with bench/scripts/families.sh; the figures are in bench/RESULTS.md ("Start-up").
 */
public class FamilyConstruction {
  public static void main(String[] families) throws Exception {
    // This thread's CPU time beside wall time: on a busy machine it is the figure that still means something.
    java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    long t0 = System.nanoTime();
    long c0 = cpu.getCurrentThreadCpuTime();
    for (String c : families) {
      long s = System.nanoTime();
      long sc = cpu.getCurrentThreadCpuTime();
      Object o = Class.forName(c).getConstructor().newInstance();
      int rules = ((dev.shipgate.core.scan.Scanner) o).rules().size();
      System.out.printf("%-50s %4d rules %5d ms (%d ms CPU)%n", c, rules, (System.nanoTime() - s) / 1_000_000,
          (cpu.getCurrentThreadCpuTime() - sc) / 1_000_000);
    }
    System.out.printf("all families %d ms (%d ms CPU)%n", (System.nanoTime() - t0) / 1_000_000,
        (cpu.getCurrentThreadCpuTime() - c0) / 1_000_000);
  }
}
