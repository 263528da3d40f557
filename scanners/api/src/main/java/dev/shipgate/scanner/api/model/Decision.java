package dev.shipgate.scanner.api.model;

/**
 * The auth decision for one route.
 *
 * @param access the outcome; when {@code certain} is false it is the most open outcome that is possible
 * @param certain false when the outcome depends on something that could not be resolved
 * @param reason why, in words, naming the configuration that decided
 * @param listedPublic the policy lists the route as public on purpose
 */
public record Decision(Access access, boolean certain, String reason, boolean listedPublic) {

  public static Decision of(Access access, String reason) {
    return new Decision(access, true, reason, false);
  }

  public Decision uncertain(String why) {
    return new Decision(access, false, reason + "; " + why, listedPublic);
  }

  public Decision listed() {
    return new Decision(access, certain, reason, true);
  }

  /** Short form for the inventory: access plus a marker when unresolved or listed. */
  public String summary() {
    return access.label() + (certain ? "" : "?") + (listedPublic ? " (listed public)" : "");
  }
}
