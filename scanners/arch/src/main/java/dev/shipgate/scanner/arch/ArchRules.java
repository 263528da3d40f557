package dev.shipgate.scanner.arch;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import java.util.List;

/**
 * The family's fixed rules, one per kind of rail. The rails themselves are user-defined in the policy; each
 * finding names the policy entry that it enforces (message and properties), and an entry may set its own
 * severity.
 */
public final class ArchRules {

  private ArchRules() {}

  static final String[] RAIL_TAGS = {"ssdf:PW.4.1", "ssdf:PW.5.1", "asvs:4.0.3-1.1.2", "iso27001:2022-A.8.28", "soc2:CC8.1"};

  public static final Rule IMPORT = Rule.builder("arch/forbidden/import", ArchScanner.FAMILY)
      .title("Import of a forbidden API outside the code allowed to use it")
      .severity(Severity.HIGH).confidence(Confidence.HIGH).cwe("CWE-1357")
      .description("A Java import (single-type, static or wildcard of a forbidden package), or a Python, JavaScript or "
          + "TypeScript import, require() or dynamic import() names a type, member or module that the policy's "
          + "scanners.arch.forbidden entry reserves for a blessed wrapper. The finding message carries the entry's id "
          + "and the alternative the team chose.")
      .fix("Use the blessed alternative named in the message instead of the forbidden API. If this file is the wrapper "
          + "itself, add its package or path to the entry's allowed_in list in shipgate.yml.")
      .tags(RAIL_TAGS).build();

  public static final Rule TYPE = Rule.builder("arch/forbidden/type", ArchScanner.FAMILY)
      .title("Use of a forbidden type outside the code allowed to use it")
      .severity(Severity.HIGH).confidence(Confidence.HIGH).cwe("CWE-1357")
      .description("Java code refers to a type that a scanners.arch.forbidden entry reserves for a blessed wrapper: a "
          + "fully-qualified name, a name reached through a wildcard import, a variable, field, parameter, cast or "
          + "supertype, or a var local whose inferred type is forbidden. Names are resolved through imports and the "
          + "project model, so a same-named type from another package is not reported.")
      .fix("Go through the wrapper named in the message. Keep the forbidden type inside the packages or paths listed "
          + "in the entry's allowed_in, which is where the blessed implementation lives.")
      .tags(RAIL_TAGS).build();

  public static final Rule METHOD = Rule.builder("arch/forbidden/method", ArchScanner.FAMILY)
      .title("Call of a forbidden method or use of a forbidden field")
      .severity(Severity.HIGH).confidence(Confidence.HIGH).cwe("CWE-477")
      .description("A call or field access matches a member pattern of a scanners.arch.forbidden entry, such as "
          + "java.sql.Statement#execute* or java.lang.System#out. The receiver's static type is resolved from "
          + "declarations, var locals, fields and call return types; a receiver whose type is only known by its "
          + "simple name is reported with medium confidence.")
      .fix("Replace the call with the blessed alternative named in the message (a prepared statement, the logging "
          + "interface, the wrapper client), or move the code into a package allowed by the entry's allowed_in.")
      .tags(RAIL_TAGS).build();

  public static final Rule CONSTRUCTOR = Rule.builder("arch/forbidden/constructor", ArchScanner.FAMILY)
      .title("Construction of a forbidden type")
      .severity(Severity.HIGH).confidence(Confidence.HIGH).cwe("CWE-1357")
      .description("A new expression creates an instance of a type that a scanners.arch.forbidden entry lists as "
          + "'new T' (for example new java.util.Random where the team uses a seeded or secure source, or new "
          + "java.net.Socket where connections go through a pool). Anonymous subclasses count as construction.")
      .fix("Obtain the object from the factory or wrapper named in the message instead of constructing it here, or "
          + "add this package or path to the entry's allowed_in if it is the sanctioned factory.")
      .tags(RAIL_TAGS).build();

  public static final Rule LAYER = Rule.builder("arch/layer/violation", ArchScanner.FAMILY)
      .title("Dependency between layers that the architecture forbids")
      .severity(Severity.MEDIUM).confidence(Confidence.HIGH).cwe("CWE-1061")
      .description("Code in one layer of scanners.arch.layers refers to a layer that a scanners.arch.layer_rules entry "
          + "says it must not depend on: an import, a field, parameter or variable type, a cast, a supertype, a "
          + "constructor or a call whose declaring type lies in the denied layer. Skipping a layer bypasses the "
          + "checks (authorization, validation, auditing) the skipped layer performs.")
      .fix("Call the intermediate layer (for example a service instead of a repository) as the message says, or "
          + "change the layer definitions in shipgate.yml if the architecture itself changed.")
      .tags(RAIL_TAGS).build();

  public static final Rule DEPENDENCY_FORBIDDEN = Rule.builder("arch/dependency/forbidden", ArchScanner.FAMILY)
      .title("Dependency that the policy forbids")
      .severity(Severity.HIGH).confidence(Confidence.HIGH).cwe("CWE-1357")
      .description("A pom.xml, build.gradle, build.gradle.kts or package.json declares a Maven coordinate "
          + "(groupId:artifactId, wildcards allowed) or npm package that a scanners.arch.dependencies.forbidden entry "
          + "rules out. Assistants add popular libraries from their training data; the team has picked one library "
          + "per concern.")
      .fix("Remove the dependency and use the library named in the message. If the dependency is really needed, "
          + "change the policy entry through review rather than suppressing the finding.")
      .tags(RAIL_TAGS).build();

  public static final Rule DEPENDENCY_REQUIRED = Rule.builder("arch/dependency/required", ArchScanner.FAMILY)
      .title("Dependency that the policy requires is missing")
      .severity(Severity.MEDIUM).confidence(Confidence.HIGH).cwe("CWE-1357")
      .description("No manifest of an ecosystem that the repository uses (Maven or Gradle build files, package.json) "
          + "declares a dependency that a scanners.arch.dependencies.required entry demands, such as the company's "
          + "audit logging or HTTP client library. The finding is reported on the top-most manifest of that "
          + "ecosystem.")
      .fix("Add the required dependency named in the message to the build, and route the concern it covers through "
          + "it. If the repository does not need it, narrow or remove the policy entry through review.")
      .tags(RAIL_TAGS).build();

  public static final Rule WRAPPER_REQUIRED = Rule.builder("arch/wrapper/required", ArchScanner.FAMILY)
      .title("Class does not inject the wrapper the policy requires")
      .severity(Severity.MEDIUM).confidence(Confidence.MEDIUM).cwe("CWE-1061")
      .description("A class annotated with the annotation of a scanners.arch.require entry (for example "
          + "@RestController) has no field or constructor parameter of the required type (for example "
          + "com.acme.audit.AuditLogger), so the cross-cutting concern the wrapper implements is skipped in this "
          + "class. Subtypes of the required type count.")
      .fix("Inject the required type through the constructor and use it as the message says; if the class does not "
          + "need it, narrow the policy entry rather than adding an unused field.")
      .tags(RAIL_TAGS).build();

  public static final Rule AGENTS_STALE = Rule.builder("arch/agents/stale", ArchScanner.FAMILY)
      .title("Assistant instruction file does not carry the current policy rails")
      .severity(Severity.LOW).confidence(Confidence.HIGH)
      .description("An instruction file that coding assistants read (AGENTS.md, CLAUDE.md, GEMINI.md, "
          + ".github/copilot-instructions.md, .cursor/rules/shipgate.mdc, .windsurf/rules/shipgate.md) has no "
          + "shipgate-managed section, or its section was generated from a different policy or edited by hand, so "
          + "assistants are told rules that the gate no longer enforces (or not told the ones it does).")
      .fix("Run `shipgate agents` to rewrite the managed section from shipgate.yml (text outside the markers is "
          + "kept), and commit the result; `shipgate agents --check` verifies it in CI.")
      .tags("ssdf:PO.1.1", "ssdf:PW.5.1", "soc2:CC8.1").build();

  public static final List<Rule> ALL = List.of(IMPORT, TYPE, METHOD, CONSTRUCTOR, LAYER, DEPENDENCY_FORBIDDEN,
      DEPENDENCY_REQUIRED, WRAPPER_REQUIRED, AGENTS_STALE);
}
