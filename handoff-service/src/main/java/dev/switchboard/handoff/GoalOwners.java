package dev.switchboard.handoff;

import dev.switchboard.edge.GoalStates.StateNotReadyException;
import dev.switchboard.edge.GoalStreamTopology;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Which handoff instance holds a goal's inbox, from Kafka Streams' metadata: each instance
 * advertises its HTTP address as {@code application.server}. Without one there is a single instance
 * and every goal is here.
 */
final class GoalOwners {
  /** Where a goal's items live. */
  sealed interface Owner {
    record Here() implements Owner {}

    record There(URI baseUrl) implements Owner {}
  }

  private final StreamsBuilderFactoryBean streams;
  private final HostInfo self;

  /**
   * @param applicationServer this instance's {@code host:port}, or blank when it runs alone
   */
  GoalOwners(StreamsBuilderFactoryBean streams, String applicationServer) {
    this.streams = streams;
    this.self =
        applicationServer == null || applicationServer.isBlank()
            ? null
            : HostInfo.buildFromEndpoint(applicationServer.strip());
  }

  boolean alone() {
    return self == null;
  }

  Owner ownerOf(String goalId) {
    if (self == null) {
      return new Owner.Here();
    }
    KeyQueryMetadata metadata =
        running()
            .queryMetadataForKey(GoalStreamTopology.STORE, goalId, Serdes.String().serializer());
    if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
      throw new StateNotReadyException("the inbox is rebalancing; retry shortly");
    }
    HostInfo owner = metadata.activeHost();
    return owner.equals(self) ? new Owner.Here() : new Owner.There(urlOf(owner));
  }

  /** The other instances that hold part of the inbox, for lists that fan out. */
  List<URI> others() {
    if (self == null) {
      return List.of();
    }
    return running().streamsMetadataForStore(GoalStreamTopology.STORE).stream()
        .map(metadata -> metadata.hostInfo())
        .filter(Objects::nonNull)
        .filter(host -> !host.equals(self))
        .distinct()
        .map(GoalOwners::urlOf)
        .toList();
  }

  private KafkaStreams running() {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    if (kafkaStreams == null || !kafkaStreams.state().isRunningOrRebalancing()) {
      throw new StateNotReadyException("the inbox is starting; retry shortly");
    }
    return kafkaStreams;
  }

  private static URI urlOf(HostInfo host) {
    return URI.create("http://" + host.host() + ":" + host.port());
  }
}
