package dev.switchboard.executor.tool;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.WriterSignatures;
import dev.switchboard.contracts.catalog.CatalogReader;
import dev.switchboard.contracts.catalog.CatalogWriter;
import dev.switchboard.contracts.catalog.Catalogs;
import dev.switchboard.contracts.catalog.ToolEntry;
import dev.switchboard.edge.InvalidConfigurationException;
import dev.switchboard.edge.SwitchboardKafkaProperties;
import dev.switchboard.executor.ExecutorProperties;
import dev.switchboard.executor.tool.config.SecretValues;
import dev.switchboard.executor.tool.config.ToolsFileException;
import dev.switchboard.executor.tool.config.ToolsFileReader;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The executor's tools: the built-ins, the registry the tool file fills, the compacted {@code
 * tools} catalog topic and the health of it all.
 */
@Configuration(proxyBeanMethods = false)
public class ToolsConfiguration {
  private static final Logger log = LoggerFactory.getLogger(ToolsConfiguration.class);
  private static final Duration CATALOG_READ_TIMEOUT = Duration.ofSeconds(15);

  @Bean
  DemoLookupTool demoLookupTool(EventCodec codec) {
    return DemoLookupTool.withDemoAccounts(codec.mapper());
  }

  @Bean
  DemoSendTool demoSendTool(ExecutorProperties properties, EventCodec codec, Clock clock) {
    return new DemoSendTool(properties.outboxDir(), codec.mapper(), clock);
  }

  /** Starts with the built-ins; the loader fills in the tool file's tools at start-up. */
  @Bean
  ToolRegistry toolRegistry(List<Tool> builtins) {
    return new ToolRegistry(builtins);
  }

  /** The catalog is keyed by tool name and compacted: the latest entry per tool is what counts. */
  @Bean
  KafkaAdmin.NewTopics toolsCatalogTopic(TopicNames names, SwitchboardKafkaProperties kafka) {
    return new KafkaAdmin.NewTopics(
        TopicBuilder.name(names.of(Catalogs.TOOLS))
            .partitions(1)
            .replicas(kafka.replicationFactor())
            .compact()
            .build());
  }

  @Bean(destroyMethod = "close")
  CatalogWriter<ToolEntry> toolsCatalogWriter(
      KafkaProperties kafka, TopicNames names, EventCodec codec, WriterSignatures signatures) {
    return new CatalogWriter<>(
        kafka.buildProducerProperties(),
        names,
        Catalogs.TOOLS,
        Service.EXECUTOR,
        codec,
        signatures);
  }

  @Bean(destroyMethod = "close")
  ToolRegistryLoader toolRegistryLoader(
      ToolRegistry registry,
      List<Tool> builtins,
      ToolsProperties tools,
      ExecutorProperties executor,
      CatalogWriter<ToolEntry> catalog,
      EventCodec codec,
      Clock clock) {
    SecretValues secrets = SecretValues.fromEnvironment(tools.secretsDir());
    Set<String> builtinNames = builtins.stream().map(Tool::name).collect(Collectors.toSet());
    ToolRuntime runtime =
        new ToolRuntime(
            secrets,
            executor.toolTimeout(),
            tools.connectTimeout(),
            codec.mapper(),
            new OutputLimit(tools.maxResultBytes(), codec.mapper()),
            HttpClient.newBuilder().connectTimeout(tools.connectTimeout()).build());
    ToolCatalogSync sync =
        new ToolCatalogSync(
            new ToolCatalogSync.Sink() {
              @Override
              public void publish(ToolEntry entry) {
                catalog.publish(entry);
              }

              @Override
              public void remove(String name) {
                catalog.remove(name);
              }
            },
            clock);
    return new ToolRegistryLoader(
        registry,
        new ToolsFileReader(builtinNames, secrets),
        tools.file(),
        builtins,
        sync,
        runtime,
        clock);
  }

  /**
   * Loads the tools after the topics exist and before the goal stream starts, so the first request
   * finds them; learns the catalog's current entries first, to tombstone tools gone meanwhile.
   */
  @Bean
  SmartLifecycle toolRegistryLifecycle(
      ToolRegistryLoader loader,
      ToolsProperties tools,
      KafkaProperties kafka,
      TopicNames names,
      WriterSignatures signatures) {
    return new SmartLifecycle() {
      private volatile boolean running;

      @Override
      public void start() {
        try {
          loader.catalog().startFrom(currentCatalog(kafka, names, signatures));
          loader.start();
        } catch (ToolsFileException e) {
          throw new InvalidConfigurationException(
              "the tool file (switchboard.executor.tools.file) cannot be used: " + e.getMessage());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while loading the tools", e);
        }
        loader.watch(tools.reloadInterval());
        running = true;
      }

      @Override
      public void stop() {
        loader.close();
        running = false;
      }

      @Override
      public boolean isRunning() {
        return running;
      }

      /** Before the Kafka Streams topology (Integer.MAX_VALUE - 1000). */
      @Override
      public int getPhase() {
        return Integer.MAX_VALUE - 2000;
      }
    };
  }

  private static java.util.Map<String, ToolEntry> currentCatalog(
      KafkaProperties kafka, TopicNames names, WriterSignatures signatures)
      throws InterruptedException {
    try (CatalogReader<ToolEntry> reader =
        CatalogReader.start(kafka.buildConsumerProperties(), names, Catalogs.TOOLS, signatures)) {
      if (!reader.awaitCaughtUp(CATALOG_READ_TIMEOUT)) {
        log.warn("could not read the whole tools catalog in {}; going on", CATALOG_READ_TIMEOUT);
      }
      return reader.entries();
    }
  }

  @Bean("tools")
  ToolsHealthIndicator toolsHealthIndicator(ToolRegistryLoader loader) {
    return new ToolsHealthIndicator(loader);
  }
}
