package dev.switchboard.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.ActionResultEvent.ActionSucceeded;
import dev.switchboard.contracts.event.GoalEvent.GoalSubmitted;
import dev.switchboard.contracts.event.PlanEvent;
import dev.switchboard.contracts.event.PlanEvent.StepsProposed;
import dev.switchboard.edge.testing.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.node.JsonNodeFactory;

/** The planner against the shared embedded broker: goals in, plans out, bad records parked. */
@SpringBootTest(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
class PlannerKafkaIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Value("${spring.embedded.kafka.brokers}")
  String brokers;

  @Autowired TopicNames names;

  private TopicProbe probe;

  @BeforeEach
  void openProbe() {
    probe = new TopicProbe(brokers, names);
  }

  @AfterEach
  void closeProbe() {
    probe.close();
  }

  @Test
  void shouldProposeTheAccountLookupAndThenTheContactOfTheAccountFound() {
    GoalSubmitted goal = goal();
    probe.send(Topics.GOALS, goal);

    StepsProposed lookup =
        probe.awaitEvent(Topics.PLAN, goal.goalId(), StepsProposed.class, TIMEOUT);
    assertThat(lookup.actions())
        .singleElement()
        .satisfies(
            action -> {
              assertThat(action.actionId()).isEqualTo(goal.goalId() + "/step-1");
              assertThat(action.tool()).isEqualTo("crm.lookup_account");
            });

    probe.send(
        Topics.ACTION_RESULT,
        new ActionSucceeded(
            goal.goalId(),
            UUID.randomUUID(),
            lookup.eventId(),
            Instant.now(),
            goal.goalId() + "/step-1",
            "crm.lookup_account",
            JsonNodeFactory.instance
                .objectNode()
                .put("accountId", "acct-acme")
                .put("account", "ACME")));

    List<PlanEvent> plans =
        await()
            .atMost(TIMEOUT)
            .until(() -> probe.events(Topics.PLAN, goal.goalId()), events -> events.size() == 2);
    StepsProposed find = (StepsProposed) plans.get(1);
    assertThat(find.actions())
        .singleElement()
        .satisfies(
            action -> {
              assertThat(action.tool()).isEqualTo("crm.find_contact");
              assertThat(action.arguments().get("accountId").asString()).isEqualTo("acct-acme");
            });
  }

  @Test
  void shouldParkAMalformedGoalWithItsReasonAndProcessTheNextOne() {
    String badKey = "bad-" + UUID.randomUUID();
    probe.sendRaw(names.of(Topics.GOALS), badKey, "{not json");
    GoalSubmitted next = goal();
    probe.send(Topics.GOALS, next);

    ConsumerRecord<String, byte[]> parked =
        probe.awaitRecord(
            names.deadLetterOf(Topics.GOALS), record -> badKey.equals(record.key()), TIMEOUT);
    assertThat(TopicProbe.deadLetterReason(parked)).startsWith("not valid JSON");
    assertThat(probe.awaitEvent(Topics.PLAN, next.goalId(), StepsProposed.class, TIMEOUT))
        .isNotNull();
  }

  @Test
  void shouldParkARecordWhoseKeyIsNotItsGoalId() {
    GoalSubmitted goal = goal();
    String wrongKey = "not-" + goal.goalId();
    probe.sendRaw(names.of(Topics.GOALS), wrongKey, probe.codec().encode(goal));

    ConsumerRecord<String, byte[]> parked =
        probe.awaitRecord(
            names.deadLetterOf(Topics.GOALS), record -> wrongKey.equals(record.key()), TIMEOUT);
    assertThat(TopicProbe.deadLetterReason(parked)).contains("must equal the goalId");
    assertThat(probe.events(Topics.PLAN, goal.goalId())).isEmpty();
  }

  private static GoalSubmitted goal() {
    return new GoalSubmitted(
        "it-" + UUID.randomUUID(),
        UUID.randomUUID(),
        null,
        Instant.now(),
        null,
        "Follow up with ACME",
        Map.of("account", "ACME"));
  }
}
