package dev.switchboard.planner;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.WriterSignatures;
import dev.switchboard.contracts.catalog.Catalogs;
import dev.switchboard.edge.InvalidConfigurationException;
import dev.switchboard.edge.SwitchboardKafkaProperties;
import dev.switchboard.planner.catalog.AgentCatalogWriter;
import dev.switchboard.planner.catalog.AgentSpecWatcher;
import dev.switchboard.planner.catalog.KafkaSpecVersions;
import dev.switchboard.planner.catalog.ToolsCatalogView;
import dev.switchboard.planner.llm.ChatEffects;
import dev.switchboard.planner.llm.LlmConfiguration;
import dev.switchboard.planner.llm.LlmPlanner;
import dev.switchboard.planner.llm.ModelPrices;
import dev.switchboard.planner.spec.AgentLibrary;
import dev.switchboard.planner.spec.AgentSpecParser;
import dev.switchboard.planner.spec.PlannerKind;
import dev.switchboard.planner.spec.SpecSource;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.util.function.SingletonSupplier;

/** Wires the planner's plain classes; the kafka-edge runs the {@link GoalPlanner} bean. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlannerProperties.class)
@Import(LlmConfiguration.class)
class PlannerConfiguration {
  private static final Logger log = LoggerFactory.getLogger(PlannerConfiguration.class);

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  AgentSpecParser agentSpecParser(PlannerProperties properties) {
    return new AgentSpecParser(properties.escalationQueue());
  }

  /** Topic of every spec version loaded, by content hash: internal to the planner. */
  @Bean
  NewTopic agentVersionsTopic(TopicNames names, SwitchboardKafkaProperties kafka) {
    return TopicBuilder.name(versionsTopic(names))
        .partitions(1)
        .replicas(kafka.replicationFactor())
        .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
        .build();
  }

  @Bean
  NewTopic agentsCatalogTopic(TopicNames names, SwitchboardKafkaProperties kafka) {
    return TopicBuilder.name(names.of(Catalogs.AGENTS))
        .partitions(1)
        .replicas(kafka.replicationFactor())
        .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
        .build();
  }

  @Bean
  KafkaSpecVersions specVersions(
      KafkaProperties kafka, TopicNames names, AgentSpecParser parser, EventCodec codec) {
    return new KafkaSpecVersions(
        kafka.buildProducerProperties(),
        kafka.buildConsumerProperties(),
        versionsTopic(names),
        parser,
        codec.mapper());
  }

  @Bean
  AgentLibrary agentLibrary(
      PlannerProperties properties, AgentSpecParser parser, KafkaSpecVersions versions) {
    SpecSource source;
    try {
      source =
          SpecSource.choose(
              properties.agentsDir(),
              PlannerProperties.DEFAULT_AGENTS_DIR,
              PlannerConfiguration.class.getClassLoader());
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException(e.getMessage());
    }
    return AgentLibrary.load(source, parser, versions);
  }

  @Bean
  AgentCatalogWriter agentCatalogWriter(
      KafkaProperties kafka, TopicNames names, EventCodec codec, WriterSignatures signatures) {
    return new AgentCatalogWriter(kafka.buildProducerProperties(), names, codec, signatures);
  }

  @Bean
  AgentSpecWatcher agentSpecWatcher(
      AgentLibrary library,
      KafkaSpecVersions versions,
      AgentCatalogWriter catalog,
      PlannerProperties properties) {
    return new AgentSpecWatcher(library, versions, catalog, properties.reloadInterval());
  }

  /** Created here too (as the executor does), so the planner can start before the executor. */
  @Bean
  NewTopic toolsCatalogTopic(TopicNames names, SwitchboardKafkaProperties kafka) {
    return TopicBuilder.name(names.of(Catalogs.TOOLS))
        .partitions(1)
        .replicas(kafka.replicationFactor())
        .compact()
        .build();
  }

  /** The executor's tools catalog, followed while running. */
  @Bean(destroyMethod = "close")
  ToolsCatalogView toolsCatalog(
      KafkaProperties kafka, TopicNames names, WriterSignatures signatures) {
    return ToolsCatalogView.start(kafka.buildConsumerProperties(), names, signatures);
  }

  @Bean
  AgentToolsHealthIndicator agentToolsHealthIndicator(
      AgentLibrary agents, ToolsCatalogView toolsCatalog) {
    AgentToolsHealthIndicator indicator = new AgentToolsHealthIndicator(agents, toolsCatalog);
    toolsCatalog.whenCaughtUp(indicator::report);
    return indicator;
  }

  @Bean
  GoalPlanner goalPlanner(
      AgentLibrary agents,
      PlannerProperties properties,
      Clock clock,
      ObjectProvider<ToolsCatalogView> toolsCatalogProvider,
      ObjectProvider<LlmPlanner> llmPlanner,
      ObjectProvider<ModelPrices> prices,
      ObjectProvider<ChatEffects> chatEffects) {
    if (agents.current(properties.defaultAgent()).isEmpty()) {
      throw new InvalidConfigurationException(
          "switchboard.planner.default-agent '"
              + properties.defaultAgent()
              + "' is not a known agent; known agents: "
              + String.join(", ", agents.names()));
    }
    Map<PlannerKind, Planner> planners = new EnumMap<>(PlannerKind.class);
    planners.put(PlannerKind.DETERMINISTIC, new DeterministicPlanner());
    llmPlanner.ifAvailable(planner -> planners.put(PlannerKind.LLM, planner));
    agents.all().stream()
        .filter(
            spec ->
                spec.spec().planner() == PlannerKind.LLM && !planners.containsKey(PlannerKind.LLM))
        .forEach(
            spec ->
                log.warn(
                    "agent '{}' uses the llm planner, but switchboard.planner.llm.provider is not"
                        + " set: its goals will fail",
                    spec.name()));
    // Looked up at first use: the catalog's reader needs the edge's signatures, which need this
    // planner (the service it signs as) — a cycle if taken here.
    Supplier<ToolsCatalogView> toolsCatalog = SingletonSupplier.of(toolsCatalogProvider::getObject);
    // Model calls leave the planner as kafka-edge's durable effects; none without a provider.
    return new GoalPlanner(
        agents,
        planners,
        properties.defaultAgent(),
        properties.escalationQueue(),
        clock,
        chatEffects.stream().map(ModelCalls.class::cast).findFirst().orElse(ModelCalls.NONE),
        prices.getIfAvailable(() -> new ModelPrices(Map.of())),
        // Not listed yet (also while the catalog is still being read): the goal waits for it.
        properties.requireKnownTools()
            ? tool -> toolsCatalog.get().find(tool).isEmpty()
            : tool -> false,
        properties.unknownToolGrace(),
        properties.unknownToolRecheck());
  }

  /** Internal to the planner, named like its Kafka Streams topics. */
  static String versionsTopic(TopicNames names) {
    return names.prefix() + "switchboard-planner-agent-versions";
  }
}
