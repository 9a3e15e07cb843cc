package io.tributary.store;

import java.util.List;
import java.util.SortedMap;

/**
 * What one group commit writes atomically: the new entries, the state values they changed (canonical JSON; null
 * deletes) and the Merkle frontier after them.
 */
public record Batch(List<StoredEntry> entries, SortedMap<String, String> stateWrites, byte[] frontier) {}
