package dev.switchboard.trace;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The journal store, which signals {@link JournalChanges} after every write: a live stream that
 * registers before it reads its snapshot then misses no change (a change is either stored before
 * the snapshot is read, or signalled after the stream registered). Restoring from the changelog
 * does not go through these writes, so it signals nothing.
 */
final class SignallingStoreSupplier implements KeyValueBytesStoreSupplier {
  private final KeyValueBytesStoreSupplier inner;
  private final JournalChanges changes;

  SignallingStoreSupplier(KeyValueBytesStoreSupplier inner, JournalChanges changes) {
    this.inner = inner;
    this.changes = changes;
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public KeyValueStore<Bytes, byte[]> get() {
    return new SignallingStore(inner.get(), changes);
  }

  @Override
  public String metricsScope() {
    return inner.metricsScope();
  }

  /** Writes go to the inner store first, then the goal is signalled. */
  static final class SignallingStore implements KeyValueStore<Bytes, byte[]> {
    private final KeyValueStore<Bytes, byte[]> inner;
    private final JournalChanges changes;

    SignallingStore(KeyValueStore<Bytes, byte[]> inner, JournalChanges changes) {
      this.inner = inner;
      this.changes = changes;
    }

    private void signal(Bytes key) {
      changes.changed(new String(key.get(), StandardCharsets.UTF_8));
    }

    @Override
    public void put(Bytes key, byte[] value) {
      inner.put(key, value);
      signal(key);
    }

    @Override
    public byte[] putIfAbsent(Bytes key, byte[] value) {
      byte[] previous = inner.putIfAbsent(key, value);
      if (previous == null) {
        signal(key);
      }
      return previous;
    }

    @Override
    public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
      inner.putAll(entries);
      entries.forEach(entry -> signal(entry.key));
    }

    @Override
    public byte[] delete(Bytes key) {
      byte[] previous = inner.delete(key);
      signal(key);
      return previous;
    }

    @Override
    public byte[] get(Bytes key) {
      return inner.get(key);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
      return inner.range(from, to);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
      return inner.reverseRange(from, to);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> all() {
      return inner.all();
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseAll() {
      return inner.reverseAll();
    }

    @Override
    public <S extends Serializer<P>, P> KeyValueIterator<Bytes, byte[]> prefixScan(
        P prefix, S prefixKeySerializer) {
      return inner.prefixScan(prefix, prefixKeySerializer);
    }

    @Override
    public long approximateNumEntries() {
      return inner.approximateNumEntries();
    }

    @Override
    public String name() {
      return inner.name();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
      inner.init(context, root);
    }

    @Override
    public void flush() {
      inner.flush();
    }

    @Override
    public void close() {
      inner.close();
    }

    @Override
    public boolean persistent() {
      return inner.persistent();
    }

    @Override
    public boolean isOpen() {
      return inner.isOpen();
    }

    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound bound, QueryConfig config) {
      return inner.query(query, bound, config);
    }

    @Override
    public Position getPosition() {
      return inner.getPosition();
    }
  }
}
