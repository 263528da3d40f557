package dev.shipgate.scanner.deps.extract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A JSON tree that remembers the line each object or array starts on, for lockfiles whose packages must be
 * reported at their line.
 */
final class LocatedJson {

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
      .build();
  /** bun.lock is JSON with trailing commas (and allows comments). */
  private static final JsonFactory LENIENT = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
      .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_TRAILING_COMMA)
      .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_JAVA_COMMENTS)
      .build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final JsonNode root;
  private final Map<JsonNode, Integer> lines;

  private LocatedJson(JsonNode root, Map<JsonNode, Integer> lines) {
    this.root = root;
    this.lines = lines;
  }

  /** Parses {@code text}; malformed JSON fails with the line of the problem. */
  static LocatedJson parse(String text) throws ExtractException {
    return parse(text, false);
  }

  static LocatedJson parse(String text, boolean lenient) throws ExtractException {
    if (text.isBlank()) {
      throw new ExtractException(1, "empty file: expected a JSON object");
    }
    Map<JsonNode, Integer> lines = new IdentityHashMap<>();
    JsonParser p;
    try {
      p = (lenient ? LENIENT : FACTORY).createParser(text);
    } catch (IOException e) {
      throw new ExtractException(0, "unreadable JSON: " + e.getMessage(), e);
    }
    try (p) {
      JsonToken t = p.nextToken();
      JsonNode root = read(p, t, lines);
      if (p.nextToken() != null) {
        throw new ExtractException(p.currentTokenLocation().getLineNr(), "unexpected content after the JSON document");
      }
      return new LocatedJson(root, lines);
    } catch (JsonProcessingException e) {
      // Constraint violations (nesting depth) carry no location; the parser still knows where it stopped.
      int line = e.getLocation() != null ? e.getLocation().getLineNr() : p.currentLocation().getLineNr();
      throw new ExtractException(line, "malformed JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ExtractException(0, "unreadable JSON: " + e.getMessage(), e);
    }
  }

  private static JsonNode read(JsonParser p, JsonToken t, Map<JsonNode, Integer> lines) throws IOException {
    int line = p.currentTokenLocation().getLineNr();
    switch (t) {
      case START_OBJECT -> {
        ObjectNode o = NODES.objectNode();
        lines.put(o, line);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          o.set(key, read(p, p.nextToken(), lines));
        }
        return o;
      }
      case START_ARRAY -> {
        ArrayNode a = NODES.arrayNode();
        lines.put(a, line);
        JsonToken n;
        while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
          a.add(read(p, n, lines));
        }
        return a;
      }
      case VALUE_STRING -> {
        return NODES.textNode(p.getText());
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return NODES.textNode(p.getText());
      }
      case VALUE_TRUE -> {
        return NODES.booleanNode(true);
      }
      case VALUE_FALSE -> {
        return NODES.booleanNode(false);
      }
      case VALUE_NULL -> {
        return NODES.nullNode();
      }
      default -> throw new JsonProcessingException("unexpected token " + t, p.currentTokenLocation()) {
        private static final long serialVersionUID = 1L;
      };
    }
  }

  JsonNode root() {
    return root;
  }

  /** The line an object or array starts on, 0 for scalars. */
  int line(JsonNode node) {
    return lines.getOrDefault(node, 0);
  }

  /** The object at {@code root}, or a positioned error naming what the format expects. */
  ObjectNode rootObject(String what) throws ExtractException {
    if (!(root instanceof ObjectNode o)) {
      throw new ExtractException(1, what + " must be a JSON object");
    }
    return o;
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || !v.isValueNode() || v.isNull() ? "" : v.asText();
  }

  /**
   * The {@code license} of a lockfile entry as one SPDX expression: a string as written; composer's array of
   * alternatives joined with {@code OR} (composer documents a list as "any of"); npm's legacy {@code {"type": ...}}
   * object; empty when absent.
   */
  static String license(JsonNode entry) {
    JsonNode v = entry == null ? null : entry.get("license");
    if (v == null || v.isNull()) {
      return "";
    }
    if (v.isObject()) {
      return text(v, "type");
    }
    if (v.isArray()) {
      java.util.List<String> parts = new java.util.ArrayList<>();
      for (JsonNode n : v) {
        String one = n.isObject() ? text(n, "type") : n.isValueNode() ? n.asText().strip() : "";
        if (!one.isEmpty()) {
          parts.add(v.size() > 1 && one.contains(" ") ? "(" + one + ")" : one);
        }
      }
      return String.join(" OR ", parts);
    }
    return v.isValueNode() ? v.asText() : "";
  }

  static boolean flag(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v != null && v.isBoolean() && v.booleanValue();
  }
}
