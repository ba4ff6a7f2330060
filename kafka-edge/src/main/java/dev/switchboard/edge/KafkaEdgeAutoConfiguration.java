package dev.switchboard.edge;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.Topic;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.WriterSignatures;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.KafkaStreamsInfrastructureCustomizer;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires a service's {@link GoalProcessor} to Kafka: creates its topics, runs it in an exactly-once
 * Kafka Streams topology with durable per-goal state, and reports readiness.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnBean(GoalProcessor.class)
@EnableConfigurationProperties({
  SwitchboardKafkaProperties.class,
  ActionKeySettings.class,
  EffectsProperties.class,
  RetentionProperties.class,
  HttpLimitsProperties.class,
  EventSigningProperties.class,
  TracingProperties.class
})
public class KafkaEdgeAutoConfiguration {
  private static final Logger log = LoggerFactory.getLogger(KafkaEdgeAutoConfiguration.class);

  @Bean
  TopicNames topicNames(SwitchboardKafkaProperties properties) {
    return new TopicNames(properties.topicPrefix());
  }

  @Bean
  EventCodec eventCodec(SwitchboardKafkaProperties properties) {
    return new EventCodec(properties.maxEventBytes());
  }

  /**
   * The topics this service reads (with their dead-letter topics) and writes, and its internal
   * effect topics (co-partitioned with the rest: same partition count, keyed by goalId).
   */
  @Bean
  KafkaAdmin.NewTopics switchboardTopics(
      GoalProcessor<?> logic, TopicNames names, SwitchboardKafkaProperties properties) {
    Set<String> topicNames = new LinkedHashSet<>();
    for (Topic<?> topic : logic.inputs()) {
      topicNames.add(names.of(topic));
      topicNames.add(names.deadLetterOf(topic));
    }
    for (Topic<?> topic : Topics.writtenBy(logic.service())) {
      topicNames.add(names.of(topic));
    }
    EffectTopics effectTopics = EffectTopics.of(applicationId(logic, properties));
    topicNames.add(effectTopics.intents());
    topicNames.add(effectTopics.results());
    return new KafkaAdmin.NewTopics(
        topicNames.stream()
            .map(
                name ->
                    TopicBuilder.name(name)
                        .partitions(properties.partitions())
                        .replicas(properties.replicationFactor())
                        .build())
            .toArray(NewTopic[]::new));
  }

  /**
   * The OpenTelemetry SDK from the standard {@code OTEL_*} variables, with {@code otel.*} Spring
   * properties as defaults below them; a context that has its own {@link OpenTelemetry} (a test's
   * in-memory exporter) uses that.
   */
  @Bean
  @ConditionalOnMissingBean(OpenTelemetry.class)
  OpenTelemetrySdk switchboardOpenTelemetry(GoalProcessor<?> logic, Environment environment) {
    Map<String, String> defaults = new HashMap<>();
    Binder.get(environment)
        .bind("otel", Bindable.mapOf(String.class, String.class))
        .ifBound(bound -> bound.forEach((key, value) -> defaults.put("otel." + key, value)));
    return TracingSdk.create(
        "switchboard-" + logic.service().name().toLowerCase(Locale.ROOT), defaults);
  }

  @Bean
  GoalTracing goalTracing(OpenTelemetry openTelemetry, TracingProperties properties) {
    return GoalTracing.of(openTelemetry, properties.content(), properties.quietReads());
  }

  /** Signs what this service writes, checks who wrote what it reads (off without key files). */
  @Bean
  EventSignatures eventSignatures(GoalProcessor<?> logic, EventSigningProperties properties) {
    EventSignatures signatures = properties.signatures(logic.service());
    if (!signatures.enabled()) {
      log.warn(
          "events are neither signed nor checked: set switchboard.security.event-signing.*"
              + " (bin/switchboard up does); anyone who can write to Kafka can forge events");
    }
    return signatures;
  }

  /** The same keys for what a service writes and reads beside goal events: the catalogs. */
  @Bean
  WriterSignatures writerSignatures(EventSignatures signatures) {
    return signatures.writerSignatures();
  }

  @Bean
  EffectHandlers effectHandlers(ObjectProvider<EffectHandler> handlers) {
    return new EffectHandlers(handlers.orderedStream().toList());
  }

  @Bean
  StreamsBuilderFactoryBean goalStreams(
      GoalProcessor<?> logic,
      TopicNames names,
      EventCodec codec,
      KafkaProperties kafkaProperties,
      SwitchboardKafkaProperties properties,
      ObjectProvider<TopologyExtension> extensions,
      ObjectProvider<GoalStoreSupplier> stores,
      EffectHandlers handlers,
      EffectsProperties effects,
      RetentionProperties retention,
      GoalTracing tracing,
      EventSignatures signatures) {
    GoalStoreSupplier store = stores.getIfAvailable(GoalStoreSupplier::persistent);
    String applicationId = applicationId(logic, properties);
    Map<String, Object> config = kafkaProperties.buildStreamsProperties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) properties.replicationFactor());
    config.putIfAbsent(StreamsConfig.STATE_DIR_CONFIG, temporaryStateDir(applicationId));
    config.putIfAbsent(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, StoreMemory.class);
    // A crashed instance's partitions move after 15 s instead of the default 45 s.
    config.putIfAbsent(
        StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 15_000);
    // A restarted instance with the same name takes its partitions back at once (Streams adds
    // "-<thread>"); without one it waits until the crashed member's session has expired.
    properties
        .staticInstanceId()
        .ifPresent(
            id ->
                config.putIfAbsent(
                    StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), id));
    StreamErrorHandlers.configure(
        config,
        logic.inputs().stream()
            .map(names::of)
            .collect(Collectors.toCollection(LinkedHashSet::new)));
    StreamsBuilderFactoryBean factory =
        new StreamsBuilderFactoryBean(new KafkaStreamsConfiguration(config));
    factory.setInfrastructureCustomizer(
        new KafkaStreamsInfrastructureCustomizer() {
          @Override
          public void configureBuilder(StreamsBuilder builder) {
            GoalStreamTopology.addTo(
                builder,
                logic,
                names,
                codec,
                applicationId,
                store,
                handlers,
                effects,
                retention,
                tracing,
                Clock.systemUTC(),
                new RecordGate(properties.maxEventBytes(), properties.partitions(), signatures));
            extensions.orderedStream().forEach(e -> e.addTo(builder, names, applicationId));
          }
        });
    // A thread that dies on an unexpected error is replaced; bad records never get that far.
    factory.setStreamsUncaughtExceptionHandler(e -> StreamThreadExceptionResponse.REPLACE_THREAD);
    // A clean stop hands its partitions over at once; a restart need not wait out the session.
    factory.setLeaveGroupOnClose(true);
    return factory;
  }

  /** Runs the effects the processor asks for; only in services with effect handlers. */
  @Bean
  @ConditionalOnBean(EffectHandler.class)
  EffectWorker effectWorker(
      GoalProcessor<?> logic,
      TopicNames names,
      EventCodec codec,
      KafkaProperties kafkaProperties,
      SwitchboardKafkaProperties properties,
      EffectHandlers handlers,
      EffectsProperties effects,
      GoalTracing tracing,
      EventSignatures signatures) {
    String applicationId = applicationId(logic, properties);
    Map<String, Object> consumerConfig = kafkaProperties.buildConsumerProperties();
    // The worker's own group: a restarted worker takes the intents' partitions back at once too.
    properties
        .staticInstanceId()
        .ifPresent(id -> consumerConfig.putIfAbsent(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id));
    return new EffectWorker(
        applicationId,
        EffectTopics.of(applicationId),
        consumerConfig,
        kafkaProperties.buildProducerProperties(),
        handlers,
        new EffectRunner(effects),
        new EffectRecordCodec(codec.mapper()),
        codec,
        names,
        logic.service(),
        effects,
        tracing,
        Clock.systemUTC(),
        signatures);
  }

  @Bean
  GoalStreamsHealthIndicator goalStreamsHealthIndicator(
      @Qualifier("&goalStreams") StreamsBuilderFactoryBean goalStreams,
      SwitchboardKafkaProperties properties) {
    GoalStreamsHealthIndicator indicator =
        new GoalStreamsHealthIndicator(
            GoalStreamsHealthIndicator.stateOf(goalStreams::getKafkaStreams),
            properties.rebalanceGrace(),
            Clock.systemUTC());
    goalStreams.setStateListener(indicator::onChange);
    return indicator;
  }

  @Bean
  KafkaClusterHealthIndicator kafkaClusterHealthIndicator(KafkaProperties kafkaProperties) {
    return new KafkaClusterHealthIndicator(kafkaProperties.buildAdminProperties());
  }

  @Bean
  @Lazy
  EventPublisher eventPublisher(
      GoalProcessor<?> logic,
      TopicNames names,
      EventCodec codec,
      KafkaProperties kafkaProperties,
      GoalTracing tracing,
      EventSignatures signatures) {
    return new EventPublisher(
        kafkaProperties.buildProducerProperties(),
        names,
        codec,
        logic.service(),
        tracing,
        signatures);
  }

  /**
   * Every service's HTTP API refuses oversized bodies before reading them (or signing anyone in).
   */
  @Bean
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  FilterRegistrationBean<RequestSizeLimit> switchboardRequestSizeLimit(
      HttpLimitsProperties limits, JsonMapper json) {
    FilterRegistrationBean<RequestSizeLimit> registration =
        new FilterRegistrationBean<>(
            new RequestSizeLimit(limits.maxRequestSize().toBytes(), false, json));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  ServiceUnavailableAdvice serviceUnavailableAdvice() {
    return new ServiceUnavailableAdvice();
  }

  static String applicationId(GoalProcessor<?> logic, SwitchboardKafkaProperties properties) {
    return properties.topicPrefix()
        + "switchboard-"
        + logic.service().name().toLowerCase(Locale.ROOT);
  }

  /**
   * Stores (RocksDB on disk, or what a {@link GoalStoreSupplier} says) are restored from their
   * changelog topics, so a fresh local directory per process loses nothing; set {@code
   * spring.kafka.streams.state-dir} to keep one, and a restart restores only what it missed.
   */
  private static String temporaryStateDir(String applicationId) {
    try {
      return Files.createTempDirectory(applicationId + "-state").toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a Kafka Streams state directory", e);
    }
  }
}
