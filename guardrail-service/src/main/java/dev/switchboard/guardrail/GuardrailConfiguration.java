package dev.switchboard.guardrail;

import dev.switchboard.contracts.ActionSigner;
import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.WriterSignatures;
import dev.switchboard.contracts.catalog.Catalogs;
import dev.switchboard.edge.ActionKeySettings;
import dev.switchboard.edge.InvalidConfigurationException;
import dev.switchboard.edge.SwitchboardKafkaProperties;
import dev.switchboard.edge.TopologyExtension;
import dev.switchboard.policy.AgentCatalog;
import dev.switchboard.policy.CatalogFacts;
import dev.switchboard.policy.InvalidPolicyException;
import dev.switchboard.policy.ToolCatalog;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** Wires the guardrail's plain classes; the kafka-edge runs the {@link Guardrail} bean. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GuardrailProperties.class)
class GuardrailConfiguration {
  private static final Logger log = LoggerFactory.getLogger(GuardrailConfiguration.class);

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  ActionSigner actionSigner(ActionKeySettings security, EventCodec codec) {
    ActionSigner signer = security.actionSigner(codec);
    // Key ids only: the secrets never reach a log.
    log.info(
        "action keys {}; signing with '{}'", security.actionKeyRing().keyIds(), signer.keyId());
    return signer;
  }

  /** Start-up stops here, naming file, line and expression, when the policy does not compile. */
  @Bean(destroyMethod = "close")
  ReloadingPolicy guardrailPolicy(
      GuardrailProperties properties, ResourceLoader resources, Clock clock) {
    ReloadingPolicy policy;
    try {
      policy =
          new ReloadingPolicy(
              PolicyLocations.of(properties.policy().locations(), resources), clock);
    } catch (InvalidPolicyException e) {
      throw new InvalidConfigurationException(
          "switchboard.guardrail.policy.locations "
              + properties.policy().locations()
              + ": "
              + e.getMessage());
    }
    policy.start(properties.policy().reloadInterval());
    return policy;
  }

  @Bean
  PolicyHealthIndicator policyHealthIndicator(ReloadingPolicy guardrailPolicy) {
    return new PolicyHealthIndicator(guardrailPolicy);
  }

  /** Tool and agent facts for what the {@code tools} and {@code agents} catalogs do not list. */
  @Bean
  CatalogFacts catalogFacts(GuardrailProperties properties, ResourceLoader resources) {
    CatalogFacts facts = CatalogFacts.EMPTY;
    for (String location : properties.facts()) {
      try {
        facts = facts.with(CatalogFacts.parse(location, PolicyLocations.read(location, resources)));
      } catch (InvalidPolicyException e) {
        throw new InvalidConfigurationException(
            "switchboard.guardrail.facts " + location + ": " + e.getMessage());
      }
    }
    return facts;
  }

  /** The planner's agents catalog as a global store (see {@link StreamsAgentCatalog}). */
  @Bean
  CatalogTopology agentCatalogTopology(WriterSignatures signatures) {
    return CatalogTopology.agents(signatures);
  }

  /** The executor's tools catalog as a global store (see {@link StreamsToolCatalog}). */
  @Bean
  CatalogTopology toolCatalogTopology(WriterSignatures signatures) {
    return CatalogTopology.tools(signatures);
  }

  /** Entries of the catalogs ignored because their writer did not sign them. */
  @Bean("catalogs")
  CatalogsHealthIndicator catalogsHealthIndicator(List<CatalogTopology> catalogs) {
    return new CatalogsHealthIndicator(catalogs);
  }

  /** Created here too (as the executor does), so the guardrail can start before the executor. */
  @Bean
  NewTopic toolsCatalogTopic(TopicNames names, SwitchboardKafkaProperties kafka) {
    return TopicBuilder.name(names.of(Catalogs.TOOLS))
        .partitions(1)
        .replicas(kafka.replicationFactor())
        .compact()
        .build();
  }

  /** Created here too, so the guardrail can start before the planner ever ran. */
  @Bean
  NewTopic agentsCatalogTopic(TopicNames names, SwitchboardKafkaProperties kafka) {
    return TopicBuilder.name(names.of(Catalogs.AGENTS))
        .partitions(1)
        .replicas(kafka.replicationFactor())
        .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
        .build();
  }

  @Bean
  AgentCatalog agentCatalog(
      CatalogFacts catalogFacts,
      EventCodec codec,
      ObjectProvider<StreamsBuilderFactoryBean> streams) {
    return new StreamsAgentCatalog(
        new CatalogStore(kafkaStreams(streams), CatalogTopology.AGENTS_STORE),
        codec,
        catalogFacts.agents());
  }

  @Bean
  ToolCatalog toolCatalog(
      CatalogFacts catalogFacts,
      EventCodec codec,
      ObjectProvider<StreamsBuilderFactoryBean> streams) {
    return new StreamsToolCatalog(
        new CatalogStore(kafkaStreams(streams), CatalogTopology.TOOLS_STORE), codec, catalogFacts);
  }

  /** The rate counters' sub-topology; adds nothing when no limit is configured. */
  @Bean
  TopologyExtension rateUsageTopology(GuardrailProperties properties, EventCodec codec) {
    RateLimiter limits = new RateLimiter(properties.rateLimits(), RateUsage.NONE);
    if (!limits.enabled()) {
      return (builder, names, applicationId) -> {};
    }
    return new RateUsageTopology(codec, properties.rateLimits().bucket(), limits.longestWindow());
  }

  @Bean
  KafkaAdmin.NewTopics rateUsageTopic(
      GuardrailProperties properties, TopicNames names, SwitchboardKafkaProperties kafka) {
    RateLimiter limits = new RateLimiter(properties.rateLimits(), RateUsage.NONE);
    if (!limits.enabled()) {
      return new KafkaAdmin.NewTopics();
    }
    long retention =
        limits.longestWindow().plus(properties.rateLimits().bucket().multipliedBy(4)).toMillis();
    NewTopic topic =
        TopicBuilder.name(RateUsageTopology.topicName(names))
            .partitions(kafka.partitions())
            .replicas(kafka.replicationFactor())
            .config(
                TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE)
            .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention))
            .build();
    return new KafkaAdmin.NewTopics(topic);
  }

  @Bean
  RateUsage rateUsage(
      GuardrailProperties properties, ObjectProvider<StreamsBuilderFactoryBean> streams) {
    if (properties.rateLimits().limits().isEmpty()) {
      return RateUsage.NONE;
    }
    return new StreamsRateUsage(kafkaStreams(streams), properties.rateLimits().bucket());
  }

  /** Looked up on first use: the stream factory itself needs the Guardrail bean. */
  private static Supplier<KafkaStreams> kafkaStreams(
      ObjectProvider<StreamsBuilderFactoryBean> streams) {
    return () -> {
      StreamsBuilderFactoryBean factory = streams.getIfAvailable();
      return factory == null ? null : factory.getKafkaStreams();
    };
  }

  @Bean
  Guardrail guardrail(
      ReloadingPolicy guardrailPolicy,
      ToolCatalog toolCatalog,
      AgentCatalog agentCatalog,
      GuardrailProperties properties,
      RateUsage rateUsage,
      ActionSigner signer,
      Clock clock) {
    return Guardrail.create(
        guardrailPolicy, toolCatalog, agentCatalog, properties, rateUsage, signer, clock);
  }
}
