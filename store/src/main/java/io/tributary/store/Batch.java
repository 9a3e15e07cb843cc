package io.tributary.store;

import java.util.List;
import java.util.Map;

/**
 * What one group commit writes atomically: the new entries, the state values they changed (canonical JSON; null
 * deletes; in any order) and the Merkle frontier after them.
 */
public record Batch(List<StoredEntry> entries, Map<String, String> stateWrites, byte[] frontier) {}
