package dev.shipgate.scanner.deps.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipgate.scanner.deps.license.SpdxExpression.And;
import dev.shipgate.scanner.deps.license.SpdxExpression.License;
import dev.shipgate.scanner.deps.license.SpdxExpression.Or;
import dev.shipgate.scanner.deps.license.SpdxExpression.Ref;
import dev.shipgate.scanner.deps.license.SpdxExpression.With;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpdxExpressionTest {

  private static SpdxExpression parse(String s) throws SpdxExpression.ParseException {
    return SpdxExpression.parse(s);
  }

  private static License lic(String id) {
    return new License(id, false);
  }

  @org.junit.jupiter.api.Test
  void precedenceIsWithThenAndThenOr() throws Exception {
    assertThat(parse("MIT OR Apache-2.0 AND BSD-3-Clause"))
        .isEqualTo(new Or(List.of(lic("MIT"), new And(List.of(lic("Apache-2.0"), lic("BSD-3-Clause"))))));
    assertThat(parse("(MIT OR Apache-2.0) AND BSD-3-Clause"))
        .isEqualTo(new And(List.of(new Or(List.of(lic("MIT"), lic("Apache-2.0"))), lic("BSD-3-Clause"))));
    assertThat(parse("GPL-2.0-only WITH Classpath-exception-2.0 OR MIT"))
        .isEqualTo(new Or(List.of(new With(lic("GPL-2.0-only"), "Classpath-exception-2.0"), lic("MIT"))));
  }

  @org.junit.jupiter.api.Test
  void plusReferencesAndDocumentReferences() throws Exception {
    assertThat(parse("GPL-2.0+")).isEqualTo(new License("GPL-2.0", true));
    assertThat(parse("LicenseRef-acme-1.0")).isEqualTo(new Ref("", "acme-1.0"));
    assertThat(parse("DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2"))
        .isEqualTo(new Ref("spdx-tool-1.2", "MIT-Style-2"));
    assertThat(parse(" ( ( MIT ) ) ")).isEqualTo(lic("MIT"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''                                  | column 1: empty licence expression",
      "MIT OR                              | column 7: expected a licence at the end",
      "MIT and Apache-2.0                  | column 5: expected AND, OR or WITH before 'and'",
      "(MIT                                | column 5: expected ')' at the end",
      "MIT)                                | column 4: unbalanced ')'",
      "()                                  | column 2: expected a licence before ')'",
      "MIT WITH                            | column 9: expected an exception identifier after WITH at the end",
      "LicenseRef-x WITH Foo-exception     | column 1: WITH needs a licence identifier",
      "(MIT OR BSD-2-Clause) WITH Foo      | column 1: WITH needs a licence identifier",
      "MIT WITH OR                         | column 10: 'OR' is not an exception identifier",
      "LicenseRef-                         | column 1: 'LicenseRef-' is not LicenseRef-",
      "DocumentRef-x:MIT                   | column 1: 'DocumentRef-x:MIT' is not DocumentRef-<id>:LicenseRef-<id>",
      "MIT/Apache-2.0                      | column 4: unexpected character '/'",
      "SEE LICENSE IN LICENSE.md           | column 5: expected AND, OR or WITH before 'LICENSE'",
      "AND MIT                             | column 1: expected a licence, found the operator AND",
      "or                                  | column 1: operators are written in upper case: OR",
      "MIT++                               | column 1: 'MIT++' is not a licence identifier",
      "-MIT                                | column 1: '-MIT' is not a licence identifier"})
  void malformedExpressionsNameTheColumn(String text, String message) {
    assertThatThrownBy(() -> parse(text)).isInstanceOf(SpdxExpression.ParseException.class).hasMessageStartingWith(message);
  }

  @org.junit.jupiter.api.Test
  void hostileInputIsRefusedNotOverflowed() {
    assertThatThrownBy(() -> parse("(".repeat(10_000) + "MIT" + ")".repeat(10_000)))
        .isInstanceOf(SpdxExpression.ParseException.class).hasMessageContaining("longer than");
    assertThatThrownBy(() -> parse("(".repeat(100) + "MIT" + ")".repeat(100)))
        .isInstanceOf(SpdxExpression.ParseException.class).hasMessageContaining("nested deeper than 64");
  }

  @org.junit.jupiter.api.Test
  void satisfiableChoosesOneOperandOfEveryOr() throws Exception {
    SpdxExpression e = parse("(MIT OR GPL-3.0-only) AND (Apache-2.0 OR AGPL-3.0-only)");
    assertThat(e.satisfiable(l -> !SpdxExpression.idOf(l).contains("GPL"))).isTrue();
    assertThat(parse("GPL-3.0-only AND MIT").satisfiable(l -> !SpdxExpression.idOf(l).contains("GPL"))).isFalse();
    assertThat(e.leaves()).extracting(Object::toString).containsExactly("MIT", "GPL-3.0-only", "Apache-2.0", "AGPL-3.0-only");
  }

  /** Printing an expression and parsing the text again gives the same tree. */
  @Property(tries = 500)
  void printingThenParsingIsTheIdentity(@ForAll("expressions") SpdxExpression e) throws Exception {
    assertThat(parse(e.toString())).isEqualTo(e);
  }

  /** Any text either parses or fails with a positioned ParseException; nothing else escapes. */
  @Property(tries = 2000)
  void arbitraryTextNeverThrowsAnythingElse(@ForAll("noise") String text) {
    try {
      SpdxExpression e = parse(text);
      assertThat(parse(e.toString())).isEqualTo(e);
    } catch (SpdxExpression.ParseException ex) {
      assertThat(ex.column()).isBetween(1, text.length() + 1);
    }
  }

  /** OR is commutative for satisfiability, AND requires every operand. */
  @Property(tries = 300)
  void satisfiabilityFollowsTheOperators(@ForAll("expressions") SpdxExpression a, @ForAll("expressions") SpdxExpression b) {
    java.util.function.Predicate<SpdxExpression> noGpl = l -> !SpdxExpression.idOf(l).startsWith("GPL");
    assertThat(new Or(List.of(a, b)).satisfiable(noGpl)).isEqualTo(a.satisfiable(noGpl) || b.satisfiable(noGpl));
    assertThat(new And(List.of(a, b)).satisfiable(noGpl)).isEqualTo(a.satisfiable(noGpl) && b.satisfiable(noGpl));
  }

  @Provide
  Arbitrary<SpdxExpression> expressions() {
    Arbitrary<SpdxExpression> license = Arbitraries.of("MIT", "Apache-2.0", "GPL-2.0", "GPL-3.0-only", "BSD-3-Clause", "LGPL-2.1", "0BSD")
        .flatMap(id -> Arbitraries.of(true, false).map(plus -> new License(id, plus)));
    Arbitrary<SpdxExpression> ref = Arbitraries.of("acme", "x.1", "Custom-2").flatMap(r ->
        Arbitraries.of("", "doc-1").map(d -> new Ref(d, r)));
    Arbitrary<SpdxExpression> with = Arbitraries.of("GPL-2.0-only", "Apache-2.0")
        .flatMap(id -> Arbitraries.of("Classpath-exception-2.0", "LLVM-exception").map(x -> new With(new License(id, false), x)));
    Arbitrary<SpdxExpression> leaf = Arbitraries.oneOf(license, ref, with);
    // Trees up to four levels deep: each level wraps lists of the level below in AND or OR.
    return Arbitraries.recursive(() -> leaf, inner -> Arbitraries.oneOf(inner,
        inner.list().ofMinSize(2).ofMaxSize(3).map(ops -> (SpdxExpression) new And(new ArrayList<>(ops))),
        inner.list().ofMinSize(2).ofMaxSize(3).map(ops -> (SpdxExpression) new Or(new ArrayList<>(ops)))), 0, 4);
  }

  @Provide
  Arbitrary<String> noise() {
    return Arbitraries.strings().withChars("MITAGPL-.0123+ ()ORANDWITHLicenseRef:Doc/").ofMaxLength(40);
  }
}
