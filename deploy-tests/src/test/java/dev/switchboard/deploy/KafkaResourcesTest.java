package dev.switchboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.catalog.Catalogs;
import dev.switchboard.deploy.KafkaResources.Acl;
import dev.switchboard.deploy.KafkaResources.UserSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class KafkaResourcesTest {
  private final KafkaResources kafka = new KafkaResources(TopicNames.unprefixed(), 12, 3);

  @Test
  void shouldGiveEachCatalogTopicExactlyItsOneWriter() {
    Topics.ALL.forEach(
        topic ->
            assertThat(writersOf(topic.baseName()))
                .as(topic.baseName())
                .containsExactly(writerUser(topic.writer())));
    Catalogs.ALL.forEach(
        topic ->
            assertThat(writersOf(topic.baseName()))
                .as(topic.baseName())
                .containsExactly(writerUser(topic.writer())));
    assertThat(writersOf("action-request")).containsExactly("switchboard-guardrail");
    assertThat(writersOf("escalation")).containsExactly("switchboard-guardrail");
    assertThat(writersOf("action-result")).containsExactly("switchboard-executor");
    assertThat(writersOf("tools")).containsExactly("switchboard-executor");
    assertThat(writersOf("resolution")).containsExactly("switchboard-handoff");
    assertThat(writersOf("plan")).containsExactly("switchboard-planner");
    assertThat(writersOf("agents")).containsExactly("switchboard-planner");
    assertThat(writersOf("goals")).containsExactly(KafkaResources.GOAL_PRODUCER_USER);
  }

  @Test
  void shouldLetEveryConsumerOfATopicWriteItsDeadLetters() {
    assertThat(writersOf("goals.dlq"))
        .containsExactlyInAnyOrder(
            "switchboard-planner", "switchboard-guardrail", "switchboard-trace");
    assertThat(writersOf("action-request.dlq"))
        .containsExactlyInAnyOrder("switchboard-executor", "switchboard-trace");
  }

  /** The inbox reads the agents catalog: a person may hand a goal only to an agent it lists. */
  @Test
  void shouldLetEachCatalogsFollowersReadIt() {
    assertThat(usersWith("agents", "Read"))
        .containsExactlyInAnyOrder("switchboard-guardrail", "switchboard-handoff");
    assertThat(usersWith("tools", "Read"))
        .containsExactlyInAnyOrder(
            "switchboard-planner", "switchboard-guardrail", "switchboard-executor");
  }

  @Test
  void shouldKeepInternalTopicsAndTransactionsUnderTheServicesOwnApplicationId() {
    UserSpec planner = user("switchboard-planner");
    assertThat(planner.acls())
        .contains(
            new Acl("topic", "switchboard-planner-", true, List.of("All")),
            new Acl("group", "switchboard-planner", true, List.of("Read", "Describe")),
            new Acl("transactionalId", "switchboard-planner-", true, List.of("Write", "Describe")));
    assertThat(user("switchboard-trace").acls())
        .filteredOn(acl -> acl.operations().contains("Write"))
        .allMatch(acl -> acl.name().endsWith(".dlq") || acl.prefixed());
  }

  @Test
  void shouldCreateCompactedCatalogsWithOnePartitionAndGoalTopicsWithAll() {
    assertThat(kafka.topics())
        .contains(
            new KafkaResources.TopicSpec("tools", 1, true),
            new KafkaResources.TopicSpec("agents", 1, true),
            new KafkaResources.TopicSpec("goals", 12, false),
            new KafkaResources.TopicSpec("goals.dlq", 12, false))
        .hasSize(Topics.ALL.size() * 2 + Catalogs.ALL.size());
  }

  @Test
  void shouldPrefixEverythingWithTheTopicPrefix() {
    KafkaResources prefixed = new KafkaResources(new TopicNames("acme."), 6, 1);
    assertThat(prefixed.topics()).allMatch(topic -> topic.name().startsWith("acme."));
    assertThat(prefixed.users().get(0).acls())
        .filteredOn(acl -> !acl.resourceType().equals("cluster"))
        .allMatch(acl -> acl.name().startsWith("acme."));
    assertThat(StrimziManifests.users(prefixed)).contains("name: acme.switchboard-planner\n");
  }

  private List<String> writersOf(String topic) {
    return usersWith(topic, "Write");
  }

  private List<String> usersWith(String topic, String operation) {
    return kafka.users().stream()
        .filter(
            user ->
                user.acls().stream()
                    .anyMatch(
                        acl ->
                            acl.resourceType().equals("topic")
                                && !acl.prefixed()
                                && acl.name().equals(topic)
                                && acl.operations().contains(operation)))
        .map(UserSpec::name)
        .toList();
  }

  private UserSpec user(String name) {
    return kafka.users().stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow();
  }

  private static String writerUser(Service service) {
    return service == Service.GOAL_PRODUCERS
        ? KafkaResources.GOAL_PRODUCER_USER
        : KafkaResources.userName(service);
  }
}
