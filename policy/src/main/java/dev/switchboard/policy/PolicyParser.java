package dev.switchboard.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads a policy file's YAML into a {@link PolicyDocument}, naming the line of every mistake. */
final class PolicyParser {
  static final Set<String> DECISIONS = Set.of("allow", "deny", "escalate");
  private static final Set<String> DOCUMENT_FIELDS =
      Set.of("id", "version", "description", "default", "rules");
  private static final Set<String> RULE_FIELDS =
      Set.of("name", "priority", "when", "decision", "reason", "escalate");
  private static final Set<String> DEFAULT_FIELDS = Set.of("decision", "reason", "escalate");
  private static final Set<String> ESCALATE_FIELDS =
      Set.of("queue", "approverRole", "fourEyes", "sla", "onExpiry");

  private PolicyParser() {}

  /** The document, or null when it has problems (added to {@code problems}). */
  static PolicyDocument parse(PolicySource source, List<PolicyProblem> problems) {
    int before = problems.size();
    YamlTree yaml = new YamlTree(source.name(), problems);
    Node root = yaml.root(source.content());
    if (root == null) {
      return null;
    }
    Map<String, Node> document = yaml.mapping(root, "the policy", DOCUMENT_FIELDS);
    if (document == null) {
      return null;
    }
    String id = yaml.text(document, "id", "the policy", 1);
    String version = yaml.text(document, "version", "the policy", 1);
    String description = yaml.optionalText(document, "description", "the policy");
    PolicyRule fallback =
        document.containsKey("default") ? fallback(yaml, document.get("default")) : null;
    List<PolicyRule> rules = new ArrayList<>();
    if (!document.containsKey("rules")) {
      yaml.problem(1, "the policy needs 'rules'");
    } else {
      List<Node> items = yaml.sequence(document.get("rules"), "'rules'");
      if (items != null) {
        for (Node item : items) {
          PolicyRule rule = rule(yaml, item);
          if (rule != null) {
            rules.add(rule);
          }
        }
      }
    }
    if (problems.size() > before) {
      return null;
    }
    return new PolicyDocument(source, id, version, description, fallback, List.copyOf(rules));
  }

  private static PolicyRule rule(YamlTree yaml, Node node) {
    int line = YamlTree.line(node);
    Map<String, Node> rule = yaml.mapping(node, "a rule", RULE_FIELDS);
    if (rule == null) {
      return null;
    }
    String name = yaml.text(rule, "name", "a rule", line);
    String what = name == null ? "a rule" : "rule '" + name + "'";
    int priority = 0;
    String priorityText = yaml.optionalText(rule, "priority", what);
    if (priorityText != null) {
      try {
        priority = Integer.parseInt(priorityText.strip());
      } catch (NumberFormatException e) {
        yaml.problem(
            YamlTree.line(rule.get("priority")),
            what + " 'priority' must be a whole number, not " + priorityText);
      }
    }
    String when = yaml.text(rule, "when", what, line);
    int whenLine = rule.containsKey("when") ? YamlTree.contentLine(rule.get("when")) : line;
    return outcome(yaml, rule, what, line, name, priority, when, whenLine);
  }

  private static PolicyRule fallback(YamlTree yaml, Node node) {
    int line = YamlTree.line(node);
    Map<String, Node> fallback = yaml.mapping(node, "'default'", DEFAULT_FIELDS);
    if (fallback == null) {
      return null;
    }
    PolicyRule rule =
        outcome(yaml, fallback, "'default'", line, PolicySet.NO_MATCHING_RULE, 0, null, line);
    if (rule != null && rule.decision().equals("allow")) {
      yaml.problem(
          line,
          "'default' may deny or escalate, never allow: a gate that allows what no rule names is open");
      return null;
    }
    return rule;
  }

  /** The decision part shared by rules and the default: decision, reason, escalate. */
  private static PolicyRule outcome(
      YamlTree yaml,
      Map<String, Node> fields,
      String what,
      int line,
      String name,
      int priority,
      String when,
      int whenLine) {
    String decision = yaml.text(fields, "decision", what, line);
    if (decision != null && !DECISIONS.contains(decision)) {
      yaml.problem(
          YamlTree.line(fields.get("decision")),
          what + " 'decision' must be allow, deny or escalate, not " + decision);
      decision = null;
    }
    String reason = yaml.optionalText(fields, "reason", what);
    if ((reason == null || reason.isBlank()) && decision != null && !decision.equals("allow")) {
      yaml.problem(line, what + " needs a 'reason': people and the planner read it");
    }
    EscalationRoute route = EscalationRoute.DEFAULT;
    if (fields.containsKey("escalate")) {
      if (!"escalate".equals(decision)) {
        yaml.problem(
            YamlTree.line(fields.get("escalate")),
            what + " has 'escalate' settings but decides " + decision);
      }
      route = route(yaml, fields.get("escalate"), what);
    }
    if (decision == null || route == null || name == null) {
      return null;
    }
    return new PolicyRule(
        name,
        priority,
        when,
        whenLine,
        decision,
        reason == null || reason.isBlank() ? "allowed by rule '" + name + "'" : reason.strip(),
        route,
        line);
  }

  private static EscalationRoute route(YamlTree yaml, Node node, String what) {
    Map<String, Node> escalate = yaml.mapping(node, what + " 'escalate'", ESCALATE_FIELDS);
    if (escalate == null) {
      return null;
    }
    String queue = yaml.optionalText(escalate, "queue", what);
    String role = yaml.optionalText(escalate, "approverRole", what);
    boolean fourEyes = yaml.bool(escalate, "fourEyes", what, false);
    Duration sla = null;
    String slaText = yaml.optionalText(escalate, "sla", what);
    if (slaText != null) {
      sla = Durations.parse(slaText);
      if (sla == null || sla.isNegative() || sla.isZero()) {
        yaml.problem(
            YamlTree.line(escalate.get("sla")),
            what + " 'sla' must be a positive duration like PT4H or 30m, not " + slaText);
        return null;
      }
    }
    List<String> onExpiry = null;
    if (escalate.containsKey("onExpiry")) {
      onExpiry = onExpiry(yaml, escalate.get("onExpiry"), what);
      if (onExpiry == null) {
        return null;
      }
    }
    return new EscalationRoute(blankToNull(queue), blankToNull(role), fourEyes, sla, onExpiry);
  }

  /**
   * {@code onExpiry: deny}, or {@code onExpiry: {moveTo: human:managers}} (one queue or a list):
   * the queues an unanswered escalation moves through before it expires; null on a problem.
   */
  private static List<String> onExpiry(YamlTree yaml, Node node, String what) {
    String where = what + " 'onExpiry'";
    if (node instanceof ScalarNode scalar) {
      if (scalar.getValue().strip().equals("deny")) {
        return List.of();
      }
      yaml.problem(
          YamlTree.line(node),
          where + " must be deny or {moveTo: human:<queue>}, not " + scalar.getValue());
      return null;
    }
    Map<String, Node> fields = yaml.mapping(node, where, Set.of("moveTo"));
    if (fields == null) {
      return null;
    }
    Node moveTo = fields.get("moveTo");
    if (moveTo == null) {
      yaml.problem(
          YamlTree.line(node), where + " needs 'moveTo': a human:<queue> or a list of them");
      return null;
    }
    List<Node> items =
        moveTo instanceof ScalarNode ? List.of(moveTo) : yaml.sequence(moveTo, where);
    if (items == null) {
      return null;
    }
    List<String> queues = new ArrayList<>();
    for (Node item : items) {
      String queue = yaml.scalar(item, where + " 'moveTo'");
      if (queue == null) {
        return null;
      }
      if (!queue.strip().matches("human:\\S+")) {
        yaml.problem(
            YamlTree.line(item),
            where + " 'moveTo' names inbox queues like human:managers, not " + queue);
        return null;
      }
      queues.add(queue.strip());
    }
    if (queues.isEmpty()) {
      yaml.problem(YamlTree.line(moveTo), where + " 'moveTo' is empty; say onExpiry: deny");
      return null;
    }
    return queues;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
