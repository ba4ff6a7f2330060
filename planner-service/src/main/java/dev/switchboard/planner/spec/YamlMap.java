package dev.switchboard.planner.spec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping read field by field: each value comes with its path ({@code sop[2].tool}) and its
 * position, so every complaint names both. Wrong types, unknown and repeated keys are reported, not
 * thrown: one pass finds every problem of a file.
 */
final class YamlMap {
  private final MappingNode node;
  private final String path;
  private final SpecProblems problems;
  private final Map<String, Node> values = new LinkedHashMap<>();
  private final Map<String, Node> keys = new LinkedHashMap<>();

  private YamlMap(MappingNode node, String path, SpecProblems problems) {
    this.node = node;
    this.path = path;
    this.problems = problems;
    for (NodeTuple tuple : node.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        problems.at(tuple.getKeyNode(), path, "keys must be plain names");
        continue;
      }
      if (values.containsKey(key.getValue())) {
        problems.at(key, pathOf(key.getValue()), "appears twice");
        continue;
      }
      values.put(key.getValue(), tuple.getValueNode());
      keys.put(key.getValue(), key);
    }
  }

  /** The mapping at {@code node}, or empty (and a problem) when it is something else. */
  static Optional<YamlMap> of(Node node, String path, SpecProblems problems) {
    if (node instanceof MappingNode mapping) {
      return Optional.of(new YamlMap(mapping, path, problems));
    }
    problems.at(node, path, "must be a mapping of fields");
    return Optional.empty();
  }

  Node node() {
    return node;
  }

  String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  boolean has(String key) {
    return values.containsKey(key) && !isNull(values.get(key));
  }

  Optional<Node> value(String key) {
    return has(key) ? Optional.of(values.get(key)) : Optional.empty();
  }

  Map<String, Node> entries() {
    return values;
  }

  Node keyNode(String key) {
    return keys.get(key);
  }

  void allowOnly(Set<String> allowed) {
    keys.forEach(
        (key, keyNode) -> {
          if (!allowed.contains(key)) {
            problems.at(
                keyNode,
                pathOf(key),
                "unknown field; expected one of: " + String.join(", ", new TreeSet<>(allowed)));
          }
        });
  }

  Optional<String> text(String key) {
    Optional<Node> value = value(key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.get() instanceof ScalarNode scalar) {
      if (scalar.getValue().isBlank()) {
        problems.at(scalar, pathOf(key), "must not be blank");
        return Optional.empty();
      }
      return Optional.of(scalar.getValue());
    }
    problems.at(value.get(), pathOf(key), "must be text");
    return Optional.empty();
  }

  Optional<String> requiredText(String key) {
    if (!has(key)) {
      problems.at(node, pathOf(key), "is required");
      return Optional.empty();
    }
    return text(key);
  }

  List<String> textList(String key) {
    Optional<Node> value = value(key);
    if (value.isEmpty()) {
      return List.of();
    }
    if (!(value.get() instanceof SequenceNode sequence)) {
      problems.at(value.get(), pathOf(key), "must be a list");
      return List.of();
    }
    List<String> items = new ArrayList<>();
    for (int i = 0; i < sequence.getValue().size(); i++) {
      Node item = sequence.getValue().get(i);
      String itemPath = pathOf(key) + "[" + i + "]";
      if (item instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
        if (items.contains(scalar.getValue())) {
          problems.at(item, itemPath, "'" + scalar.getValue() + "' is listed twice");
        } else {
          items.add(scalar.getValue());
        }
      } else {
        problems.at(item, itemPath, "must be non-blank text");
      }
    }
    return items;
  }

  Optional<Boolean> bool(String key) {
    return scalar(key, Tag.BOOL, "must be true or false").map(Boolean::parseBoolean);
  }

  Optional<Integer> positiveInt(String key) {
    return scalar(key, Tag.INT, "must be a whole number")
        .flatMap(
            text -> {
              try {
                int number = Integer.parseInt(text);
                if (number > 0) {
                  return Optional.of(number);
                }
              } catch (NumberFormatException e) {
                // reported below
              }
              problems.at(values.get(key), pathOf(key), "must be a whole number above 0");
              return Optional.empty();
            });
  }

  Optional<BigDecimal> decimal(String key, String rule) {
    Optional<Node> value = value(key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.get() instanceof ScalarNode scalar
        && (scalar.getTag().equals(Tag.INT) || scalar.getTag().equals(Tag.FLOAT))) {
      try {
        BigDecimal number = new BigDecimal(scalar.getValue());
        if (number.signum() >= 0) {
          return Optional.of(number);
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    problems.at(value.get(), pathOf(key), rule);
    return Optional.empty();
  }

  private Optional<String> scalar(String key, Tag tag, String rule) {
    Optional<Node> value = value(key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.get() instanceof ScalarNode scalar && scalar.getTag().equals(tag)) {
      return Optional.of(scalar.getValue());
    }
    problems.at(value.get(), pathOf(key), rule);
    return Optional.empty();
  }

  static boolean isNull(Node node) {
    return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
  }
}
