package dev.switchboard.contracts;

import dev.switchboard.contracts.event.ActionRequestEvent;
import dev.switchboard.contracts.event.ActionResultEvent;
import dev.switchboard.contracts.event.EscalationEvent;
import dev.switchboard.contracts.event.GoalEvent;
import dev.switchboard.contracts.event.OutcomeEvent;
import dev.switchboard.contracts.event.PlanEvent;
import dev.switchboard.contracts.event.ResolutionEvent;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.contracts.event.VerdictEvent;
import java.util.List;

/** The typed topic catalog: every topic Switchboard uses, declared once. */
public final class Topics {
  private Topics() {}

  public static final Topic<GoalEvent> GOALS =
      new Topic<>("goals", GoalEvent.class, Service.GOAL_PRODUCERS);
  public static final Topic<PlanEvent> PLAN = new Topic<>("plan", PlanEvent.class, Service.PLANNER);
  public static final Topic<VerdictEvent> VERDICT =
      new Topic<>("verdict", VerdictEvent.class, Service.GUARDRAIL);
  public static final Topic<ActionRequestEvent> ACTION_REQUEST =
      new Topic<>("action-request", ActionRequestEvent.class, Service.GUARDRAIL);
  public static final Topic<ActionResultEvent> ACTION_RESULT =
      new Topic<>("action-result", ActionResultEvent.class, Service.EXECUTOR);
  public static final Topic<EscalationEvent> ESCALATION =
      new Topic<>("escalation", EscalationEvent.class, Service.GUARDRAIL);
  public static final Topic<ResolutionEvent> RESOLUTION =
      new Topic<>("resolution", ResolutionEvent.class, Service.HANDOFF);
  public static final Topic<OutcomeEvent> OUTCOME =
      new Topic<>("outcome", OutcomeEvent.class, Service.PLANNER);

  public static final List<Topic<?>> ALL =
      List.of(GOALS, PLAN, VERDICT, ACTION_REQUEST, ACTION_RESULT, ESCALATION, RESOLUTION, OUTCOME);

  /** The topics a service writes. */
  public static List<Topic<?>> writtenBy(Service service) {
    return ALL.stream().filter(topic -> topic.writer() == service).toList();
  }

  /**
   * The catalog topic {@code writer} writes {@code event} to.
   *
   * @throws IllegalStateException when that topic's one writer is another service
   */
  public static Topic<?> toWrite(SwitchboardEvent event, Service writer) {
    Topic<?> topic = carrying(event.getClass());
    if (topic.writer() != writer) {
      throw new IllegalStateException(
          writer
              + " may not write "
              + topic.baseName()
              + " (its writer is "
              + topic.writer()
              + ")");
    }
    return topic;
  }

  /** The catalog topic whose values have this type. */
  @SuppressWarnings("unchecked")
  public static <E extends SwitchboardEvent> Topic<E> carrying(Class<? extends E> eventType) {
    return (Topic<E>)
        ALL.stream()
            .filter(topic -> topic.valueType().isAssignableFrom(eventType))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no topic carries " + eventType));
  }
}
