package io.leadpipeline.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

/** Proves the store options bound memory as documented, and that RocksDB opens and writes with them. */
class BoundedRocksDbMemoryTest {

    @Test
    void shouldGiveEveryStoreSmallMemtablesChargedToTheSharedCache() throws Exception {
        RocksDB.loadLibrary();
        Path dir = Files.createTempDirectory("bounded-rocksdb");
        try (Options options = new Options().setCreateIfMissing(true).setTableFormatConfig(new BlockBasedTableConfig())) {
            new BoundedRocksDbMemory().setConfig("routing-cases", options, Map.of());

            assertEquals(BoundedRocksDbMemory.MEMTABLE_SIZE, options.writeBufferSize());
            assertEquals(2, options.maxWriteBufferNumber());
            assertTrue(((BlockBasedTableConfig) options.tableFormatConfig()).cacheIndexAndFilterBlocks());
            try (RocksDB db = RocksDB.open(options, dir.toString())) {
                db.put("lead".getBytes(), "waiting".getBytes());
                assertEquals("waiting", new String(db.get("lead".getBytes())));
            }
        }
    }
}
