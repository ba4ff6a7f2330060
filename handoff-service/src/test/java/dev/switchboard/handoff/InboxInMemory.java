package dev.switchboard.handoff;

import dev.switchboard.contracts.event.ResolutionEvent;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.edge.EventContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The inbox without Kafka: events go through the real {@link Inbox} logic into a map, and written
 * resolutions are recorded (and, when told, fed back as Kafka would).
 */
final class InboxInMemory implements InboxSource, ResolutionWriter {
  private final Inbox inbox = new Inbox(Escalations.DEFAULT_SLA, Escalations.CLOCK);
  private final Map<String, HandoffState> states = new TreeMap<>();
  final List<ResolutionEvent> written = new ArrayList<>();
  RuntimeException failNextWrite;
  boolean feedBack;

  synchronized void apply(SwitchboardEvent event) {
    apply(event, EventContext.none());
  }

  /** As the edge hands it over: with what the event's record carried (its traceparent). */
  synchronized void apply(SwitchboardEvent event, EventContext context) {
    HandoffState next = inbox.decide(states.get(event.goalId()), event, context).state();
    if (next != null) {
      states.put(event.goalId(), next);
    }
  }

  @Override
  public synchronized List<HandoffState> all() {
    return List.copyOf(states.values());
  }

  @Override
  public synchronized Optional<HandoffState> ofGoal(String goalId) {
    return Optional.ofNullable(states.get(goalId));
  }

  @Override
  public synchronized void write(ResolutionEvent resolution) {
    if (failNextWrite != null) {
      RuntimeException failure = failNextWrite;
      failNextWrite = null;
      throw failure;
    }
    written.add(resolution);
    if (feedBack) {
      apply(resolution);
    }
  }
}
