package dev.switchboard.guardrail;

import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.catalog.CatalogTopic;
import dev.switchboard.contracts.catalog.Catalogs;
import dev.switchboard.edge.TopologyExtension;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A compacted catalog topic (the planner's {@code agents}, the executor's {@code tools}) as a
 * global store of the guardrail's goal stream application: every instance holds every entry,
 * restored before the first goal is judged, and follows the catalog's changes as they are
 * published.
 */
record CatalogTopology(CatalogTopic<?> catalog, String store) implements TopologyExtension {
  static final String AGENTS_STORE = "agents-catalog";
  static final String TOOLS_STORE = "tools-catalog";

  static CatalogTopology agents() {
    return new CatalogTopology(Catalogs.AGENTS, AGENTS_STORE);
  }

  static CatalogTopology tools() {
    return new CatalogTopology(Catalogs.TOOLS, TOOLS_STORE);
  }

  @Override
  public void addTo(StreamsBuilder builder, TopicNames names, String applicationId) {
    builder.globalTable(
        names.of(catalog),
        Consumed.with(Serdes.String(), Serdes.ByteArray()),
        Materialized.<String, byte[], KeyValueStore<Bytes, byte[]>>as(store)
            .withKeySerde(Serdes.String())
            .withValueSerde(Serdes.ByteArray()));
  }
}
