package dev.switchboard.trace;

import dev.switchboard.edge.GoalStates;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Goal journals over HTTP. Each instance answers for the goals of the partitions it owns. */
@RestController
@RequestMapping("/api/goals")
class GoalJournalController {
  private final GoalStates<Journal> journals;

  GoalJournalController(GoalStates<Journal> journals) {
    this.journals = journals;
  }

  @GetMapping("/{goalId}")
  GoalJournalView journal(@PathVariable String goalId) {
    return journals
        .get(goalId)
        .map(GoalJournalView::of)
        .orElseThrow(() -> new UnknownGoalException(goalId));
  }

  @GetMapping
  List<GoalListItem> recent(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) Integer limit) {
    RecentGoalsQuery query = RecentGoalsQuery.parse(status, limit);
    return query.select(journals.all()).stream().map(GoalListItem::of).toList();
  }

  @ExceptionHandler
  ProblemDetail unknownGoal(UnknownGoalException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler
  ProblemDetail badQuery(RecentGoalsQuery.InvalidQueryException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  static final class UnknownGoalException extends RuntimeException {
    UnknownGoalException(String goalId) {
      super("no goal " + goalId);
    }
  }
}
