package dev.switchboard.guardrail;

import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.WriterSignatures;
import dev.switchboard.contracts.catalog.CatalogTopic;
import dev.switchboard.contracts.catalog.Catalogs;
import dev.switchboard.edge.TopologyExtension;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * A compacted catalog topic (the planner's {@code agents}, the executor's {@code tools}) as a
 * global store of the guardrail's goal stream application: every instance holds every entry,
 * restored before the first goal is judged, and follows the catalog's changes as they are
 * published. Only entries and tombstones the catalog's one writer signed reach the store ({@link
 * SignedCatalogEntries}); a global store's processor also runs when the store is restored, so a
 * forged entry is never believed, not even after a restart.
 */
record CatalogTopology(CatalogTopic<?> catalog, String store, SignedCatalogEntries entries)
    implements TopologyExtension {
  // New names for the signed stores: a state dir holding the old, unchecked stores restores anew.
  static final String AGENTS_STORE = "signed-agents-catalog";
  static final String TOOLS_STORE = "signed-tools-catalog";

  static CatalogTopology agents(WriterSignatures signatures) {
    return new CatalogTopology(
        Catalogs.AGENTS, AGENTS_STORE, new SignedCatalogEntries(Catalogs.AGENTS, signatures));
  }

  static CatalogTopology tools(WriterSignatures signatures) {
    return new CatalogTopology(
        Catalogs.TOOLS, TOOLS_STORE, new SignedCatalogEntries(Catalogs.TOOLS, signatures));
  }

  @Override
  public void addTo(StreamsBuilder builder, TopicNames names, String applicationId) {
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(store), Serdes.String(), Serdes.ByteArray())
            .withLoggingDisabled(),
        names.of(catalog),
        Consumed.with(Serdes.String(), Serdes.ByteArray()),
        () -> new SignedEntryProcessor(store, entries));
  }

  /** Puts what the catalog's writer signed into the store; the rest is logged and counted. */
  private static final class SignedEntryProcessor implements Processor<String, byte[], Void, Void> {
    private final String storeName;
    private final SignedCatalogEntries entries;
    private KeyValueStore<String, byte[]> store;

    SignedEntryProcessor(String storeName, SignedCatalogEntries entries) {
      this.storeName = storeName;
      this.entries = entries;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, byte[]> record) {
      if (record.key() == null
          || !entries.believes(record.key(), record.value(), record.headers())) {
        return;
      }
      if (record.value() == null) {
        store.delete(record.key());
      } else {
        store.put(record.key(), record.value());
      }
    }
  }
}
