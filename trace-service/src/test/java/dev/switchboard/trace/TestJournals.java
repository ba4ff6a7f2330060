package dev.switchboard.trace;

import dev.switchboard.contracts.event.ModelUsage;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.edge.EventContext;
import java.math.BigDecimal;
import java.util.List;

/** Journals made the way the service makes them: events folded by the keeper. */
final class TestJournals {
  static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

  private static final JournalKeeper KEEPER = new JournalKeeper(1000);

  private TestJournals() {}

  static Journal traced(SwitchboardEvent... events) {
    return fold(null, new EventContext(TRACEPARENT), List.of(events));
  }

  static Journal then(Journal journal, SwitchboardEvent... events) {
    return fold(journal, new EventContext(TRACEPARENT), List.of(events));
  }

  /** The demo goal up to its approval request: waiting on human:approvers since second 5. */
  static Journal waiting(DemoGoal goal) {
    return traced(
        goal.submitted(0),
        goal.lookupProposed(1),
        goal.lookupAllowed(2),
        goal.lookupRequested(2),
        goal.lookupSucceeded(4),
        goal.sendProposed(4),
        goal.sendEscalated(5),
        goal.approvalRequested(5));
  }

  /** The demo goal approved by local-operator at second 8 and completed at 11. */
  static Journal completed(DemoGoal goal) {
    return then(
        waiting(goal),
        goal.approved(8),
        goal.sendRequested(9),
        goal.sendSucceeded(10),
        goal.completed(11));
  }

  /** The completed demo goal as an LLM planner reports it: model usage on two of its events. */
  static Journal completedWithModelUsage(DemoGoal goal) {
    return traced(
        goal.submitted(0),
        goal.lookupProposed(1)
            .withUsage(new ModelUsage(1, 1200, 80, new BigDecimal("0.0038"), ModelUsage.USD)),
        goal.lookupSucceeded(2),
        goal.completed(3)
            .withUsage(new ModelUsage(1, 1500, 20, new BigDecimal("0.0039"), ModelUsage.USD)));
  }

  private static Journal fold(
      Journal journal, EventContext context, List<SwitchboardEvent> events) {
    for (SwitchboardEvent event : events) {
      journal = KEEPER.decide(journal, event, context).state();
    }
    return journal;
  }
}
