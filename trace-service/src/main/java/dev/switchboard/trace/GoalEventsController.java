package dev.switchboard.trace;

import java.time.Clock;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live journals as server-sent events: a snapshot, then the tail with no gap (see {@link
 * LocalGoalFeed} and {@link GoalListFeed}). A goal's stream resumes after {@code Last-Event-ID}; a
 * list's stream starts over with a snapshot.
 */
@RestController
@RequestMapping(path = "/api/goals", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
class GoalEventsController {
  static final String LAST_EVENT_ID = "Last-Event-ID";

  private final LiveJournals live;
  private final Clock clock;

  GoalEventsController(LiveJournals live, Clock clock) {
    this.live = live;
    this.clock = clock;
  }

  @GetMapping("/{goalId}/events")
  SseEmitter goalEvents(
      @PathVariable String goalId,
      @RequestHeader(name = LAST_EVENT_ID, required = false) String lastEventId,
      @RequestHeader(name = PeerClient.FORWARDED_HEADER, defaultValue = "false") boolean forwarded,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
    SseConnection connection = live.connect();
    live.followGoal(
        goalId,
        lastEventId,
        PeerClient.passedOn(authorization),
        forwarded,
        new JournalEventsSink(connection, versionOf(lastEventId), clock, live.retryMillis()),
        connection);
    return connection.emitter();
  }

  @GetMapping("/events")
  SseEmitter listEvents(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String agent,
      @RequestParam(required = false) String since,
      @RequestParam(required = false) Integer limit,
      @RequestHeader(name = PeerClient.FORWARDED_HEADER, defaultValue = "false") boolean forwarded,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
    RecentGoalsQuery query = RecentGoalsQuery.parse(status, agent, since, limit, clock.instant());
    SseConnection connection = live.connect();
    live.followList(
        query,
        PeerClient.passedOn(authorization),
        forwarded,
        new GoalListEventsSink(connection, live.retryMillis()),
        connection);
    return connection.emitter();
  }

  /** A journal version, or null for a missing or unreadable id (the client gets everything). */
  static Long versionOf(String lastEventId) {
    if (lastEventId == null || lastEventId.isBlank()) {
      return null;
    }
    try {
      long version = Long.parseLong(lastEventId.strip());
      return version < 0 ? null : version;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
