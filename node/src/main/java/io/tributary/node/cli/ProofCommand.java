package io.tributary.node.cli;

import io.tributary.core.merkle.LeafHashes;
import io.tributary.core.merkle.MerkleProofs;
import io.tributary.node.ledger.Ledger;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "proof", description = "Print RFC 9162 proofs as JSON.",
        subcommands = {ProofCommand.Inclusion.class, ProofCommand.Consistency.class})
final class ProofCommand {

    @Command(name = "inclusion", description = "Inclusion proof of entry I in the tree of size N.")
    static final class Inclusion implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Option(names = "--index", required = true, paramLabel = "I")
        long index;

        @Option(names = "--size", required = true, paramLabel = "N")
        long size;

        @Override
        public Integer call() throws Exception {
            try (var ledger = Ledger.openForReading(data.dir)) {
                requireSize(ledger, size);
                if (index < 0 || index >= size) {
                    throw new IllegalArgumentException("index " + index + " is outside a tree of size " + size);
                }
                var leaves = leafHashes(ledger, size);
                var out = Output.object().put("leaf_index", index).put("tree_size", size)
                        .put("leaf_hash", Base64.getEncoder().encodeToString(leaves.leafHash(index)));
                out.set("hashes", hashes(MerkleProofs.inclusionProof(index, size, leaves)));
                System.out.println(Output.line(out));
            }
            return 0;
        }
    }

    @Command(name = "consistency", description = "Consistency proof from the tree of size M to the tree of size N.")
    static final class Consistency implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Option(names = "--from", required = true, paramLabel = "M")
        long from;

        @Option(names = "--to", required = true, paramLabel = "N")
        long to;

        @Override
        public Integer call() throws Exception {
            try (var ledger = Ledger.openForReading(data.dir)) {
                requireSize(ledger, to);
                if (from < 1 || from > to) {
                    throw new IllegalArgumentException("need 1 <= from <= to, got from " + from + " and to " + to);
                }
                var out = Output.object().put("leaf_index", from).put("tree_size", to);
                out.set("hashes", hashes(MerkleProofs.consistencyProof(from, to, leafHashes(ledger, to))));
                System.out.println(Output.line(out));
            }
            return 0;
        }
    }

    private static void requireSize(Ledger ledger, long size) {
        if (size < 1 || size > ledger.size()) {
            throw new IllegalArgumentException("tree size " + size + " is outside 1.." + ledger.size());
        }
    }

    private static LeafHashes leafHashes(Ledger ledger, long size) throws Exception {
        var hashes = ledger.store().leafHashes(0, size);
        return new LeafHashes() {
            @Override
            public long size() {
                return hashes.length;
            }

            @Override
            public byte[] leafHash(long index) {
                return hashes[Math.toIntExact(index)];
            }
        };
    }

    private static com.fasterxml.jackson.databind.node.ArrayNode hashes(byte[][] proof) {
        var array = io.tributary.core.json.Json.MAPPER.createArrayNode();
        for (var hash : proof) {
            array.add(Base64.getEncoder().encodeToString(hash));
        }
        return array;
    }

}
