package dev.switchboard.policy;

import java.util.List;
import java.util.stream.Collectors;

/** A policy that cannot be used; the message lists every problem with its file and line. */
public final class InvalidPolicyException extends RuntimeException {
  private final List<PolicyProblem> problems;

  public InvalidPolicyException(List<PolicyProblem> problems) {
    super(
        problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + " in the guardrail's policy files:\n"
            + problems.stream().map(PolicyProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<PolicyProblem> problems() {
    return problems;
  }
}
