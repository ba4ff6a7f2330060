package dev.switchboard.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.catalog.AgentEntry;
import dev.switchboard.contracts.catalog.Catalogs;
import dev.switchboard.contracts.catalog.ToolEntry;
import dev.switchboard.contracts.event.ActionResultEvent.ActionSucceeded;
import dev.switchboard.contracts.event.GoalEvent.GoalSubmitted;
import dev.switchboard.contracts.event.PlanEvent;
import dev.switchboard.contracts.event.PlanEvent.HandoffProposed;
import dev.switchboard.contracts.event.PlanEvent.StepsProposed;
import dev.switchboard.contracts.event.PlannedAction;
import dev.switchboard.contracts.event.ResolutionEvent.Reassigned;
import dev.switchboard.contracts.event.VerdictEvent.ActionAllowed;
import dev.switchboard.edge.GoalStates;
import dev.switchboard.edge.testing.TopicProbe;
import dev.switchboard.planner.catalog.KafkaSpecVersions;
import dev.switchboard.planner.catalog.ToolsCatalogView;
import dev.switchboard.planner.spec.AgentLibrary;
import dev.switchboard.planner.spec.AgentSpecParser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import tools.jackson.databind.node.JsonNodeFactory;

/** The planner against the shared embedded broker: goals in, plans out, bad records parked. */
// No executor publishes the tools catalog here (UnknownToolWaitIT covers the wait for tools).
@SpringBootTest(
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "switchboard.planner.require-known-tools=false"
    })
class PlannerKafkaIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Value("${spring.embedded.kafka.brokers}")
  String brokers;

  @Autowired TopicNames names;

  @Autowired AgentLibrary agents;

  @Autowired ToolsCatalogView toolsCatalog;

  @Autowired AgentToolsHealthIndicator agentTools;

  @Autowired StreamsBuilderFactoryBean streams;

  @Autowired EventCodec codec;

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
              assertThat(action.actionId()).isEqualTo(goal.goalId() + "/demo/account");
              assertThat(action.tool()).isEqualTo("crm.lookup_account");
            });

    allowed(goal.goalId(), goal.goalId() + "/demo/account");
    accountFound(goal, lookup);

    List<PlanEvent> plans =
        await()
            .atMost(TIMEOUT)
            .until(() -> probe.events(Topics.PLAN, goal.goalId()), events -> events.size() == 2);
    StepsProposed contact = (StepsProposed) plans.get(1);
    assertThat(contact.actions())
        .singleElement()
        .satisfies(
            action -> {
              assertThat(action.tool()).isEqualTo("crm.find_contact");
              assertThat(action.arguments().get("account_id").asString()).isEqualTo("acct-acme");
            });
  }

  /**
   * The executor acts on a committed verdict and the planner reads verdicts and results from two
   * topics, so it can read a result first: the result waits in the goal's state (not in the
   * dead-letter topic) and counts once the verdict comes.
   */
  @Test
  void shouldTakeAResultReadBeforeItsVerdictOnceTheVerdictComes() {
    GoalSubmitted goal = goal();
    String actionId = goal.goalId() + "/demo/account";
    probe.send(Topics.GOALS, goal);
    StepsProposed lookup =
        probe.awaitEvent(Topics.PLAN, goal.goalId(), StepsProposed.class, TIMEOUT);

    accountFound(goal, lookup);
    GoalStates<PlannerState> states = new GoalStates<>(streams, codec, PlannerState.class);
    await()
        .atMost(TIMEOUT)
        .ignoreExceptions()
        .until(() -> states.get(goal.goalId()).orElseThrow().earlyResults().containsKey(actionId));
    assertThat(probe.events(Topics.PLAN, goal.goalId())).hasSize(1);

    allowed(goal.goalId(), actionId);
    List<PlanEvent> plans =
        await()
            .atMost(TIMEOUT)
            .until(() -> probe.events(Topics.PLAN, goal.goalId()), events -> events.size() == 2);
    assertThat(((StepsProposed) plans.get(1)).actions())
        .singleElement()
        .satisfies(action -> assertThat(action.tool()).isEqualTo("crm.find_contact"));
    assertThat(states.get(goal.goalId()).orElseThrow().earlyResults()).isEmpty();
  }

  @Test
  void shouldFollowTheToolsCatalogAndReportTheToolsItDoesNotList() {
    String tool = "crm.lookup_account";
    ToolEntry entry =
        new ToolEntry(
            tool,
            "Looks an account up.",
            null,
            ToolEntry.Annotations.READ_ONLY,
            true,
            "sales-tools",
            Instant.now());
    probe.sendRaw(names.of(Catalogs.TOOLS), tool, probe.codec().mapper().writeValueAsBytes(entry));

    await().atMost(TIMEOUT).until(() -> toolsCatalog.find(tool).isPresent());
    assertThat(toolsCatalog.caughtUp()).isTrue();
    assertThat(toolsCatalog.find(tool).orElseThrow().description())
        .isEqualTo("Looks an account up.");
    assertThat(agentTools.report().get("demo"))
        .as("the demo agent's other tools are not listed")
        .doesNotContain(tool)
        .contains("crm.find_contact");
  }

  @Test
  void shouldPublishEveryLoadedAgentOnTheCompactedAgentsCatalog() {
    List<AgentEntry> entries =
        await()
            .atMost(TIMEOUT)
            .until(
                () ->
                    probe.readAll(names.of(Catalogs.AGENTS)).stream()
                        .map(r -> probe.codec().mapper().readValue(r.value(), AgentEntry.class))
                        .toList(),
                read -> read.size() >= 4);

    assertThat(entries)
        .extracting(AgentEntry::name)
        .contains("demo", "sdr", "researcher", "writer");
    AgentEntry sdr = entries.stream().filter(e -> e.name().equals("sdr")).findFirst().orElseThrow();
    assertThat(sdr.contentHash()).isEqualTo(agents.current("sdr").orElseThrow().contentHash());
    assertThat(sdr.handoffs()).contains("agent:researcher", "agent:writer", "human:sales-ops");
    assertThat(sdr.tools()).contains("email.send");
    assertThat(sdr.budgets().maxSteps()).isEqualTo(12);
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
      String topic = names.of(Catalogs.AGENTS);
      Config config =
          admin
              .describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, topic)))
              .all()
              .get()
              .values()
              .iterator()
              .next();
      assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void shouldFindEveryKeptSpecVersionFromAFreshReader() {
    String hash = agents.current("sdr").orElseThrow().contentHash();
    try (KafkaSpecVersions fresh =
        new KafkaSpecVersions(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
            Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
            PlannerConfiguration.versionsTopic(names),
            new AgentSpecParser("human:operators"),
            probe.codec().mapper())) {
      fresh.start();

      assertThat(fresh.find(hash)).hasValueSatisfying(v -> assertThat(v.name()).isEqualTo("sdr"));
    }
  }

  @Test
  void shouldHandTheSalesGoalToTheResearcherWhoProposesItsLookupsTogether() {
    GoalSubmitted goal =
        new GoalSubmitted(
            "it-" + UUID.randomUUID(),
            UUID.randomUUID(),
            null,
            Instant.now(),
            "sdr",
            "Tell ACME about the new pricing",
            Map.of("account", "ACME"));
    probe.send(Topics.GOALS, goal);
    StepsProposed qualify =
        probe.awaitEvent(Topics.PLAN, goal.goalId(), StepsProposed.class, TIMEOUT);
    String qualifyId = qualify.actions().getFirst().actionId();

    allowed(goal.goalId(), qualifyId);
    probe.send(
        Topics.ACTION_RESULT,
        new ActionSucceeded(
            goal.goalId(),
            UUID.randomUUID(),
            qualify.eventId(),
            Instant.now(),
            qualifyId,
            "crm.lookup_account",
            JsonNodeFactory.instance
                .objectNode()
                .put("id", "A-1")
                .put("name", "ACME Corp")
                .put("status", "prospect")));
    HandoffProposed handoff =
        probe.awaitEvent(Topics.PLAN, goal.goalId(), HandoffProposed.class, TIMEOUT);
    assertThat(handoff.target()).isEqualTo("agent:researcher");
    assertThat(handoff.context().facts()).containsKey("account_id");

    probe.send(
        Topics.RESOLUTION,
        new Reassigned(
            goal.goalId(),
            UUID.randomUUID(),
            handoff.eventId(),
            Instant.now(),
            handoff.eventId() + "-handoff",
            "system:handoff",
            "agent:researcher"));

    List<PlanEvent> plans =
        await()
            .atMost(TIMEOUT)
            .until(() -> probe.events(Topics.PLAN, goal.goalId()), events -> events.size() == 3);
    StepsProposed research = (StepsProposed) plans.get(2);
    assertThat(research.agent()).isEqualTo("researcher");
    assertThat(research.actions())
        .extracting(PlannedAction::tool)
        .containsExactly("crm.lookup_account", "crm.find_contact");
    assertThat(research.actions())
        .allSatisfy(a -> assertThat(a.dependsOn()).containsExactly(qualifyId));
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

  /** The executor's part: the account lookup found ACME. */
  private void accountFound(GoalSubmitted goal, StepsProposed lookup) {
    probe.send(
        Topics.ACTION_RESULT,
        new ActionSucceeded(
            goal.goalId(),
            UUID.randomUUID(),
            lookup.eventId(),
            Instant.now(),
            goal.goalId() + "/demo/account",
            "crm.lookup_account",
            JsonNodeFactory.instance
                .objectNode()
                .put("id", "acct-acme")
                .put("name", "ACME")
                .put("industry", "Manufacturing")));
  }

  /** The guardrail's part: the planner takes a result only for an action it allowed. */
  private void allowed(String goalId, String actionId) {
    probe.send(
        Topics.VERDICT,
        new ActionAllowed(
            goalId, UUID.randomUUID(), null, Instant.now(), actionId, "read-only-tools"));
  }
}
