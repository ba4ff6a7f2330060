package dev.switchboard.executor.tool;

import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Keeps tool outputs within a size, so one chatty tool cannot make a result event too large for
 * Kafka: a larger output becomes {@code {"truncated": true, "originalBytes": N, "text": "<its
 * beginning>… [truncated: N bytes in all]"}}, the beginning taken from its text (a text output) or
 * its JSON.
 */
public final class OutputLimit {
  /** Room for the marker fields around the kept text. */
  private static final int MARKER_BYTES = 120;

  private final int maxBytes;
  private final JsonMapper mapper;

  public OutputLimit(int maxBytes, JsonMapper mapper) {
    if (maxBytes < 2 * MARKER_BYTES) {
      throw new IllegalArgumentException(
          "max-result-bytes must be at least " + 2 * MARKER_BYTES + ": " + maxBytes);
    }
    this.maxBytes = maxBytes;
    this.mapper = mapper;
  }

  public int maxBytes() {
    return maxBytes;
  }

  public JsonNode apply(JsonNode output) {
    byte[] json = mapper.writeValueAsBytes(output);
    if (json.length <= maxBytes) {
      return output;
    }
    JsonNode text = output.path("text");
    String whole =
        output.isObject() && output.size() == 1 && text.isString()
            ? text.asString()
            : new String(json, StandardCharsets.UTF_8);
    String kept = prefix(whole, maxBytes - MARKER_BYTES);
    // Escapes (quotes, newlines) can grow the kept text once written as JSON: shrink until it fits.
    while (true) {
      JsonNode cut =
          JsonNodeFactory.instance
              .objectNode()
              .put("truncated", true)
              .put("originalBytes", json.length)
              .put("text", kept + "… [truncated: " + json.length + " bytes in all]");
      if (mapper.writeValueAsBytes(cut).length <= maxBytes || kept.isEmpty()) {
        return cut;
      }
      kept = prefix(kept, kept.getBytes(StandardCharsets.UTF_8).length * 3 / 4);
    }
  }

  /** The longest beginning of {@code text} within {@code bytes} UTF-8 bytes, whole code points. */
  private static String prefix(String text, int bytes) {
    int used = 0;
    int end = 0;
    while (end < text.length()) {
      int codePoint = text.codePointAt(end);
      int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
      if (used + size > bytes) {
        break;
      }
      used += size;
      end += Character.charCount(codePoint);
    }
    return text.substring(0, end);
  }
}
