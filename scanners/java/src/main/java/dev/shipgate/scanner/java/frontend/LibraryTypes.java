package dev.shipgate.scanner.java.frontend;

import java.util.List;
import java.util.Set;

/**
 * What the front end may know about types outside the repository (JDK and frameworks) without their class
 * files: their names, supertypes and the return types of their methods. Supplied by the models, so a new
 * framework is data, not code.
 */
public interface LibraryTypes {

  /** Fully qualified names of known library types, used to resolve wildcard imports. */
  Set<String> knownTypes();

  /** Direct supertypes of a library type, or an empty list. */
  List<String> supertypes(String type);

  /** The declared return type of {@code type.method}, or null when not modelled. */
  String returnType(String type, String method);

  /** The type of the static field {@code type.field} ({@code System.out}), or null when not modelled. */
  default String fieldType(String type, String field) {
    return null;
  }

  LibraryTypes NONE = new LibraryTypes() {
    @Override
    public Set<String> knownTypes() {
      return Set.of();
    }

    @Override
    public List<String> supertypes(String type) {
      return List.of();
    }

    @Override
    public String returnType(String type, String method) {
      return null;
    }
  };
}
