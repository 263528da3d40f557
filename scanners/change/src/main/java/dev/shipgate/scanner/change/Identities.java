package dev.shipgate.scanner.change;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * Who is who: commit e-mail addresses and code-host logins map to identities ({@code @alice}) through the policy's
 * {@code identities}; teams ({@code @org/team}) list their members in the policy's {@code teams}.
 */
public final class Identities {

  /** GitHub's private commit e-mail: {@code 12345+alice@users.noreply.github.com} or {@code alice@users...}. */
  private static final Pattern GITHUB_NOREPLY = Pattern.compile("(?:\\d+\\+)?([A-Za-z0-9-]+(?:\\[bot\\])?)@users\\.noreply\\.github\\.com");

  private final Map<String, List<String>> aliases;
  private final Map<String, List<String>> teams;

  public Identities(Map<String, List<String>> aliases, Map<String, List<String>> teams) {
    this.aliases = aliases;
    this.teams = teams;
  }

  public static Identities of(ChangePolicy policy) {
    return new Identities(policy.identities(), policy.teams());
  }

  /** The identity of a code-host login ({@code alice} or {@code @alice}). */
  public String ofLogin(String login) {
    String handle = login.startsWith("@") ? login : "@" + login;
    for (Map.Entry<String, List<String>> e : aliases.entrySet()) {
      if (e.getKey().equalsIgnoreCase(handle)) {
        return e.getKey();
      }
      for (String alias : e.getValue()) {
        if (alias.equalsIgnoreCase(login) || alias.equalsIgnoreCase(handle)) {
          return e.getKey();
        }
      }
    }
    return handle;
  }

  /** The identity of a commit author's e-mail address; the lower-cased address itself when nothing maps it. */
  public String ofEmail(String email) {
    String lower = email.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, List<String>> e : aliases.entrySet()) {
      for (String alias : e.getValue()) {
        if (alias.equalsIgnoreCase(lower)) {
          return e.getKey();
        }
      }
    }
    Matcher m = GITHUB_NOREPLY.matcher(lower);
    return m.matches() ? ofLogin(m.group(1)) : lower;
  }

  /** Whether {@code identity} is, or stands for, {@code owner} (a person, a team it belongs to, or an address). */
  public boolean satisfies(String identity, String owner) {
    if (owner.equalsIgnoreCase(identity)) {
      return true;
    }
    if (owner.contains("/")) {
      for (Map.Entry<String, List<String>> t : teams.entrySet()) {
        if (t.getKey().equalsIgnoreCase(owner)) {
          return t.getValue().stream().anyMatch(member -> member.equalsIgnoreCase(identity));
        }
      }
      return false;
    }
    if (!owner.startsWith("@")) {
      return ofEmail(owner).equalsIgnoreCase(identity);
    }
    return false;
  }

  public boolean satisfiesAny(String identity, List<String> owners) {
    return owners.stream().anyMatch(o -> satisfies(identity, o));
  }

  /** Teams among {@code owners} that the policy does not list, so nobody can approve for them. */
  public List<String> unknownTeams(List<String> owners) {
    List<String> out = new ArrayList<>();
    for (String o : owners) {
      if (o.contains("/") && o.startsWith("@") && teams.keySet().stream().noneMatch(t -> t.equalsIgnoreCase(o))) {
        out.add(o);
      }
    }
    return out;
  }
}
