package dev.switchboard.planner.spec;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/** Collects what is wrong with one spec file, each problem at its node's line and column. */
final class SpecProblems {
  private final String source;
  private final List<SpecProblem> problems = new ArrayList<>();

  SpecProblems(String source) {
    this.source = source;
  }

  void at(Node node, String field, String message) {
    at(node == null ? null : node.getStartMark(), field, message);
  }

  void at(Mark mark, String field, String message) {
    problems.add(
        mark == null
            ? new SpecProblem(source, 0, 0, field, message)
            : new SpecProblem(source, mark.getLine() + 1, mark.getColumn() + 1, field, message));
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  List<SpecProblem> list() {
    return List.copyOf(problems);
  }
}
