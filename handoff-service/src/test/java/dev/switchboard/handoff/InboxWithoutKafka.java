package dev.switchboard.handoff;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.websecurity.ServiceTokens;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The inbox's web side, security and all, on an in-memory inbox instead of Kafka: one instance that
 * owns every goal. Active only where a test asks for it, so the application's component scan in
 * {@link HandoffIT} passes it by.
 */
@SpringBootConfiguration
@ConditionalOnProperty("switchboard.test.inbox-without-kafka")
@EnableAutoConfiguration
@EnableConfigurationProperties(HandoffProperties.class)
@Import({
  HandoffSecurity.class,
  EscalationController.class,
  PeerController.class,
  InboxPageController.class,
  EscalationProblems.class,
  ApiDocumentation.class
})
class InboxWithoutKafka {
  /** The edge's readiness group names a Kafka Streams check this context does not have. */
  static final String NO_KAFKA_HEALTH =
      "management.endpoint.health.group.readiness.include=readinessState";

  static final String ACTIVE = "switchboard.test.inbox-without-kafka=true";

  static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");
  static final String PASSWORD = "a-password-for-tests-1";
  static final String BOT_TOKEN = "ticket-bot-token-0123456789abcdef";
  static final String PEER_TOKEN = "peer-token-0123456789abcdef";
  static final String OPERATOR_TOKEN = "operator-token-0123456789abcdef";

  /** ann and bob approve, carol approves and asks for goals, sam works sales only. */
  static void people(DynamicPropertyRegistry registry) {
    String hash = new BCryptPasswordEncoder(4).encode(PASSWORD);
    String[][] users = {
      {"ann", "approvers"}, {"bob", "approvers,sales"}, {"carol", "approvers"}, {"sam", "sales"}
    };
    for (int i = 0; i < users.length; i++) {
      String[] user = users[i];
      registry.add("switchboard.handoff.users[" + i + "].name", () -> user[0]);
      registry.add("switchboard.handoff.users[" + i + "].password-hash", () -> hash);
      registry.add("switchboard.handoff.users[" + i + "].roles", () -> user[1]);
    }
    registry.add("switchboard.handoff.service-tokens[0].name", () -> "ticket-bot");
    registry.add(
        "switchboard.handoff.service-tokens[0].token-hash", () -> ServiceTokens.hash(BOT_TOKEN));
    registry.add("switchboard.handoff.service-tokens[0].roles", () -> "approvers");
    registry.add("switchboard.handoff.operator-token", () -> OPERATOR_TOKEN);
    registry.add("switchboard.handoff.peer-token", () -> PEER_TOKEN);
    registry.add("switchboard.handoff.links.trace-console", () -> "http://trace.example");
    registry.add("switchboard.handoff.links.jaeger", () -> "http://jaeger.example");
  }

  @Bean
  Clock clock() {
    return Clock.fixed(NOW, ZoneOffset.UTC);
  }

  @Bean
  EventCodec eventCodec() {
    return new EventCodec();
  }

  @Bean
  InboxInMemory inboxInMemory() {
    return new InboxInMemory();
  }

  @Bean
  SlaClock slaClock(Clock clock) {
    return new SlaClock(clock);
  }

  @Bean
  InboxAuthority inboxAuthority(HandoffProperties properties) {
    return new InboxAuthority(new QueueAccess(properties.queueRoles(), properties.adminRole()));
  }

  @Bean
  InboxLinks inboxLinks(HandoffProperties properties) {
    return properties.links();
  }

  /** The planner's agents catalog, as far as these tests go. */
  @Bean
  ListedAgents listedAgents() {
    return new ListedAgents("clerk", "scout");
  }

  @Bean
  AgentTargets agentTargets(ListedAgents agents) {
    return new AgentTargets(agents);
  }

  @Bean
  EscalationDesk escalationDesk(
      InboxInMemory inbox, InboxAuthority authority, SlaClock sla, AgentTargets agents) {
    return new EscalationDesk(inbox, inbox, authority, sla, agents);
  }

  @Bean
  InboxRouter inboxRouter(
      EscalationDesk desk,
      InboxAuthority authority,
      EventCodec codec,
      HandoffProperties properties) {
    return new InboxRouter(
        desk,
        new GoalOwners(null, null),
        new PeerClient(codec.mapper(), properties.peerToken()),
        authority);
  }

  @Bean
  InboxEvents inboxEvents(InboxAuthority authority) {
    return new InboxEvents(authority);
  }
}
