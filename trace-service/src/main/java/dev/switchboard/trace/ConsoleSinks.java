package dev.switchboard.trace;

import dev.switchboard.edge.GoalStates;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The console's live parts as server-sent events of HTML for htmx's SSE extension: each event is
 * the whole part as it is now, so a reconnecting page needs nothing it missed.
 */
final class ConsoleSinks {
  static final String GOALS_EVENT = "goals";
  static final String JOURNAL_EVENT = "journal";

  private ConsoleSinks() {}

  /** Re-renders a goal's panel at each change, and on heartbeats so open waits keep counting. */
  static final class GoalPanel implements GoalSink {
    private final String goalId;
    private final SseConnection connection;
    private final ConsoleRenderer renderer;
    private final GoalQueries queries;
    private final Map<String, String> passedOn;
    private final String base;
    private final Clock clock;
    private Journal lastHere;

    GoalPanel(
        String goalId,
        SseConnection connection,
        ConsoleRenderer renderer,
        GoalQueries queries,
        Map<String, String> passedOn,
        String base,
        Clock clock) {
      this.goalId = goalId;
      this.connection = connection;
      this.renderer = renderer;
      this.queries = queries;
      this.passedOn = passedOn;
      this.base = base;
      this.clock = clock;
    }

    @Override
    public void journal(Journal journal) {
      lastHere = journal;
      send(GoalJournalView.of(journal, clock.instant()));
    }

    @Override
    public void relayed(SseMessage.Event event) {
      fetchAndSend();
    }

    @Override
    public void idle() {
      if (lastHere != null) {
        send(GoalJournalView.of(lastHere, clock.instant()));
      } else {
        fetchAndSend();
      }
    }

    private void fetchAndSend() {
      try {
        send(queries.journal(goalId, passedOn, false));
      } catch (UnknownGoalException
          | GoalUnavailableException
          | GoalStates.StateNotReadyException e) {
        // The owner's stream goes on or ends; either way the page shows the last panel meanwhile.
      }
    }

    private void send(GoalJournalView view) {
      connection.send(SseEmitter.event().name(JOURNAL_EVENT).data(renderer.goalPanel(view, base)));
    }
  }

  /** Re-renders the goals table once per batch of changes, and on heartbeats for the ages. */
  static final class GoalTable implements GoalListSink {
    private final SseConnection connection;
    private final ConsoleRenderer renderer;
    private final String base;
    private List<String> missing = List.of();
    private boolean changed;

    GoalTable(SseConnection connection, ConsoleRenderer renderer, String base) {
      this.connection = connection;
      this.renderer = renderer;
      this.base = base;
    }

    @Override
    public void snapshot(GoalListModel model, List<String> missingInstances) {
      missing = missingInstances;
      send(model);
    }

    @Override
    public void changed(GoalListModel.Change change) {
      changed = true;
    }

    @Override
    public void settled(GoalListModel model) {
      if (changed) {
        send(model);
      }
    }

    @Override
    public void idle(GoalListModel model) {
      send(model);
    }

    private void send(GoalListModel model) {
      changed = false;
      connection.send(
          SseEmitter.event()
              .name(GOALS_EVENT)
              .data(renderer.goalList(model.goals(), missing, model.query(), base)));
    }
  }
}
