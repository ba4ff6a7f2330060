package dev.switchboard.deploy;

import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.Topic;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.TopicReaders;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.catalog.CatalogTopic;
import dev.switchboard.contracts.catalog.Catalogs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one service may do on Kafka. Writes come from the catalog's one writer per topic ({@link
 * Topics}, {@link Catalogs}); reads are the service's inputs, each with its dead-letter topic to
 * write; everything else it needs lives under its own Kafka Streams application id.
 *
 * @param service the service
 * @param reads the catalog topics it consumes (its {@code GoalProcessor.inputs()})
 * @param catalogReads the compacted catalogs it follows
 */
public record ServiceAccess(
    Service service, List<Topic<?>> reads, List<CatalogTopic<?>> catalogReads) {

  /**
   * The services and what they read: their inputs and the catalogs they follow ({@link
   * TopicReaders}). Writes are not listed here: they come from the catalog. A test ({@code
   * ServiceAccessTest}) checks the reads against each service's {@code inputs()}.
   */
  public static final List<ServiceAccess> ALL =
      List.of(Service.PLANNER, Service.GUARDRAIL, Service.EXECUTOR, Service.HANDOFF, Service.TRACE)
          .stream()
          .map(
              service ->
                  new ServiceAccess(
                      service, TopicReaders.inputsOf(service), TopicReaders.catalogsOf(service)))
          .toList();

  /** The short name used for users, deployments and the application id: {@code planner}. */
  public String shortName() {
    return service.name().toLowerCase(Locale.ROOT);
  }

  /** The Kafka Streams application id, also its consumer group and internal topic prefix. */
  public String applicationId(TopicNames names) {
    return names.prefix() + "switchboard-" + shortName();
  }

  /** Topics this service is the one writer of. */
  public List<String> writes(TopicNames names) {
    List<String> topics = new ArrayList<>();
    Topics.writtenBy(service).forEach(topic -> topics.add(names.of(topic)));
    Catalogs.writtenBy(service).forEach(topic -> topics.add(names.of(topic)));
    return topics;
  }

  /** Topics it reads: its inputs, then the catalogs it follows. */
  public List<String> readTopics(TopicNames names) {
    List<String> topics = new ArrayList<>();
    reads.forEach(topic -> topics.add(names.of(topic)));
    catalogReads.forEach(topic -> topics.add(names.of(topic)));
    return topics;
  }

  /** The dead-letter topics it writes: one per input. */
  public List<String> deadLetterWrites(TopicNames names) {
    return reads.stream().map(names::deadLetterOf).toList();
  }

  /** Access by service. */
  public static ServiceAccess of(Service service) {
    return ALL.stream()
        .filter(access -> access.service() == service)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no Kafka access for " + service));
  }
}
