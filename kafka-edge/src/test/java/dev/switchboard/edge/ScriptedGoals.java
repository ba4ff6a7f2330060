package dev.switchboard.edge;

import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.Topic;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.GoalEvent.GoalCancelled;
import dev.switchboard.contracts.event.GoalEvent.GoalSubmitted;
import dev.switchboard.contracts.event.OutcomeEvent.GoalCompleted;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.edge.testing.TopicProbe;
import io.opentelemetry.api.common.Attributes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.utils.Utils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A goal processor for the edge's tests, steered by the goal's description: {@code effect:<kind>}
 * asks for one effect, {@code timer:<millis>} sets timers {@code t-1} and {@code t-2} (at twice the
 * time); a cancel removes {@code t-1}. Every step reports itself as a {@code GoalCompleted} whose
 * summary the tests look for. A far-away timer {@code barrier} lets a test write its own {@code
 * TimerDue} behind other records of the goal's partition and see when it was reached.
 */
final class ScriptedGoals implements GoalProcessor<ScriptedGoals.Steps> {
  static final Instant BARRIER_AT = Instant.parse("2100-01-01T00:00:00Z");
  static final String NOTED = "noted:";
  static final String QUIET = "quiet";
  static final Instant NOTED_SINCE = Instant.parse("2026-01-01T00:00:00Z");

  record Steps(int count) {}

  private final Duration effectTimeout;

  ScriptedGoals(Duration effectTimeout) {
    this.effectTimeout = effectTimeout;
  }

  @Override
  public Service service() {
    return Service.PLANNER;
  }

  @Override
  public List<Topic<?>> inputs() {
    return List.of(Topics.GOALS);
  }

  @Override
  public Class<Steps> stateType() {
    return Steps.class;
  }

  @Override
  public Decision<Steps> decide(Steps state, SwitchboardEvent event) {
    Steps next = new Steps(state == null ? 1 : state.count() + 1);
    if (event instanceof GoalCancelled cancelled) {
      return Decision.of(next, completed(cancelled.goalId(), "timer cancelled")).cancelTimer("t-1");
    }
    GoalSubmitted goal = (GoalSubmitted) event;
    if (goal.description().startsWith(NOTED)) {
      return noted(next, goal);
    }
    if (goal.description().equals(QUIET)) {
      // Only the state and the agent to carry: nothing written, set or noted on the span.
      return Decision.of(next).carrying(TraceConventions.GEN_AI_AGENT_NAME, "scripted");
    }
    if (goal.description().startsWith("effect:")) {
      return Decision.of(next, completed(goal.goalId(), "asked"))
          .withEffect(
              new Effect(
                  "e-1",
                  goal.description().substring("effect:".length()),
                  JsonNodeFactory.instance.objectNode().put("text", goal.goalId()),
                  false,
                  effectTimeout))
          .withTimer("barrier", BARRIER_AT);
    }
    long millis = Long.parseLong(goal.description().substring("timer:".length()));
    Instant now = Instant.now();
    return Decision.of(next, completed(goal.goalId(), "timer set"))
        .withTimer("t-1", now.plusMillis(millis))
        .withTimer("t-2", now.plusMillis(2 * millis));
  }

  /**
   * {@code noted:<traceparent>}: an echo effect, and everything a decision can add to the trace: an
   * attribute, the agent carried downstream, attributes of one send, a span of the decision and one
   * begun at {@link #NOTED_SINCE} in the given context.
   */
  private Decision<Steps> noted(Steps next, GoalSubmitted goal) {
    GoalCompleted asked = completed(goal.goalId(), "asked");
    return Decision.of(next, asked)
        .withEffect(
            new Effect(
                "e-1",
                "echo",
                JsonNodeFactory.instance.objectNode().put("text", goal.goalId()),
                false,
                effectTimeout))
        .withTimer("barrier", BARRIER_AT)
        .withSpanAttribute(TraceConventions.ACTION_ID, "a-1")
        .carrying(TraceConventions.GEN_AI_AGENT_NAME, "scripted")
        .withSendAttributes(asked, Attributes.of(TraceConventions.HANDOFF_TARGET, "human:desk"))
        .withSpan(RecordedSpan.of("plan scripted", Attributes.empty()))
        .withSpan(
            new RecordedSpan(
                "invoke_agent scripted",
                NOTED_SINCE,
                new EventContext(goal.description().substring(NOTED.length())),
                Attributes.of(TraceConventions.GEN_AI_AGENT_NAME, "scripted"),
                "goal_failed"));
  }

  @Override
  public Decision<Steps> onEffectResult(Steps state, EffectResult result) {
    String detail =
        switch (result) {
          case EffectResult.Succeeded succeeded -> String.valueOf(succeeded.output());
          case EffectResult.Failed failed -> failed.error();
          case EffectResult.OutcomeUnknown unknown -> unknown.reason();
        };
    return Decision.of(
        state,
        new GoalCompleted(
            result.goalId(),
            UUID.randomUUID(),
            result.eventId(),
            Instant.now(),
            "result "
                + result.getClass().getSimpleName()
                + " attempt "
                + result.attempt()
                + ": "
                + detail,
            null));
  }

  @Override
  public Decision<Steps> onTimer(Steps state, String goalId, String timerId, Instant now) {
    return Decision.of(state, completed(goalId, "timer fired " + timerId));
  }

  static GoalCompleted completed(String goalId, String summary) {
    return new GoalCompleted(goalId, UUID.randomUUID(), null, Instant.now(), summary, null);
  }

  /** Goal ids whose records share a partition (Kafka's default partitioner, 3 partitions). */
  static List<String> goalIdsOnPartitionOf(String goalId, int count) {
    int partition = partitionOf(goalId);
    return java.util.stream.Stream.generate(() -> "same-partition-" + UUID.randomUUID())
        .filter(id -> partitionOf(id) == partition)
        .limit(count)
        .toList();
  }

  static int partitionOf(String goalId) {
    return Utils.toPositive(Utils.murmur2(goalId.getBytes(StandardCharsets.UTF_8))) % 3;
  }

  static GoalSubmitted submitted(String goalId, String description) {
    return new GoalSubmitted(
        goalId, UUID.randomUUID(), null, Instant.now(), null, description, Map.of());
  }

  /** The summaries of the goal's outcome events so far. */
  static List<String> summaries(TopicProbe probe, String goalId) {
    return probe.events(Topics.OUTCOME, goalId).stream()
        .map(event -> ((GoalCompleted) event).summary())
        .toList();
  }

  /** Writes a due timer for {@code barrier}, as the punctuator would, behind what is there. */
  static void sendBarrier(TopicProbe probe, String resultsTopic, String goalId) {
    probe.sendRaw(
        resultsTopic,
        goalId,
        "{\"type\":\"TimerDue\",\"goalId\":\""
            + goalId
            + "\",\"name\":\"p:barrier\",\"dueMillis\":"
            + BARRIER_AT.toEpochMilli()
            + "}");
  }

  /** Effect handlers of the tests, each counting the attempts it ran per goal. */
  static final class Handlers {
    final Map<String, List<Integer>> attempts = new ConcurrentHashMap<>();
    final Map<String, Boolean> intentCommittedBeforeRun = new ConcurrentHashMap<>();
    final CountDownLatch slowRelease = new CountDownLatch(1);

    EffectHandler echo(TopicProbe probe) {
      return handler(
          "echo",
          call -> {
            intentCommittedBeforeRun.put(
                call.goalId(), summaries(probe, call.goalId()).contains("asked"));
            return call.request();
          });
    }

    EffectHandler fast() {
      return handler("fast", EffectCall::request);
    }

    EffectHandler slow() {
      return new EffectHandler() {
        @Override
        public String kind() {
          return "slow";
        }

        @Override
        public JsonNode run(EffectCall call) throws Exception {
          record(call);
          slowRelease.await();
          return call.request();
        }
      };
    }

    EffectHandler publishing() {
      return new EffectHandler() {
        @Override
        public String kind() {
          return "publish";
        }

        @Override
        public JsonNode run(EffectCall call) {
          record(call);
          return call.request();
        }

        @Override
        public List<SwitchboardEvent> resultEvents(EffectCall call, EffectResult result) {
          return List.of(completed(call.goalId(), "published with the result"));
        }
      };
    }

    List<Integer> attemptsOf(String goalId) {
      return attempts.getOrDefault(goalId, List.of());
    }

    private void record(EffectCall call) {
      attempts
          .computeIfAbsent(call.goalId(), id -> new CopyOnWriteArrayList<>())
          .add(call.attempt());
    }

    private EffectHandler handler(String kind, Body body) {
      return new EffectHandler() {
        @Override
        public String kind() {
          return kind;
        }

        @Override
        public JsonNode run(EffectCall call) throws Exception {
          record(call);
          return body.run(call);
        }
      };
    }

    @FunctionalInterface
    interface Body {
      JsonNode run(EffectCall call) throws Exception;
    }
  }

  static String resultsTopic(TopicNames names) {
    return names.prefix() + "switchboard-planner-effect-results";
  }

  static String intentsTopic(TopicNames names) {
    return names.prefix() + "switchboard-planner-effects";
  }
}
