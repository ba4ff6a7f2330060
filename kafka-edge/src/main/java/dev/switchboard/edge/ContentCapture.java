package dev.switchboard.edge;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Whether prompts, model outputs, tool arguments and results go into spans ({@code
 * switchboard.tracing.capture-content}, off by default: they can hold personal data). Even when on,
 * a field whose name says it holds a secret or a signature is replaced by {@value #REDACTED}, and a
 * long value is cut.
 */
public final class ContentCapture {
  static final String REDACTED = "[redacted]";

  /**
   * How the names (lower case, without '_' and '-') of fields that hold what a trace must never
   * show end: {@code api_key}, {@code accessToken}, {@code client-secret}; not {@code inputTokens}.
   */
  private static final List<String> SECRET_NAMES =
      List.of(
          "password",
          "passwd",
          "secret",
          "token",
          "apikey",
          "authorization",
          "credential",
          "credentials",
          "signature",
          "privatekey",
          "cookie");

  private static final int MAX_CHARS = 8192;
  private static final ContentCapture OFF = new ContentCapture(false);
  private static final ContentCapture ON = new ContentCapture(true);

  private final boolean enabled;

  private ContentCapture(boolean enabled) {
    this.enabled = enabled;
  }

  public static ContentCapture of(boolean enabled) {
    return enabled ? ON : OFF;
  }

  public static ContentCapture off() {
    return OFF;
  }

  public boolean enabled() {
    return enabled;
  }

  /** The content as an attribute value, secrets redacted; empty when capture is off. */
  public Optional<String> of(JsonNode content) {
    if (!enabled || content == null || content.isNull() || content.isMissingNode()) {
      return Optional.empty();
    }
    String text = redacted(content).toString();
    return Optional.of(text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS) + "…");
  }

  private static JsonNode redacted(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = ((ObjectNode) node).objectNode();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        if (isSecret(field.getKey())) {
          copy.put(field.getKey(), REDACTED);
        } else {
          copy.set(field.getKey(), redacted(field.getValue()));
        }
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = ((ArrayNode) node).arrayNode();
      node.values().forEach(value -> copy.add(redacted(value)));
      return copy;
    }
    return node;
  }

  static boolean isSecret(String fieldName) {
    String name = fieldName.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    return SECRET_NAMES.stream().anyMatch(name::endsWith);
  }
}
