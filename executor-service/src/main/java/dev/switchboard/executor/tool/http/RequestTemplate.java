package dev.switchboard.executor.tool.http;

import dev.switchboard.executor.tool.ToolFailure;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fills {@code {argument}} placeholders of an HTTP tool's URL (URL-encoded) and JSON body from a
 * call's arguments: a body string that is exactly one placeholder takes the argument's JSON value
 * (number, object…), any other string gets the argument's text.
 */
final class RequestTemplate {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.-]+)}");

  private RequestTemplate() {}

  /** The argument names a template refers to, in order. */
  static Set<String> placeholders(String url, JsonNode body) {
    Set<String> names = new LinkedHashSet<>();
    collect(url, names);
    collect(body, names);
    return names;
  }

  static String url(String template, JsonNode arguments) throws ToolFailure {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder filled = new StringBuilder();
    while (matcher.find()) {
      String value = text(argument(arguments, matcher.group(1)));
      matcher.appendReplacement(
          filled,
          Matcher.quoteReplacement(
              URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
    }
    matcher.appendTail(filled);
    return filled.toString();
  }

  static JsonNode body(JsonNode template, JsonNode arguments) throws ToolFailure {
    if (template.isString()) {
      String text = template.asString();
      Matcher whole = PLACEHOLDER.matcher(text);
      if (whole.matches()) {
        return argument(arguments, whole.group(1));
      }
      Matcher matcher = PLACEHOLDER.matcher(text);
      StringBuilder filled = new StringBuilder();
      while (matcher.find()) {
        matcher.appendReplacement(
            filled, Matcher.quoteReplacement(text(argument(arguments, matcher.group(1)))));
      }
      matcher.appendTail(filled);
      return JsonNodeFactory.instance.stringNode(filled.toString());
    }
    if (template.isObject()) {
      ObjectNode filled = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> field : template.properties()) {
        filled.set(field.getKey(), body(field.getValue(), arguments));
      }
      return filled;
    }
    if (template.isArray()) {
      ArrayNode filled = JsonNodeFactory.instance.arrayNode();
      for (JsonNode item : template.values()) {
        filled.add(body(item, arguments));
      }
      return filled;
    }
    return template;
  }

  private static JsonNode argument(JsonNode arguments, String name) throws ToolFailure {
    JsonNode value = arguments == null ? null : arguments.get(name);
    if (value == null || value.isNull()) {
      throw new ToolFailure("argument '" + name + "' is required");
    }
    return value;
  }

  private static String text(JsonNode value) {
    return value.isValueNode() ? value.asString() : value.toString();
  }

  private static void collect(String text, Set<String> names) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
  }

  private static void collect(JsonNode node, Set<String> names) {
    if (node == null) {
      return;
    }
    if (node.isString()) {
      collect(node.asString(), names);
    }
    for (JsonNode child : node.values()) {
      collect(child, names);
    }
  }
}
