package dev.switchboard.contracts.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Topic {@code plan}: the planner's proposals, each checked by the guardrail. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = PlanEvent.StepsProposed.class, name = "StepsProposed"),
  @JsonSubTypes.Type(value = PlanEvent.HandoffProposed.class, name = "HandoffProposed"),
  @JsonSubTypes.Type(value = PlanEvent.QuestionProposed.class, name = "QuestionProposed"),
  @JsonSubTypes.Type(value = PlanEvent.GoalFinishing.class, name = "GoalFinishing")
})
public sealed interface PlanEvent extends SwitchboardEvent {

  /**
   * The next actions, a DAG through {@link PlannedAction#dependsOn()}.
   *
   * @param usage the model calls behind the proposal; null when none (deterministic planner)
   */
  record StepsProposed(
      String goalId,
      UUID eventId,
      UUID causationId,
      Instant occurredAt,
      String agent,
      List<PlannedAction> actions,
      ModelUsage usage)
      implements PlanEvent, ModelUsage.Carrier {
    public StepsProposed {
      Require.envelope(goalId, eventId, occurredAt);
      Require.text(agent, "agent");
      actions = Require.list(actions);
      if (actions.isEmpty()) {
        throw new IllegalArgumentException("actions must not be empty");
      }
    }

    /** Without model usage, as before usage was reported. */
    public StepsProposed(
        String goalId,
        UUID eventId,
        UUID causationId,
        Instant occurredAt,
        String agent,
        List<PlannedAction> actions) {
      this(goalId, eventId, causationId, occurredAt, agent, actions, null);
    }

    @Override
    public StepsProposed withUsage(ModelUsage usage) {
      return new StepsProposed(goalId, eventId, causationId, occurredAt, agent, actions, usage);
    }
  }

  /**
   * Hand the goal to another agent ({@code agent:<name>}) or to people ({@code human:<queue>}).
   *
   * @param context what the next holder needs to go on; null when the proposer sends none
   * @param usage the model calls behind the handoff; null when none
   */
  record HandoffProposed(
      String goalId,
      UUID eventId,
      UUID causationId,
      Instant occurredAt,
      String agent,
      String target,
      String reason,
      String summary,
      HandoffContext context,
      ModelUsage usage)
      implements PlanEvent, ModelUsage.Carrier {
    public HandoffProposed {
      Require.envelope(goalId, eventId, occurredAt);
      Require.text(target, "target");
      Require.text(reason, "reason");
    }

    /** Without a context, as before the context existed. */
    public HandoffProposed(
        String goalId,
        UUID eventId,
        UUID causationId,
        Instant occurredAt,
        String agent,
        String target,
        String reason,
        String summary) {
      this(goalId, eventId, causationId, occurredAt, agent, target, reason, summary, null, null);
    }

    /** Without model usage, as before usage was reported. */
    public HandoffProposed(
        String goalId,
        UUID eventId,
        UUID causationId,
        Instant occurredAt,
        String agent,
        String target,
        String reason,
        String summary,
        HandoffContext context) {
      this(goalId, eventId, causationId, occurredAt, agent, target, reason, summary, context, null);
    }

    @Override
    public HandoffProposed withUsage(ModelUsage usage) {
      return new HandoffProposed(
          goalId, eventId, causationId, occurredAt, agent, target, reason, summary, context, usage);
    }
  }

  /**
   * The agent needs an answer from a person before it can go on.
   *
   * @param usage model calls not reported on an earlier event; null when none
   */
  record QuestionProposed(
      String goalId,
      UUID eventId,
      UUID causationId,
      Instant occurredAt,
      String agent,
      String queue,
      String question,
      ModelUsage usage)
      implements PlanEvent, ModelUsage.Carrier {
    public QuestionProposed {
      Require.envelope(goalId, eventId, occurredAt);
      Require.text(queue, "queue");
      Require.text(question, "question");
    }

    /** Without model usage, as before usage was reported. */
    public QuestionProposed(
        String goalId,
        UUID eventId,
        UUID causationId,
        Instant occurredAt,
        String agent,
        String queue,
        String question) {
      this(goalId, eventId, causationId, occurredAt, agent, queue, question, null);
    }

    @Override
    public QuestionProposed withUsage(ModelUsage usage) {
      return new QuestionProposed(
          goalId, eventId, causationId, occurredAt, agent, queue, question, usage);
    }
  }

  /** The planner believes the goal is met; the outcome follows. */
  record GoalFinishing(
      String goalId, UUID eventId, UUID causationId, Instant occurredAt, String summary)
      implements PlanEvent {
    public GoalFinishing {
      Require.envelope(goalId, eventId, occurredAt);
    }
  }
}
