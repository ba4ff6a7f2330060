package dev.switchboard.trace;

import dev.switchboard.edge.GoalStreamTopology;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Which trace-service instance holds which goal, from Kafka Streams' metadata: each instance
 * advertises its HTTP address as {@code application.server}, and a goal belongs to the instance
 * that owns its partition. Without an advertised address this instance answers for everything.
 */
final class GoalOwners {
  private final StreamsBuilderFactoryBean streams;
  private volatile HostInfo self;

  /** Where a goal's journal lives. */
  sealed interface Owner {}

  record Here() implements Owner {}

  record There(HostInfo host) implements Owner {}

  /** During start-up or a rebalance nobody owns the partition for a moment. */
  record Moving() implements Owner {}

  /**
   * The partitions held here and the instances there are: when either changes, live streams end so
   * their clients reconnect to the new owners.
   */
  record Layout(Set<String> localPartitions, Set<String> instances) {}

  GoalOwners(StreamsBuilderFactoryBean streams) {
    this.streams = streams;
  }

  void advertisedAs(HostInfo address) {
    this.self = address;
  }

  /** This instance's advertised address; null when it runs alone without one. */
  HostInfo self() {
    return self;
  }

  Owner ownerOf(String goalId) {
    HostInfo here = self;
    if (here == null) {
      return new Here();
    }
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    if (kafkaStreams == null) {
      return new Moving();
    }
    KeyQueryMetadata metadata;
    try {
      metadata =
          kafkaStreams.queryMetadataForKey(
              GoalStreamTopology.STORE, goalId, Serdes.String().serializer());
    } catch (RuntimeException e) {
      // Not started yet, or shutting down.
      return new Moving();
    }
    HostInfo owner = metadata == null ? null : metadata.activeHost();
    if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata) || owner.port() < 0) {
      return new Moving();
    }
    return owner.equals(here) ? new Here() : new There(owner);
  }

  /** The other instances that hold goal journals; none when this one runs alone. */
  List<HostInfo> peers() {
    HostInfo here = self;
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    if (here == null || kafkaStreams == null) {
      return List.of();
    }
    Set<HostInfo> hosts = new LinkedHashSet<>();
    try {
      for (StreamsMetadata instance :
          kafkaStreams.streamsMetadataForStore(GoalStreamTopology.STORE)) {
        if (instance.port() >= 0 && !instance.hostInfo().equals(here)) {
          hosts.add(instance.hostInfo());
        }
      }
    } catch (RuntimeException e) {
      return List.of();
    }
    return List.copyOf(hosts);
  }

  Layout layout() {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    if (kafkaStreams == null) {
      return new Layout(Set.of(), Set.of());
    }
    Set<String> partitions = new TreeSet<>();
    Set<String> instances = new TreeSet<>();
    try {
      for (ThreadMetadata thread : kafkaStreams.metadataForLocalThreads()) {
        thread
            .activeTasks()
            .forEach(task -> task.topicPartitions().forEach(p -> partitions.add(p.toString())));
      }
      if (self != null) {
        for (StreamsMetadata instance :
            kafkaStreams.streamsMetadataForStore(GoalStreamTopology.STORE)) {
          instances.add(instance.host() + ":" + instance.port());
        }
      }
    } catch (RuntimeException e) {
      return new Layout(Set.of(), Set.of());
    }
    return new Layout(partitions, instances);
  }
}
