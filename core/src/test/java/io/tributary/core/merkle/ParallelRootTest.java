package io.tributary.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The parallel root of leaf hashes in memory is the root a compact range folds the same leaves to. */
class ParallelRootTest {
    private static final List<byte[]> LEAF_HASHES = TestTrees.syntheticLeafHashes(20_000);

    @Property(tries = 300)
    void equalsTheCompactRangeRootWhereverTheTreeIsSplit(@ForAll @IntRange(max = 600) int size,
            @ForAll @IntRange(min = 1, max = 70) int parallelLeavesMin) {
        var hashes = LEAF_HASHES.subList(0, size).toArray(byte[][]::new);
        assertThat(MerkleProofs.root(hashes, 0, size, parallelLeavesMin)).isEqualTo(compactRangeRoot(size));
    }

    @Test
    void aTreeLargeEnoughToSplitByDefaultHasTheSameRoot() {
        for (int size : List.of(0, 1, MerkleProofs.PARALLEL_LEAVES_MIN, MerkleProofs.PARALLEL_LEAVES_MIN + 1, 20_000)) {
            var hashes = LEAF_HASHES.subList(0, size).toArray(byte[][]::new);
            assertThat(MerkleProofs.root(hashes)).as("size %d", size).isEqualTo(compactRangeRoot(size));
        }
    }

    private static byte[] compactRangeRoot(int size) {
        var range = CompactRange.empty();
        LEAF_HASHES.subList(0, size).forEach(range::append);
        return range.root();
    }
}
