package io.leadpipeline.opsconsole.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that keeps at most {@code capacity} entries and forgets the one least recently written first: how every
 * per-lead or per-handoff memory of the console stays bounded however long the pipeline has been running.
 */
final class RecentlyUsed<K, V> {

    private final int capacity;
    private final LinkedHashMap<K, V> entries = new LinkedHashMap<>();

    RecentlyUsed(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    V get(K key) {
        return entries.get(key);
    }

    boolean contains(K key) {
        return entries.containsKey(key);
    }

    /** Stores the value as the most recently written entry, forgetting the oldest when full. */
    void put(K key, V value) {
        entries.remove(key);
        entries.put(key, value);
        if (entries.size() > capacity) {
            var eldest = entries.entrySet().iterator();
            eldest.next();
            eldest.remove();
        }
    }

    V remove(K key) {
        return entries.remove(key);
    }

    int size() {
        return entries.size();
    }

    Iterable<Map.Entry<K, V>> entries() {
        return entries.entrySet();
    }
}
