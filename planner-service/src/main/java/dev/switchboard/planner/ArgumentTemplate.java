package dev.switchboard.planner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fills a step's argument templates from what the goal knows. A placeholder {@code {{a | b}}} takes
 * the first reference with a value: {@code description}, {@code inputs.<name>} or {@code
 * step-<n>.<field>}. Double braces keep the templates clear of Spring's {@code ${...}}.
 */
final class ArgumentTemplate {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}]*)}}");

  private ArgumentTemplate() {}

  /**
   * @param missing placeholders no reference could fill, as written; empty when all were filled
   */
  record Rendered(ObjectNode arguments, List<String> missing) {}

  static Rendered render(Map<String, String> templates, Function<String, Optional<String>> facts) {
    ObjectNode arguments = JsonNodeFactory.instance.objectNode();
    List<String> missing = new ArrayList<>();
    new TreeMap<>(templates)
        .forEach((name, template) -> arguments.put(name, fill(template, facts, missing)));
    return new Rendered(arguments, missing.stream().distinct().toList());
  }

  private static String fill(
      String template, Function<String, Optional<String>> facts, List<String> missing) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder text = new StringBuilder();
    while (matcher.find()) {
      String references = matcher.group(1);
      Optional<String> value = firstKnown(references, facts);
      if (value.isEmpty()) {
        missing.add(references.strip());
      }
      matcher.appendReplacement(text, Matcher.quoteReplacement(value.orElse("")));
    }
    matcher.appendTail(text);
    return text.toString();
  }

  private static Optional<String> firstKnown(
      String references, Function<String, Optional<String>> facts) {
    for (String reference : references.split("\\|")) {
      Optional<String> value = facts.apply(reference.strip()).filter(text -> !text.isBlank());
      if (value.isPresent()) {
        return value;
      }
    }
    return Optional.empty();
  }
}
