package io.tributary.core.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162 §2.1.1, §2.1.3.1 and §2.1.4.1 transcribed literally, recursion and all: MTH, PATH and
 * PROOF/SUBPROOF over a list of leaf hashes. Test scope only, as the slow but obvious oracle.
 */
final class ReferenceMerkle {
    private ReferenceMerkle() {}

    /** MTH(D[n]). */
    static byte[] mth(List<byte[]> leafHashes) {
        int n = leafHashes.size();
        if (n == 0) {
            return Rfc9162.emptyRoot();
        }
        if (n == 1) {
            return leafHashes.getFirst();
        }
        int k = largestPowerOfTwoBelow(n);
        return Rfc9162.nodeHash(mth(leafHashes.subList(0, k)), mth(leafHashes.subList(k, n)));
    }

    /** PATH(m, D[n]). */
    static List<byte[]> path(int m, List<byte[]> leafHashes) {
        int n = leafHashes.size();
        if (n == 1) {
            return List.of();
        }
        int k = largestPowerOfTwoBelow(n);
        List<byte[]> result = new ArrayList<>();
        if (m < k) {
            result.addAll(path(m, leafHashes.subList(0, k)));
            result.add(mth(leafHashes.subList(k, n)));
        } else {
            result.addAll(path(m - k, leafHashes.subList(k, n)));
            result.add(mth(leafHashes.subList(0, k)));
        }
        return result;
    }

    /** PROOF(m, D[n]) = SUBPROOF(m, D[n], true). */
    static List<byte[]> proof(int m, List<byte[]> leafHashes) {
        return subproof(m, leafHashes, true);
    }

    private static List<byte[]> subproof(int m, List<byte[]> leafHashes, boolean b) {
        int n = leafHashes.size();
        if (m == n) {
            return b ? List.of() : List.of(mth(leafHashes));
        }
        int k = largestPowerOfTwoBelow(n);
        List<byte[]> result = new ArrayList<>();
        if (m <= k) {
            result.addAll(subproof(m, leafHashes.subList(0, k), b));
            result.add(mth(leafHashes.subList(k, n)));
        } else {
            result.addAll(subproof(m - k, leafHashes.subList(k, n), false));
            result.add(mth(leafHashes.subList(0, k)));
        }
        return result;
    }

    /** The largest power of two smaller than n, for n > 1. */
    private static int largestPowerOfTwoBelow(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }
}
