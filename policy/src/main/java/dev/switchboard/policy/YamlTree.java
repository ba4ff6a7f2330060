package dev.switchboard.policy;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML file read as nodes that remember their line, so every complaint about a policy or a test
 * case can say where it is. Problems are collected, not thrown one by one.
 */
final class YamlTree {
  private final String file;
  private final List<PolicyProblem> problems;

  YamlTree(String file, List<PolicyProblem> problems) {
    this.file = file;
    this.problems = problems;
  }

  /** The document's root node, or null (with a problem) when it is not YAML or is empty. */
  Node root(String content) {
    try {
      Node root =
          new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(content));
      if (root == null) {
        problem(0, "is empty");
      }
      return root;
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      problem(line, "is not valid YAML: " + e.getProblem());
      return null;
    } catch (YAMLException e) {
      problem(0, "is not valid YAML: " + e.getMessage());
      return null;
    }
  }

  /**
   * The entries of a mapping node by key, complaining about duplicate and unknown keys; null when
   * the node is not a mapping.
   */
  Map<String, Node> mapping(Node node, String what, Set<String> allowed) {
    if (!(node instanceof MappingNode mapping)) {
      problem(line(node), what + " must be a mapping");
      return null;
    }
    Map<String, Node> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      String key = scalar(tuple.getKeyNode(), what + " key");
      if (key == null) {
        continue;
      }
      if (allowed != null && !allowed.contains(key)) {
        problem(
            line(tuple.getKeyNode()),
            what + " has no field '" + key + "'; known: " + new TreeSet<>(allowed));
      } else if (entries.put(key, tuple.getValueNode()) != null) {
        problem(line(tuple.getKeyNode()), what + " has '" + key + "' twice");
      }
    }
    return entries;
  }

  /** The items of a sequence node, or null (with a problem) when it is not one. */
  List<Node> sequence(Node node, String what) {
    if (node instanceof SequenceNode sequence) {
      return sequence.getValue();
    }
    problem(line(node), what + " must be a list");
    return null;
  }

  /** A scalar's text, or null (with a problem) when the node is not a scalar. */
  String scalar(Node node, String what) {
    if (node instanceof ScalarNode scalar) {
      return scalar.getValue();
    }
    problem(line(node), what + " must be a single value");
    return null;
  }

  /** A required text field; null (with a problem) when missing or blank. */
  String text(Map<String, Node> entries, String key, String what, int line) {
    Node node = entries.get(key);
    if (node == null) {
      problem(line, what + " needs '" + key + "'");
      return null;
    }
    String value = scalar(node, what + " '" + key + "'");
    if (value != null && value.isBlank()) {
      problem(line(node), what + " '" + key + "' is empty");
      return null;
    }
    return value;
  }

  /** An optional text field; null when absent. */
  String optionalText(Map<String, Node> entries, String key, String what) {
    Node node = entries.get(key);
    return node == null ? null : scalar(node, what + " '" + key + "'");
  }

  /** An optional boolean field ({@code true} or {@code false}). */
  boolean bool(Map<String, Node> entries, String key, String what, boolean fallback) {
    String value = optionalText(entries, key, what);
    if (value == null) {
      return fallback;
    }
    if (!value.equals("true") && !value.equals("false")) {
      problem(line(entries.get(key)), what + " '" + key + "' must be true or false, not " + value);
      return fallback;
    }
    return Boolean.parseBoolean(value);
  }

  /** 1-based line of a node (0 for none). */
  static int line(Node node) {
    return node == null ? 0 : node.getStartMark().getLine() + 1;
  }

  /** Where a scalar's text begins: block scalars ({@code |}, {@code >}) start on the next line. */
  static int contentLine(Node node) {
    if (node instanceof ScalarNode scalar
        && (scalar.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.LITERAL
            || scalar.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.FOLDED)) {
      return line(node) + 1;
    }
    return line(node);
  }

  void problem(int line, String message) {
    problems.add(new PolicyProblem(file, line, null, message));
  }

  void problem(int line, String expression, String message) {
    problems.add(new PolicyProblem(file, line, expression, message));
  }
}
