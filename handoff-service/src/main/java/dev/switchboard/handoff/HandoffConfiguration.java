package dev.switchboard.handoff;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.WriterSignatures;
import dev.switchboard.edge.EventPublisher;
import dev.switchboard.edge.GoalStates;
import dev.switchboard.edge.GoalTracing;
import dev.switchboard.edge.InvalidConfigurationException;
import java.time.Clock;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/** The inbox logic for the Kafka edge, the desk that answers, and the routing between instances. */
@Configuration(proxyBeanMethods = false)
class HandoffConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  Inbox inbox(HandoffProperties properties, SlaClock sla) {
    return new Inbox(properties.defaultSla(), sla);
  }

  @Bean
  InboxSource inboxSource(
      @Qualifier("&goalStreams") StreamsBuilderFactoryBean goalStreams, EventCodec codec) {
    return InboxSource.of(new GoalStates<>(goalStreams, codec, HandoffState.class));
  }

  @Bean
  SlaClock slaClock(Clock clock, HandoffProperties properties) {
    return new SlaClock(clock, properties.nextQueues());
  }

  @Bean
  InboxAuthority inboxAuthority(HandoffProperties properties) {
    return new InboxAuthority(new QueueAccess(properties.queueRoles(), properties.adminRole()));
  }

  @Bean
  InboxLinks inboxLinks(HandoffProperties properties) {
    return properties.links();
  }

  /** The planner's agents catalog, followed while running: who a goal may be handed to. */
  @Bean(destroyMethod = "close")
  AgentsCatalogView knownAgents(
      KafkaProperties kafka, TopicNames names, WriterSignatures signatures) {
    return AgentsCatalogView.start(kafka.buildConsumerProperties(), names, signatures);
  }

  @Bean
  AgentTargets agentTargets(KnownAgents agents) {
    return new AgentTargets(agents);
  }

  /** The publisher is created on the first answer, not at start-up. */
  @Bean
  EscalationDesk escalationDesk(
      InboxSource inbox,
      ObjectProvider<EventPublisher> publisher,
      InboxAuthority authority,
      SlaClock sla,
      GoalTracing tracing,
      AgentTargets agents) {
    return new EscalationDesk(
        inbox, new PublishedResolutions(publisher::getObject, tracing), authority, sla, agents);
  }

  @Bean
  GoalOwners goalOwners(
      @Qualifier("&goalStreams") StreamsBuilderFactoryBean goalStreams,
      KafkaProperties kafka,
      HandoffProperties properties) {
    String advertised =
        kafka.getStreams().getProperties().get(StreamsConfig.APPLICATION_SERVER_CONFIG);
    if (advertised != null
        && !advertised.isBlank()
        && (properties.peerToken() == null || properties.peerToken().isBlank())) {
      throw new InvalidConfigurationException(
          "this handoff instance advertises "
              + advertised
              + " to its peers (application.server) but has no switchboard.handoff.peer-token"
              + " (SWITCHBOARD_HANDOFF_PEER_TOKEN) to call them with; set the same one on all");
    }
    return new GoalOwners(goalStreams, advertised);
  }

  @Bean
  PeerClient peerClient(EventCodec codec, HandoffProperties properties) {
    return new PeerClient(codec.mapper(), properties.peerToken());
  }

  @Bean
  InboxEvents inboxEvents(InboxAuthority authority) {
    return new InboxEvents(authority);
  }

  @Bean
  InboxChangeFeed inboxChangeFeed(
      KafkaProperties kafka,
      TopicNames names,
      EventCodec codec,
      InboxRouter router,
      InboxEvents events) {
    return new InboxChangeFeed(kafka.buildConsumerProperties(), names, codec, router::peek, events);
  }

  @Bean
  InboxRouter inboxRouter(
      EscalationDesk desk, GoalOwners owners, PeerClient peers, InboxAuthority authority) {
    return new InboxRouter(desk, owners, peers, authority);
  }
}
