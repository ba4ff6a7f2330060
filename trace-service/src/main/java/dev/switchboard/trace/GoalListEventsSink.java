package dev.switchboard.trace;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/goals/events} as JSON: a {@code snapshot} of the list, then a {@code goal} event
 * per goal that entered or changed in it and a {@code removed} event per goal that left it. No
 * event ids: a reconnecting client gets a new snapshot, which holds every listed goal's latest
 * version.
 */
final class GoalListEventsSink implements GoalListSink {
  private final SseConnection connection;
  private final long retryMillis;

  GoalListEventsSink(SseConnection connection, long retryMillis) {
    this.connection = connection;
    this.retryMillis = retryMillis;
  }

  @Override
  public void snapshot(GoalListModel model, List<String> missing) {
    connection.send(
        SseEmitter.event()
            .reconnectTime(retryMillis)
            .name(GoalListEvents.SNAPSHOT)
            .data(new GoalListEvents.Snapshot(model.goals(), missing), MediaType.APPLICATION_JSON));
  }

  @Override
  public void changed(GoalListModel.Change change) {
    connection.send(
        switch (change) {
          case GoalListModel.Upserted upserted ->
              SseEmitter.event()
                  .name(GoalListEvents.GOAL)
                  .data(upserted.goal(), MediaType.APPLICATION_JSON);
          case GoalListModel.Removed removed ->
              SseEmitter.event()
                  .name(GoalListEvents.REMOVED)
                  .data(new GoalListEvents.Removed(removed.goalId()), MediaType.APPLICATION_JSON);
        });
  }
}
