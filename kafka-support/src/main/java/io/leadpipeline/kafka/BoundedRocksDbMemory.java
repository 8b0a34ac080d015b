package io.leadpipeline.kafka;

import java.util.Map;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Kafka Streams' hook for RocksDB options (no library ships a bounded setting): every store of the JVM shares one block
 * cache, and their memtables are charged to it, so a service's off-heap memory stays within {@link #TOTAL_OFF_HEAP}
 * however many stores it has. By default each store gets a 50 MB cache and up to three 16 MB memtables of its own:
 * routing's twelve stores alone could take over a gigabyte. Set as {@code rocksdb.config.setter} by each Streams service.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    /** Block cache plus memtables, for all stores of the JVM. */
    static final long TOTAL_OFF_HEAP = 48L * 1024 * 1024;
    /** The part of {@link #TOTAL_OFF_HEAP} memtables may use before RocksDB flushes them. */
    static final long TOTAL_MEMTABLES = 16L * 1024 * 1024;
    /** One store's memtable: small stores flush small files rather than hold buffers they rarely fill. */
    static final long MEMTABLE_SIZE = 4L * 1024 * 1024;
    /** Index and filter blocks get this share of the cache first, so reads do not evict them. */
    private static final double HIGH_PRIORITY_SHARE = 0.1;

    // Shared by every store of the JVM, so never closed with one of them.
    private static final Cache CACHE = new LRUCache(TOTAL_OFF_HEAP, -1, false, HIGH_PRIORITY_SHARE);
    private static final WriteBufferManager WRITE_BUFFERS = new WriteBufferManager(TOTAL_MEMTABLES, CACHE);

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        // Kafka Streams' own table config, changed rather than replaced, so its other defaults stay.
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(CACHE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(WRITE_BUFFERS);
        options.setWriteBufferSize(MEMTABLE_SIZE);
        options.setMaxWriteBufferNumber(2);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write-buffer manager outlive any one store.
    }
}
