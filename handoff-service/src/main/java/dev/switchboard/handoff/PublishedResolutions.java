package dev.switchboard.handoff;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.event.ResolutionEvent;
import dev.switchboard.edge.EventContext;
import dev.switchboard.edge.EventPublisher;
import dev.switchboard.edge.GoalTracing;
import dev.switchboard.edge.TraceConventions;
import io.opentelemetry.api.common.Attributes;
import java.util.function.Supplier;

/**
 * Writes people's answers through the edge's publisher. The time the goal waited for the person is
 * a span from the escalation to the answer, recorded now that it ended, in the escalation's trace;
 * the answer's record continues the trace under it.
 */
final class PublishedResolutions implements ResolutionWriter {
  private final Supplier<EventPublisher> publisher;
  private final GoalTracing tracing;

  /**
   * @param publisher looked up on the first answer, not at start-up
   */
  PublishedResolutions(Supplier<EventPublisher> publisher, GoalTracing tracing) {
    this.publisher = publisher;
    this.tracing = tracing;
  }

  @Override
  public void write(ResolutionEvent resolution) {
    publisher.get().publish(resolution);
  }

  @Override
  public void write(ResolutionEvent resolution, InboxItem item, EventContext escalatedIn) {
    Attributes answer =
        Attributes.builder()
            .put(TraceConventions.ESCALATION_ID, item.escalationId())
            .put(TraceConventions.APPROVER, resolution.actor())
            .put(TraceConventions.RESOLUTION, EventCodec.typeName(resolution))
            .build();
    EventContext waited =
        tracing.recordWait(
            TraceConventions.AWAIT_PERSON + " " + item.queue(),
            escalatedIn,
            item.createdAt(),
            resolution.occurredAt(),
            answer.toBuilder().put(TraceConventions.GOAL_ID, item.goalId()).build());
    publisher.get().publish(resolution, waited, answer);
  }
}
