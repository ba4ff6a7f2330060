package dev.switchboard.planner.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One step of an agent's standard operating procedure. It runs once its preconditions hold: the
 * facts it {@code needs} and those its templates use are known, and its {@code when} condition
 * holds over the facts observed so far.
 *
 * @param produces the facts the step yields, fact name → field path in its result (for handoffs and
 *     questions: in what the next holder or the person returns)
 * @param onFailure what to do when the step's tool fails, one entry per failure
 * @param onDenied what to do when the guardrail or a person denies it, one entry per denial
 * @param rationale why the agent takes the step, for the plan and the audit trail
 */
public record SopStep(
    String id,
    StepAction action,
    List<String> needs,
    Condition when,
    Map<String, String> produces,
    List<Fallback> onFailure,
    List<Fallback> onDenied,
    String rationale) {

  public SopStep {
    needs = List.copyOf(needs);
    when = when == null ? Condition.ALWAYS : when;
    produces = Collections.unmodifiableMap(new LinkedHashMap<>(produces));
    onFailure = onFailure.isEmpty() ? List.of(new Fallback.Fail()) : List.copyOf(onFailure);
    onDenied = onDenied.isEmpty() ? List.of(new Fallback.Fail()) : List.copyOf(onDenied);
  }

  /** Every fact the step looks at: what it needs, what its templates use, what its branch tests. */
  public List<String> referencedFacts() {
    List<String> facts = new ArrayList<>(needs);
    templatePlaceholders().forEach(p -> facts.addAll(p.facts()));
    facts.addAll(when.facts());
    return facts.stream().distinct().toList();
  }

  /** The placeholders of the step's arguments, reason or question. */
  public List<ArgumentTemplate.Placeholder> templatePlaceholders() {
    return switch (action) {
      case StepAction.CallTool call -> ArgumentTemplate.placeholders(call.arguments());
      case StepAction.HandOff handOff -> ArgumentTemplate.placeholders(handOff.reason());
      case StepAction.Ask ask -> ArgumentTemplate.placeholders(ask.question());
    };
  }
}
