package dev.shipgate.scanner.api.model;

/** What a route demands of the caller, from the most open to the most closed. */
public enum Access {
  /** Anyone, signed in or not. */
  PUBLIC,
  /** Any signed-in caller. */
  AUTHENTICATED,
  /** A signed-in caller with a role, authority or custom check. */
  RESTRICTED,
  /** Nobody. */
  DENIED;

  public boolean open() {
    return this == PUBLIC;
  }

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
