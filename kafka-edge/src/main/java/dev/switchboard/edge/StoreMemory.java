package dev.switchboard.edge;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.CompressionType;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the native memory of a service's RocksDB stores (goal state, timers, journals): one block
 * cache and one write-buffer budget shared by every store and partition of the JVM, instead of
 * RocksDB's 50 MB cache and 48 MB of memtables per store and partition. LZ4 keeps the files small.
 * The edge names it in {@code rocksdb.config.setter} unless the Kafka Streams properties name
 * another.
 */
public final class StoreMemory implements RocksDBConfigSetter {
  static final long CACHE_BYTES = 32L * 1024 * 1024;
  static final long MEMTABLE_BYTES = 8L * 1024 * 1024;
  private static final long MEMTABLE_SIZE = 4L * 1024 * 1024;
  private static final long BLOCK_SIZE = 16L * 1024;

  /**
   * Shared by every store instance, so never closed per store. A holder: Kafka loads this setter's
   * class while reading its configuration, before RocksDB's native library is loaded.
   */
  private static final class Shared {
    static {
      RocksDB.loadLibrary();
    }

    static final Cache CACHE = new LRUCache(CACHE_BYTES, -1, false, 0.1);
    static final WriteBufferManager WRITE_BUFFERS = new WriteBufferManager(MEMTABLE_BYTES, CACHE);
  }

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(Shared.CACHE);
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    table.setBlockSize(BLOCK_SIZE);
    options.setTableFormatConfig(table);
    options.setWriteBufferManager(Shared.WRITE_BUFFERS);
    options.setWriteBufferSize(MEMTABLE_SIZE);
    options.setMaxWriteBufferNumber(2);
    options.setCompressionType(CompressionType.LZ4_COMPRESSION);
  }

  @Override
  public void close(String storeName, Options options) {
    // The cache and write-buffer manager outlive each store; see above.
  }
}
