package dev.switchboard.guardrail;

import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.catalog.Catalogs;
import dev.switchboard.edge.TopologyExtension;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The planner's compacted {@code agents} catalog as a global store of the guardrail's goal stream
 * application: every instance holds every agent's public spec, restored before the first goal is
 * judged, and follows the planner's changes as they are published.
 */
final class AgentCatalogTopology implements TopologyExtension {
  static final String STORE = "agents-catalog";

  @Override
  public void addTo(StreamsBuilder builder, TopicNames names, String applicationId) {
    builder.globalTable(
        names.of(Catalogs.AGENTS),
        Consumed.with(Serdes.String(), Serdes.ByteArray()),
        Materialized.<String, byte[], KeyValueStore<Bytes, byte[]>>as(STORE)
            .withKeySerde(Serdes.String())
            .withValueSerde(Serdes.ByteArray()));
  }
}
