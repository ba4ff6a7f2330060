package dev.switchboard.handoff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What an edit changes in an action's arguments, field by field: nested objects by dotted path,
 * arrays and other values as a whole. This is what the person confirms before approving an edit.
 */
final class ArgumentsDiff {
  private ArgumentsDiff() {}

  /** One changed field; {@code before} or {@code after} is null when it was added or removed. */
  record Change(String path, String before, String after) {
    public String kind() {
      return before == null ? "added" : after == null ? "removed" : "changed";
    }
  }

  static List<Change> between(JsonNode before, JsonNode after) {
    Map<String, String> old = flatten(before);
    Map<String, String> changed = flatten(after);
    Set<String> paths = new LinkedHashSet<>(old.keySet());
    paths.addAll(changed.keySet());
    List<Change> changes = new ArrayList<>();
    for (String path : paths) {
      String was = old.get(path);
      String is = changed.get(path);
      if (was == null ? is != null : !was.equals(is)) {
        changes.add(new Change(path, was, is));
      }
    }
    return changes;
  }

  private static Map<String, String> flatten(JsonNode node) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (node != null && node.isObject()) {
      flatten("", node, fields);
    } else if (node != null && !node.isNull()) {
      fields.put("(value)", text(node));
    }
    return fields;
  }

  private static void flatten(String prefix, JsonNode object, Map<String, String> fields) {
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
      if (field.getValue().isObject() && !field.getValue().isEmpty()) {
        flatten(path, field.getValue(), fields);
      } else {
        fields.put(path, text(field.getValue()));
      }
    }
  }

  /** Strings as they read, everything else as JSON. */
  private static String text(JsonNode value) {
    return value.isString() ? value.asString() : value.toString();
  }
}
