package dev.switchboard.trace;

import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Goal journals over HTTP. Any instance answers for any goal: a goal comes from the instance that
 * owns its partition, a list from every instance.
 */
@RestController
@RequestMapping("/api/goals")
class GoalJournalController {
  /** Names the instances whose goals a list lacks because they did not answer. */
  static final String MISSING_INSTANCES_HEADER = "Switchboard-Missing-Instances";

  private final GoalQueries queries;
  private final Clock clock;

  GoalJournalController(GoalQueries queries, Clock clock) {
    this.queries = queries;
    this.clock = clock;
  }

  @GetMapping("/{goalId}")
  GoalJournalView journal(
      @PathVariable String goalId,
      @RequestHeader(name = PeerClient.FORWARDED_HEADER, defaultValue = "false") boolean forwarded,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
    return queries.journal(goalId, PeerClient.passedOn(authorization), forwarded);
  }

  @GetMapping
  ResponseEntity<List<GoalListItem>> recent(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String agent,
      @RequestParam(required = false) String since,
      @RequestParam(required = false) Integer limit,
      @RequestHeader(name = PeerClient.FORWARDED_HEADER, defaultValue = "false") boolean forwarded,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
    RecentGoalsQuery query = RecentGoalsQuery.parse(status, agent, since, limit, clock.instant());
    GoalPage page = queries.list(query, PeerClient.passedOn(authorization), forwarded);
    ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
    if (!page.missing().isEmpty()) {
      answer.header(MISSING_INSTANCES_HEADER, String.join(", ", page.missing()));
    }
    return answer.body(page.goals());
  }
}
