package dev.switchboard.planner.spec;

import java.util.List;
import java.util.stream.Collectors;

/** A spec file that cannot be loaded, with every problem found in it. */
public class InvalidSpecException extends RuntimeException {
  private final transient List<SpecProblem> problems;

  public InvalidSpecException(List<SpecProblem> problems) {
    super(
        problems.stream()
            .map(SpecProblem::toString)
            .collect(Collectors.joining("\n  ", "invalid agent spec:\n  ", "")));
    this.problems = List.copyOf(problems);
  }

  public List<SpecProblem> problems() {
    return problems;
  }
}
