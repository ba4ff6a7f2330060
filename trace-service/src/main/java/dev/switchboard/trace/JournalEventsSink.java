package dev.switchboard.trace;

import java.time.Clock;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/goals/{goalId}/events} as JSON: first the whole journal ({@code journal}), or
 * with {@code Last-Event-ID: n} only what came after version n ({@code update}); then an {@code
 * update} per newer version. Each event's id is the journal version it brings the client to.
 */
final class JournalEventsSink implements GoalSink {
  static final String JOURNAL = "journal";
  static final String UPDATE = "update";

  private final SseConnection connection;
  private final Clock clock;
  private final long retryMillis;
  private long sent;
  private boolean started;

  /**
   * @param resumeAfter the version the client has ({@code Last-Event-ID}); null for none
   */
  JournalEventsSink(SseConnection connection, Long resumeAfter, Clock clock, long retryMillis) {
    this.connection = connection;
    this.clock = clock;
    this.retryMillis = retryMillis;
    this.sent = resumeAfter == null ? -1 : resumeAfter;
  }

  @Override
  public void journal(Journal journal) {
    boolean whole = sent < 0 || sent > journal.version();
    if (!whole && journal.version() <= sent) {
      if (!started) {
        // The client is up to date: nothing to send but the retry advice.
        started = true;
        connection.send(SseEmitter.event().reconnectTime(retryMillis).comment("up to date"));
      }
      return;
    }
    SseEmitter.SseEventBuilder event = SseEmitter.event().id(Long.toString(journal.version()));
    if (!started) {
      started = true;
      event.reconnectTime(retryMillis);
    }
    if (whole) {
      // No version to resume after, or one this journal never had: the whole journal.
      event
          .name(JOURNAL)
          .data(GoalJournalView.of(journal, clock.instant()), MediaType.APPLICATION_JSON);
    } else {
      event
          .name(UPDATE)
          .data(
              new GoalUpdate(GoalListItem.of(journal), journal.entriesAfter(sent)),
              MediaType.APPLICATION_JSON);
    }
    sent = journal.version();
    connection.send(event);
  }

  @Override
  public void relayed(SseMessage.Event event) {
    SseEmitter.SseEventBuilder relayed = SseEmitter.event().name(event.name()).data(event.data());
    if (event.id() != null) {
      relayed.id(event.id());
    }
    if (!started) {
      started = true;
      relayed.reconnectTime(retryMillis);
    }
    connection.send(relayed);
  }
}
