package dev.shipgate.scanner.terraform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Port and address facts shared by the security group, NSG and firewall checks. */
public final class Network {

  /** Remote administration and data stores: what attackers scan the internet for. */
  public static final Map<Integer, String> ADMIN_PORTS = new TreeMap<>(Map.ofEntries(
      Map.entry(22, "SSH"), Map.entry(23, "Telnet"), Map.entry(445, "SMB"), Map.entry(3389, "RDP"),
      Map.entry(5985, "WinRM"), Map.entry(5986, "WinRM"), Map.entry(5900, "VNC"),
      Map.entry(1433, "SQL Server"), Map.entry(1521, "Oracle"), Map.entry(3306, "MySQL"), Map.entry(5432, "PostgreSQL"),
      Map.entry(27017, "MongoDB"), Map.entry(6379, "Redis"), Map.entry(9200, "Elasticsearch"), Map.entry(5601, "Kibana"),
      Map.entry(11211, "Memcached"), Map.entry(9042, "Cassandra"), Map.entry(2375, "Docker API"), Map.entry(2376, "Docker API")));

  private static final Set<String> ANYWHERE = Set.of("0.0.0.0/0", "::/0", "*", "internet", "any", "0.0.0.0");

  private Network() {}

  /** Whether an address or CIDR stands for the whole internet (AWS/GCP CIDRs, Azure {@code *}/{@code Internet}/{@code Any}). */
  public static boolean anywhere(String address) {
    return address != null && ANYWHERE.contains(address.trim().toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * The administrative ports inside {@code [from, to]}, described for a message ("all ports", "22 (SSH)"), or
   * an empty list when none is covered.
   */
  public static List<String> exposed(int from, int to, Set<Integer> adminPorts) {
    List<String> out = new ArrayList<>();
    if ((from <= 0 && to >= 65535) || from == -1 || to == -1) {
      out.add("all ports");
      return out;
    }
    for (int port : adminPorts) {
      if (port >= from && port <= to) {
        String name = ADMIN_PORTS.get(port);
        out.add(port + (name == null ? "" : " (" + name + ")"));
      }
    }
    return out;
  }

  /** Parses {@code 22}, {@code 20-30} or {@code *}; returns {from, to} or null when unknown. */
  public static int[] range(String spec) {
    if (spec == null) {
      return null;
    }
    String s = spec.trim();
    if (s.equals("*")) {
      return new int[] {0, 65535};
    }
    try {
      int dash = s.indexOf('-', 1);
      if (dash > 0) {
        return new int[] {Integer.parseInt(s.substring(0, dash).trim()), Integer.parseInt(s.substring(dash + 1).trim())};
      }
      int p = Integer.parseInt(s);
      return new int[] {p, p};
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
