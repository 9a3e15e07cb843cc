package io.tributary.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompactRangeTest {
    private static final List<byte[]> LEAF_HASHES = TestTrees.syntheticLeafHashes(300);

    @Test
    void emptyRangeHasSizeZeroAndTheEmptyRoot() {
        CompactRange range = CompactRange.empty();
        assertThat(range.size()).isZero();
        assertThat(range.subtreeHashes()).isEmpty();
        assertThat(range.root()).isEqualTo(Rfc9162.emptyRoot());
        assertThat(range.toBytes()).hasSize(Long.BYTES);
    }

    @Test
    void keepsOneHashPerOneBitOfTheSize() {
        CompactRange range = CompactRange.empty();
        for (byte[] leafHash : LEAF_HASHES) {
            range.append(leafHash);
            assertThat(range.subtreeHashes()).hasNumberOfRows(Long.bitCount(range.size()));
        }
    }

    @Test
    void bytesRoundTripAtEverySize() {
        CompactRange range = CompactRange.empty();
        for (byte[] leafHash : LEAF_HASHES) {
            CompactRange restored = CompactRange.fromBytes(range.toBytes());
            assertThat(restored).isEqualTo(range);
            assertThat(restored.root()).isEqualTo(range.root());
            range.append(leafHash);
            restored.append(leafHash);
            assertThat(restored.root()).isEqualTo(range.root());
        }
    }

    @Test
    void serialisedFormIsSizeThenSubtreeHashes() {
        CompactRange range = CompactRange.empty();
        LEAF_HASHES.subList(0, 5).forEach(range::append);
        ByteBuffer bytes = ByteBuffer.wrap(range.toBytes());
        assertThat(bytes.remaining()).isEqualTo(Long.BYTES + 2 * Rfc9162.HASH_BYTES);
        assertThat(bytes.getLong()).isEqualTo(5);
    }

    @Test
    void copyIsIndependent() {
        CompactRange range = CompactRange.empty();
        range.append(LEAF_HASHES.get(0));
        CompactRange copy = range.copy();
        copy.append(LEAF_HASHES.get(1));
        assertThat(range.size()).isEqualTo(1);
        assertThat(copy.size()).isEqualTo(2);
    }

    @Test
    void rejectsMalformedBytes() {
        assertThatThrownBy(() -> CompactRange.fromBytes(new byte[7])).isInstanceOf(IllegalArgumentException.class);
        byte[] negative = ByteBuffer.allocate(Long.BYTES).putLong(-1).array();
        assertThatThrownBy(() -> CompactRange.fromBytes(negative)).isInstanceOf(IllegalArgumentException.class);
        byte[] missingHash = ByteBuffer.allocate(Long.BYTES).putLong(1).array();
        assertThatThrownBy(() -> CompactRange.fromBytes(missingHash)).isInstanceOf(IllegalArgumentException.class);
        byte[] extraHash = ByteBuffer.allocate(Long.BYTES + 2 * Rfc9162.HASH_BYTES).putLong(1).array();
        assertThatThrownBy(() -> CompactRange.fromBytes(extraHash)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsLeafHashesOfTheWrongLength() {
        assertThatThrownBy(() -> CompactRange.empty().append(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void appendsAreIndependentOfTheCallersArray() {
        byte[] leafHash = LEAF_HASHES.get(0).clone();
        CompactRange range = CompactRange.empty();
        range.append(leafHash);
        leafHash[0] ^= 1;
        assertThat(range.root()).isEqualTo(LEAF_HASHES.get(0));
    }
}
