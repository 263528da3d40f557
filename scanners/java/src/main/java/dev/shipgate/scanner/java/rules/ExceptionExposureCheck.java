package dev.shipgate.scanner.java.rules;

import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.java.frontend.MethodInfo;
import dev.shipgate.scanner.java.taint.CallEvent;
import dev.shipgate.scanner.java.taint.JavaCheck;
import dev.shipgate.scanner.java.taint.MethodVisitor;
import dev.shipgate.scanner.java.taint.Reporter;
import dev.shipgate.scanner.java.taint.Value;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Details of an unexpected exception sent to the client: a stack trace printed to the response writer, or
 * the message / string / stack of a generic exception ({@code Exception}, {@code SQLException},
 * {@code DataAccessException} ...) written to the response, passed to {@code sendError}, put in a
 * {@code ResponseEntity} body or returned from a handler. Messages of the application's own exception
 * types are meant for users and are not reported.
 */
public final class ExceptionExposureCheck implements JavaCheck {

  static final Rule RULE = Rule.builder("java/web/exception-exposure", "java")
      .title("Exception details sent to the client")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-209", "CWE-497")
      .tags("owasp-top10:A05:2021", "asvs:4.0.3-7.4.1")
      .description("The response carries a stack trace or the message of an unexpected exception. Those reveal class and"
          + " library names and versions, SQL statements, file paths and internal host names that help an attacker aim the"
          + " next request.")
      .fix("Log the exception on the server with a correlation id and return a generic message (and that id) to the"
          + " client; use Spring's default error handling with server.error.include-message/stacktrace=never.")
      .build();

  /** Exception types whose messages come from libraries and the platform, not from the application. */
  private static final Set<String> GENERIC = Set.of("Exception", "Throwable", "RuntimeException", "Error", "SQLException",
      "DataAccessException", "IOException", "IllegalStateException", "NullPointerException", "PersistenceException",
      "HibernateException", "JsonProcessingException", "IllegalArgumentException");
  private static final Set<String> DETAILS = Set.of("getMessage", "getLocalizedMessage", "toString", "getStackTrace",
      "getCause", "getRootCause", "getMostSpecificCause");
  private static final Set<String> WRITES = Set.of("print", "println", "write", "append", "format", "printf");

  @Override
  public List<Rule> rules() {
    return List.of(RULE);
  }

  @Override
  public MethodVisitor begin(MethodInfo method) {
    boolean handler = method.annotations().stream().anyMatch(a -> a.endsWith("Mapping") || a.endsWith("ExceptionHandler"));
    return new MethodVisitor() {
      /** Computed on the first call that could send something, since most methods send nothing. */
      Set<Tree> generic;

      Set<Tree> generic() {
        if (generic == null) {
          generic = genericExceptions(method);
        }
        return generic;
      }

      @Override
      public void call(CallEvent e) {
        String name = e.call().name();
        boolean toResponse = e.receiver() != null && e.receiver().hasSourceOfKind("response-writer");
        if (name.equals("printStackTrace") && e.args().size() == 1 && e.args().get(0).hasSourceOfKind("response-writer")) {
          e.reporter().report(RULE, e.tree(), "A stack trace is printed to the HTTP response", null);
        } else if ((toResponse && WRITES.contains(name) || name.equals("sendError") || name.equals("body") && fromResponseEntity(e))
            && e.argTrees().stream().anyMatch(a -> mentions(a, generic()))) {
          e.reporter().report(RULE, e.tree(), "Exception details are sent to the client", null);
        } else if (name.equals("<init>") && e.call().declaringType() != null && e.call().declaringType().endsWith("ResponseEntity")
            && !e.argTrees().isEmpty() && mentions(e.argTrees().get(0), generic())) {
          e.reporter().report(RULE, e.tree(), "Exception details are sent to the client", null);
        }
      }

      @Override
      public void returns(Value value, Tree at, Reporter reporter) {
        if (handler && at instanceof ReturnTree r && r.getExpression() != null && !(r.getExpression() instanceof MethodInvocationTree mi
            && (CallChain.name(mi).equals("body") || CallChain.name(mi).equals("build"))) && mentions(r.getExpression(), generic())) {
          reporter.report(RULE, at, "Exception details are returned to the client", null);
        }
      }
    };
  }

  /** {@code ResponseEntity.status(...).body(...)}: the body of a response, not of an outgoing request. */
  private static boolean fromResponseEntity(CallEvent e) {
    ExpressionTree root = CallChain.of(e.tree()).root();
    return root != null && root.toString().endsWith("ResponseEntity");
  }

  /**
   * References to catch parameters (inside their own catch block) and handler parameters of a generic
   * exception type, by identity: another catch block may reuse the name for the application's own type.
   */
  private static Set<Tree> genericExceptions(MethodInfo method) {
    Set<Tree> out = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    if (method.body() == null) {
      return out;
    }
    Set<String> handlerParams = new HashSet<>();
    if (method.annotations().stream().anyMatch(a -> a.endsWith("ExceptionHandler"))) {
      for (int i = 0; i < method.paramTypes().size(); i++) {
        if (isGeneric(method.paramTypes().get(i))) {
          handlerParams.add(method.paramNames().get(i));
        }
      }
    }
    if (!handlerParams.isEmpty()) {
      references(method.body(), handlerParams, out);
    }
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitCatch(CatchTree node, Void p) {
        VariableTree param = node.getParameter();
        for (String t : param.getType().toString().split("\\|")) {
          if (isGeneric(t.trim())) {
            references(node.getBlock(), Set.of(param.getName().toString()), out);
          }
        }
        return super.visitCatch(node, p);
      }

      @Override
      public Void visitClass(ClassTree node, Void p) {
        return null;
      }
    }.scan(method.body(), null);
    return out;
  }

  private static void references(Tree scope, Set<String> names, Set<Tree> out) {
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void p) {
        if (names.contains(node.getName().toString())) {
          out.add(node);
        }
        return null;
      }

      @Override
      public Void visitClass(ClassTree node, Void p) {
        return null;
      }
    }.scan(scope, null);
  }

  private static boolean isGeneric(String type) {
    return type != null && GENERIC.contains(type.substring(type.lastIndexOf('.') + 1));
  }

  /** Whether {@code e} contains the exception itself or one of its details ({@code ex.getMessage()}). */
  private static boolean mentions(ExpressionTree e, Set<Tree> exceptions) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void p) {
        if (node.getMethodSelect() instanceof MemberSelectTree ms && ms.getExpression() instanceof IdentifierTree id
            && exceptions.contains(id) && DETAILS.contains(ms.getIdentifier().toString())) {
          found[0] = true;
          return null;
        }
        return super.visitMethodInvocation(node, p);
      }

      @Override
      public Void visitBinary(com.sun.source.tree.BinaryTree node, Void p) {
        // "Error: " + e concatenates e.toString()
        for (ExpressionTree o : List.of(node.getLeftOperand(), node.getRightOperand())) {
          if (node.getKind() == Tree.Kind.PLUS && o instanceof IdentifierTree id && exceptions.contains(id)) {
            found[0] = true;
          }
        }
        return super.visitBinary(node, p);
      }
    }.scan(e, null);
    return found[0];
  }
}
