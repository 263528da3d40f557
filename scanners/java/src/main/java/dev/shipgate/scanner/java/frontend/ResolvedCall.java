package dev.shipgate.scanner.java.frontend;

import java.util.List;

/**
 * A call resolved by name: the static type that declares or receives it, the repository methods it may
 * dispatch to, and its return type where known.
 *
 * @param declaringType qualified name of the receiver's static type (or the enclosing class for an
 *     unqualified call); a simple name when only the name is known; null when the receiver type is unknown
 * @param staticReceiver true when the receiver is a type name ({@code Runtime.getRuntime()})
 * @param targets repository methods the call may reach, overriding implementations included
 * @param returnType qualified return type when known, else null
 * @param exact true when the declaring type was resolved to a qualified name rather than guessed by name
 */
public record ResolvedCall(String declaringType, String name, int arity, boolean staticReceiver,
    List<MethodInfo> targets, String returnType, boolean exact) {

  public ResolvedCall {
    targets = List.copyOf(targets);
  }
}
