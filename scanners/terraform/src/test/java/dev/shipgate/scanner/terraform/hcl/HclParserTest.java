package dev.shipgate.scanner.terraform.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class HclParserTest {

  @Test
  void blocksAndAttributesKeepTheirOffsets() throws Exception {
    String text = "# c\nresource \"aws_s3_bucket\" \"b\" {\n  acl = \"private\"\n  nested {\n    x = 1\n  }\n}\n";
    Body body = HclParser.parse(text);
    Block b = body.blocks().get(0);
    assertThat(b.type()).isEqualTo("resource");
    assertThat(b.labels()).containsExactly("aws_s3_bucket", "b");
    assertThat(b.start()).isEqualTo(text.indexOf("resource"));
    assertThat(b.open()).isEqualTo(text.indexOf('{'));
    assertThat(b.close()).isEqualTo(text.lastIndexOf('}'));
    Attribute acl = b.attribute("acl");
    assertThat(acl.start()).isEqualTo(text.indexOf("acl"));
    assertThat(text.substring(acl.value().start(), acl.value().end())).isEqualTo("\"private\"");
    assertThat(((Expr.Literal) acl.value()).value()).isEqualTo("private");
    assertThat(b.block("nested").attribute("x").value()).isEqualTo(new Expr.Literal(new BigDecimal("1"), text.indexOf("1"), text.indexOf("1") + 1));
  }

  @Test
  void expressionsAreClassified() throws Exception {
    Body body = HclParser.parse("""
        locals {
          ref   = var.cidr
          old   = "${var.cidr}"
          tmpl  = "${var.env}-x"
          call  = jsonencode({ a = 1 })
          tuple = ["a", 2, true, null]
          cond  = var.x ? "a" : "b"
          sum   = 1 + 2
          for   = [for s in var.l : s]
          splat = aws_instance.a[*].id
          index = var.list[0]
          neg   = -5
          not   = !true
          paren = (1)
          esc   = "a\\"b\\n$${x}"
        }
        """);
    Body locals = body.blocks().get(0).body();
    assertThat(locals.attribute("ref").value()).isInstanceOfSatisfying(Expr.Reference.class, r -> assertThat(r.path()).isEqualTo("var.cidr"));
    assertThat(locals.attribute("old").value()).isInstanceOfSatisfying(Expr.Reference.class, r -> assertThat(r.path()).isEqualTo("var.cidr"));
    assertThat(locals.attribute("tmpl").value()).isInstanceOfSatisfying(Expr.Template.class, t -> assertThat(t.text()).isEqualTo("${var.env}-x"));
    assertThat(locals.attribute("call").value()).isInstanceOfSatisfying(Expr.Call.class, c -> {
      assertThat(c.name()).isEqualTo("jsonencode");
      assertThat(c.args()).singleElement().isInstanceOf(Expr.ObjectExpr.class);
    });
    assertThat(locals.attribute("tuple").value()).isInstanceOfSatisfying(Expr.Tuple.class, t -> assertThat(t.items()).hasSize(4));
    for (String other : new String[] {"cond", "sum", "for", "splat", "not", "paren"}) {
      assertThat(locals.attribute(other).value()).as(other).isInstanceOf(Expr.Other.class);
    }
    assertThat(locals.attribute("index").value()).isInstanceOfSatisfying(Expr.Reference.class, r -> assertThat(r.path()).isEqualTo("var.list[0]"));
    assertThat(((Expr.Literal) locals.attribute("neg").value()).value()).isEqualTo(new BigDecimal("-5"));
    assertThat(((Expr.Literal) locals.attribute("esc").value()).value()).isEqualTo("a\"b\n${x}");
  }

  @Test
  void heredocsAreDecodedAndIndentedOnesStripped() throws Exception {
    String text = "a = <<EOT\n  x\n y\nEOT\nb = <<-EOT\n    {\"k\": 1}\n      z\n    EOT\nc = 1\n";
    Body body = HclParser.parse(text);
    assertThat(((Expr.Literal) body.attribute("a").value()).value()).isEqualTo("  x\n y\n");
    assertThat(((Expr.Literal) body.attribute("b").value()).value()).isEqualTo("{\"k\": 1}\n  z\n");
    assertThat(body.attribute("c")).isNotNull();
  }

  @Test
  void jsonParsesAsAnExpression() throws Exception {
    Expr e = HclParser.parseExpression("{\n \"Version\": \"2012-10-17\",\n \"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\"s3:*\"]}]\n}\n");
    assertThat(e).isInstanceOfSatisfying(Expr.ObjectExpr.class, o -> {
      assertThat(o.get("Version")).isInstanceOf(Expr.Literal.class);
      assertThat(o.get("Statement")).isInstanceOf(Expr.Tuple.class);
    });
  }

  @Test
  void nestedStringsAndBracesInsideInterpolationsDoNotEndTheString() throws Exception {
    Body body = HclParser.parse("a = \"${lookup({ \"k\" = \"}\" }, \"k\", \"{\")}\"\nb = 2\n");
    assertThat(body.attribute("a").value()).isInstanceOf(Expr.Template.class);
    assertThat(body.attribute("b")).isNotNull();
  }

  @Test
  void commentsOfAllThreeKindsAreIgnored() throws Exception {
    Body body = HclParser.parse("/* a\n b */\na = 1 # x\n// y\nb = 2 /* z */\n");
    assertThat(body.attributes()).extracting(Attribute::name).containsExactly("a", "b");
  }

  @Test
  void oneLineBlocksAndObjectsWithCommasOrNewlines() throws Exception {
    Body body = HclParser.parse("a \"x\" { b = 1 }\nc = { d = 1, e = 2 }\nf = {\n  g = 1\n  \"h\" : 2\n}\n");
    assertThat(body.blocks().get(0).attribute("b")).isNotNull();
    assertThat(((Expr.ObjectExpr) body.attribute("c").value()).items()).hasSize(2);
    assertThat(((Expr.ObjectExpr) body.attribute("f").value()).get("h")).isNotNull();
  }

  @Test
  void errorsCarryTheOffsetOfTheProblem() {
    String text = "a {\n  b = \n}\n";
    assertThatThrownBy(() -> HclParser.parse(text)).isInstanceOfSatisfying(HclException.class,
        e -> assertThat(e.offset()).isEqualTo(text.indexOf("b = ") + 4));
  }
}
