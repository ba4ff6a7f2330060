package dev.switchboard.policy;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelVariableResolver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiled policy: the rules of all its files in evaluation order (priority, highest first;
 * then file order; then position), each deciding the first action it matches. Immutable, so a
 * reload swaps whole sets and a decision in flight finishes with the set it began with.
 */
public final class PolicySet {
  /** The rule that decides a tool no catalog lists; no policy can allow such a tool. */
  public static final String UNKNOWN_TOOL = "unknown-tool";

  /** The rule name of the default decision, when no rule matches. */
  public static final String NO_MATCHING_RULE = "no-matching-rule";

  private final List<CompiledRule> rules;
  private final PolicyDecision fallback;
  private final List<PolicyRef> documents;

  private record CompiledRule(String name, CelRuntime.Program condition, PolicyDecision decision) {}

  private PolicySet(List<CompiledRule> rules, PolicyDecision fallback, List<PolicyRef> documents) {
    this.rules = rules;
    this.fallback = fallback;
    this.documents = documents;
  }

  /**
   * Parses and compiles policy files together.
   *
   * @throws InvalidPolicyException listing every problem of every file, each with file and line
   */
  public static PolicySet compile(List<PolicySource> sources) {
    List<PolicyProblem> problems = new ArrayList<>();
    if (sources.isEmpty()) {
      throw new InvalidPolicyException(
          List.of(new PolicyProblem("(none)", 0, null, "no policy file is configured")));
    }
    List<PolicyDocument> documents = new ArrayList<>();
    for (PolicySource source : sources) {
      PolicyDocument document = PolicyParser.parse(source, problems);
      if (document != null) {
        documents.add(document);
      }
    }
    Map<String, String> ruleFiles = new HashMap<>();
    Map<String, String> documentIds = new HashMap<>();
    record Ordered(int priority, CompiledRule rule) {}
    List<Ordered> ordered = new ArrayList<>();
    PolicyDecision fallback = null;
    String fallbackFile = null;
    for (PolicyDocument document : documents) {
      String file = document.source().name();
      PolicyRef ref = document.ref();
      String otherFile = documentIds.putIfAbsent(document.id(), file);
      if (otherFile != null) {
        problems.add(
            new PolicyProblem(
                file,
                1,
                null,
                "policy id '" + document.id() + "' is used by " + otherFile + " too"));
      }
      if (document.fallback() != null) {
        if (fallback != null) {
          problems.add(
              new PolicyProblem(
                  file,
                  document.fallback().line(),
                  null,
                  "'default' is set in " + fallbackFile + " already; only one file may set it"));
        }
        fallback = decisionOf(document.fallback(), ref);
        fallbackFile = file;
      }
      for (PolicyRule rule : document.rules()) {
        String earlier = ruleFiles.putIfAbsent(rule.name(), file);
        if (earlier != null) {
          problems.add(
              new PolicyProblem(
                  file,
                  rule.line(),
                  null,
                  "rule name '" + rule.name() + "' is used in " + earlier + " too"));
        }
        if (rule.name().equals(UNKNOWN_TOOL) || rule.name().equals(NO_MATCHING_RULE)) {
          problems.add(
              new PolicyProblem(
                  file, rule.line(), null, "rule name '" + rule.name() + "' is reserved"));
        }
        CelRuntime.Program program = PolicyCompiler.compile(file, rule, problems);
        if (program != null) {
          ordered.add(
              new Ordered(
                  rule.priority(), new CompiledRule(rule.name(), program, decisionOf(rule, ref))));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidPolicyException(problems);
    }
    // List.sort is stable: equal priorities keep file order, then rule order.
    ordered.sort(Comparator.comparingInt(Ordered::priority).reversed());
    PolicyRef first = documents.getFirst().ref();
    return new PolicySet(
        ordered.stream().map(Ordered::rule).toList(),
        fallback != null
            ? fallback
            : new PolicyDecision.Deny(
                NO_MATCHING_RULE, "no rule of the policy allows this action", first),
        documents.stream().map(PolicyDocument::ref).toList());
  }

  /** The decision for one proposed action. Never throws: a failing condition denies. */
  public PolicyDecision evaluate(PolicyInput input) {
    if (input.kind() == PolicyInput.Kind.TOOL && !input.tool().known()) {
      return new PolicyDecision.Deny(
          UNKNOWN_TOOL,
          "tool '" + input.tool().name() + "' is not in the tool catalog",
          PolicyRef.BUILT_IN);
    }
    CelVariableResolver variables = PolicyVariables.resolverFor(input);
    for (CompiledRule rule : rules) {
      try {
        if (PolicyCompiler.holds(rule.condition(), variables)) {
          return rule.decision();
        }
      } catch (CelEvaluationException e) {
        // Fail closed: a rule that cannot be evaluated might have been the one that denies.
        return new PolicyDecision.Deny(
            rule.name(),
            "rule '"
                + rule.name()
                + "' could not be evaluated ("
                + e.getMessage()
                + "), so the action is denied",
            rule.decision().policy());
      }
    }
    return fallback;
  }

  /** The documents this set was compiled from, in order. */
  public List<PolicyRef> documents() {
    return documents;
  }

  /** The rule names in evaluation order. */
  public List<String> ruleNames() {
    return rules.stream().map(CompiledRule::name).toList();
  }

  private static PolicyDecision decisionOf(PolicyRule rule, PolicyRef ref) {
    return switch (rule.decision()) {
      case "allow" -> new PolicyDecision.Allow(rule.name(), rule.reason(), ref);
      case "deny" -> new PolicyDecision.Deny(rule.name(), rule.reason(), ref);
      default -> new PolicyDecision.Escalate(rule.name(), rule.reason(), ref, rule.route());
    };
  }
}
