package dev.switchboard.planner.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Text with placeholders over facts: {@code {{a | b | 'default'}}} takes the first alternative with
 * a value — a fact name, or a quoted literal. A string that is exactly one placeholder keeps the
 * fact's JSON type (a number stays a number). Double braces keep templates clear of Spring's {@code
 * ${...}}.
 */
public final class ArgumentTemplate {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}]*)}}");

  private ArgumentTemplate() {}

  /** One placeholder: its alternatives in order, each a fact name or a quoted literal. */
  public record Placeholder(List<String> alternatives) {
    public Placeholder {
      alternatives = List.copyOf(alternatives);
    }

    /** The fact names among the alternatives. */
    public List<String> facts() {
      return alternatives.stream().filter(a -> !isLiteral(a)).toList();
    }
  }

  /** The placeholders of a template, in order. */
  public static List<Placeholder> placeholders(String template) {
    List<Placeholder> found = new ArrayList<>();
    Matcher matcher = PLACEHOLDER.matcher(template);
    while (matcher.find()) {
      found.add(
          new Placeholder(
              Arrays.stream(matcher.group(1).split("\\|")).map(String::strip).toList()));
    }
    return found;
  }

  /** The placeholders of every string in a JSON tree (the arguments of a tool step). */
  public static List<Placeholder> placeholders(JsonNode arguments) {
    List<Placeholder> found = new ArrayList<>();
    collect(arguments, found);
    return found;
  }

  private static void collect(JsonNode node, List<Placeholder> found) {
    if (node == null) {
      return;
    }
    if (node.isString()) {
      found.addAll(placeholders(node.asString()));
    }
    node.values().forEach(child -> collect(child, found));
  }

  /** Text that a template cannot mean: braces left open, or a placeholder with nothing in it. */
  public static Optional<String> syntaxError(String template) {
    String outside = PLACEHOLDER.matcher(template).replaceAll("");
    if (outside.contains("{{") || outside.contains("}}")) {
      return Optional.of("has an unclosed '{{' or a stray '}}'");
    }
    for (Placeholder placeholder : placeholders(template)) {
      if (placeholder.alternatives().stream().anyMatch(String::isEmpty)) {
        return Optional.of("has an empty placeholder or alternative");
      }
    }
    return Optional.empty();
  }

  /** The fact a template is exactly, e.g. {@code "{{contact_email}}"} → contact_email. */
  public static Optional<String> soleFact(String template) {
    Matcher matcher = PLACEHOLDER.matcher(template.strip());
    if (matcher.matches()) {
      List<String> facts = placeholders(template).getFirst().alternatives();
      if (facts.size() == 1 && !isLiteral(facts.getFirst())) {
        return Optional.of(facts.getFirst());
      }
    }
    return Optional.empty();
  }

  public static boolean isLiteral(String alternative) {
    return alternative.length() >= 2
        && (alternative.startsWith("'") && alternative.endsWith("'")
            || alternative.startsWith("\"") && alternative.endsWith("\""));
  }

  /**
   * Fills every string of a JSON tree.
   *
   * @param facts a fact's value, empty when the goal does not have it
   */
  public static JsonNode render(JsonNode template, Function<String, Optional<JsonNode>> facts) {
    if (template == null || template.isNull()) {
      return JsonNodeFactory.instance.objectNode();
    }
    if (template.isString()) {
      return renderValue(template.asString(), facts);
    }
    if (template.isObject()) {
      ObjectNode rendered = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> field : template.properties()) {
        rendered.set(field.getKey(), render(field.getValue(), facts));
      }
      return rendered;
    }
    if (template.isArray()) {
      ArrayNode rendered = JsonNodeFactory.instance.arrayNode();
      template.values().forEach(item -> rendered.add(render(item, facts)));
      return rendered;
    }
    return template;
  }

  /** Fills one template to text. */
  public static String renderText(String template, Function<String, Optional<JsonNode>> facts) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder text = new StringBuilder();
    while (matcher.find()) {
      Optional<JsonNode> value =
          firstKnown(placeholders(matcher.group()).getFirst().alternatives(), facts);
      matcher.appendReplacement(
          text, Matcher.quoteReplacement(value.map(ArgumentTemplate::asText).orElse("")));
    }
    matcher.appendTail(text);
    return text.toString();
  }

  private static JsonNode renderValue(String template, Function<String, Optional<JsonNode>> facts) {
    Matcher matcher = PLACEHOLDER.matcher(template.strip());
    if (matcher.matches()) {
      Optional<JsonNode> value =
          firstKnown(placeholders(template).getFirst().alternatives(), facts);
      return value.orElse(StringNode.valueOf(""));
    }
    return StringNode.valueOf(renderText(template, facts));
  }

  private static Optional<JsonNode> firstKnown(
      List<String> alternatives, Function<String, Optional<JsonNode>> facts) {
    for (String alternative : alternatives) {
      if (isLiteral(alternative)) {
        return Optional.of(StringNode.valueOf(alternative.substring(1, alternative.length() - 1)));
      }
      Optional<JsonNode> value = facts.apply(alternative);
      if (value.isPresent()) {
        return value;
      }
    }
    return Optional.empty();
  }

  /** A fact as text: strings as they are, anything else as JSON. */
  public static String asText(JsonNode value) {
    return value.isValueNode() ? value.asString() : value.toString();
  }
}
