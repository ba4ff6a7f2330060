package dev.switchboard.planner;

import dev.switchboard.planner.spec.ArgumentTemplate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.StringNode;

/**
 * Facts from what a run returned, or what a person answered: each produced fact is the value at its
 * field path in the result. A person may answer with a JSON object (its fields are read as a
 * result) or with text (the one fact a step produces, or the field {@code answer}).
 */
final class AnswerFacts {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private AnswerFacts() {}

  /** A person's answer as a result: a JSON object as it is, anything else as {@code answer}. */
  static JsonNode asResult(String answer) {
    Optional<JsonNode> object = jsonObject(answer);
    return object.orElseGet(() -> JsonNodeFactory.instance.objectNode().put("answer", answer));
  }

  static Optional<JsonNode> jsonObject(String text) {
    if (text == null || !text.strip().startsWith("{")) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(text);
      return node.isObject() ? Optional.of(node) : Optional.empty();
    } catch (JacksonException e) {
      return Optional.empty();
    }
  }

  /**
   * @param produces fact name → field path (dotted) in the result
   * @param answerText when the result is a person's text answer and the step produces one fact,
   *     that fact is the text
   */
  static Map<String, JsonNode> from(
      Map<String, String> produces, JsonNode result, String answerText) {
    Map<String, JsonNode> facts = new LinkedHashMap<>();
    if (answerText != null && jsonObject(answerText).isEmpty() && produces.size() == 1) {
      facts.put(produces.keySet().iterator().next(), StringNode.valueOf(answerText));
      return facts;
    }
    produces.forEach((fact, path) -> at(result, path).ifPresent(value -> facts.put(fact, value)));
    return facts;
  }

  /** Every field of a JSON object answer, as facts by the field's name. */
  static Map<String, JsonNode> fields(String answer) {
    Map<String, JsonNode> facts = new LinkedHashMap<>();
    jsonObject(answer)
        .ifPresent(object -> object.properties().forEach(e -> facts.put(e.getKey(), e.getValue())));
    return facts;
  }

  private static Optional<JsonNode> at(JsonNode result, String path) {
    JsonNode node = result;
    for (String part : path.split("\\.")) {
      if (node == null || !node.isObject()) {
        return Optional.empty();
      }
      node = node.get(part);
    }
    if (node == null || node.isNull() || node.isMissingNode()) {
      return Optional.empty();
    }
    return node.isValueNode() && ArgumentTemplate.asText(node).isBlank()
        ? Optional.empty()
        : Optional.of(node);
  }
}
