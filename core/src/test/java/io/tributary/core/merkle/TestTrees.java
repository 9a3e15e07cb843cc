package io.tributary.core.merkle;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Trees and leaf sources shared by the Merkle tests. */
final class TestTrees {
    private static final HexFormat HEX = HexFormat.of();

    /** The 8 leaf inputs of the RFC 6962 test tree used by certificate-transparency and transparency-dev/merkle. */
    static final List<byte[]> CT_LEAF_INPUTS = List.of(
            hex(""),
            hex("00"),
            hex("10"),
            hex("2021"),
            hex("3031"),
            hex("40414243"),
            hex("5051525354555657"),
            hex("606162636465666768696a6b6c6d6e6f"));

    private TestTrees() {}

    static byte[] hex(String digits) {
        return HEX.parseHex(digits);
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** Leaf hashes of the CT test tree. */
    static List<byte[]> ctLeafHashes() {
        return CT_LEAF_INPUTS.stream().map(Rfc9162::leafHash).toList();
    }

    /** Leaf hashes of a synthetic tree whose leaf i holds the 8 bytes of i. */
    static List<byte[]> syntheticLeafHashes(int count) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> Rfc9162.leafHash(ByteBuffer.allocate(Long.BYTES).putLong(i).array()))
                .toList();
    }

    /** A source that holds leaf hashes only, so every proof hash is computed from leaves. */
    record LeafList(List<byte[]> hashes) implements LeafHashes {
        @Override
        public long size() {
            return hashes.size();
        }

        @Override
        public byte[] leafHash(long index) {
            return hashes.get(Math.toIntExact(index)).clone();
        }
    }

    /** A source of leaf hashes only that counts its reads, to bound the work a proof costs. */
    static final class CountingLeaves implements LeafHashes {
        private final LeafList leaves;
        private long leafReadCount;

        CountingLeaves(List<byte[]> leafHashes) {
            this.leaves = new LeafList(leafHashes);
        }

        long leafReadCount() {
            return leafReadCount;
        }

        @Override
        public long size() {
            return leaves.size();
        }

        @Override
        public byte[] leafHash(long index) {
            leafReadCount++;
            return leaves.leafHash(index);
        }
    }

    /** A source that also stores every perfect subtree hash, as a store with interior nodes would. */
    static final class StoredNodes implements LeafHashes {
        private final LeafList leaves;
        private final CountingLeaves countedLeaves;
        private final Map<String, byte[]> nodes = new HashMap<>();

        StoredNodes(List<byte[]> leafHashes) {
            this.leaves = new LeafList(leafHashes);
            this.countedLeaves = new CountingLeaves(leafHashes);
            for (int level = 1; (1L << level) <= leafHashes.size(); level++) {
                for (long index = 0; (index + 1) << level <= leafHashes.size(); index++) {
                    byte[] left = node(level - 1, 2 * index);
                    byte[] right = node(level - 1, 2 * index + 1);
                    nodes.put(level + "/" + index, Rfc9162.nodeHash(left, right));
                }
            }
        }

        private byte[] node(int level, long index) {
            return level == 0 ? leaves.leafHash(index) : nodes.get(level + "/" + index);
        }

        long leafReadCount() {
            return countedLeaves.leafReadCount();
        }

        @Override
        public long size() {
            return leaves.size();
        }

        @Override
        public byte[] leafHash(long index) {
            return countedLeaves.leafHash(index);
        }

        @Override
        public Optional<byte[]> perfectSubtreeHash(int level, long index) {
            return Optional.ofNullable(level == 0 ? null : nodes.get(level + "/" + index));
        }
    }
}
