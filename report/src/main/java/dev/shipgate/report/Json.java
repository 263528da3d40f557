package dev.shipgate.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Jackson streaming set-up shared by the JSON and SARIF writers. */
final class Json {

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
      .build();

  private Json() {}

  /** A pretty-printing generator with {@code \n} line ends on every OS; it leaves {@code out} open. */
  static JsonGenerator generator(Writer out) throws IOException {
    JsonGenerator g = FACTORY.createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    pp.indentObjectsWith(indenter);
    pp.indentArraysWith(indenter);
    g.setPrettyPrinter(pp);
    return g;
  }

  /** Writes text cleaned of control characters (tabs and newlines stay; JSON escapes them). */
  static void text(JsonGenerator g, String field, String value) throws IOException {
    g.writeStringField(field, Text.clean(value));
  }

  static void textOrNull(JsonGenerator g, String field, String value) throws IOException {
    if (value == null) {
      g.writeNullField(field);
    } else {
      text(g, field, value);
    }
  }

  static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) {
      g.writeString(Text.clean(v));
    }
    g.writeEndArray();
  }

  /** An object with sorted keys, so output never depends on map iteration order. */
  static void sortedMap(JsonGenerator g, String field, Map<String, String> map) throws IOException {
    g.writeObjectFieldStart(field);
    for (Map.Entry<String, String> e : new TreeMap<>(map).entrySet()) {
      g.writeStringField(Text.clean(e.getKey()), Text.clean(e.getValue()));
    }
    g.writeEndObject();
  }
}
