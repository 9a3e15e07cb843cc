package io.tributary.core.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.tributary.core.merkle.CompactRange;
import io.tributary.core.tx.Body.Control;
import io.tributary.core.tx.Body.Parent;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** The records the state holds, one per key prefix (see {@link Keys}). Stored as canonical JSON. */
public final class Values {

    private Values() {}

    /** What the genesis minted; the sum of all held value equals {@code supply} at every height. */
    public record Ledger(String origin, long supply) {}

    public record Account(long balance, long nonce) {
        public static final Account EMPTY = new Account(0, 0);
    }

    /**
     * A datanet. Accepted contributions form an append-only sequence, like the log itself: {@code accepted} counts
     * them and {@code frontier} (base64 of a compact range) holds the Merkle tree of their content hashes, so a
     * version is a prefix of the sequence and freezing one costs the same however large the datanet.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Datanet(
            String owner, String name, String license, List<String> curators, long deposit, Control control,
            long versions, long accepted, String frontier) {

        /** A new datanet's {@code frontier}: the compact range of no contributions. */
        public static final String NO_MEMBERS = Base64.getEncoder().encodeToString(CompactRange.empty().toBytes());

        /** The Merkle tree of the accepted contributions' content hashes, as its compact range. */
        public CompactRange members() {
            return CompactRange.fromBytes(Base64.getDecoder().decode(frontier));
        }

        /** This datanet with {@code members} as its accepted sequence. */
        public Datanet withMembers(CompactRange members) {
            return new Datanet(owner, name, license, curators, deposit, control, versions, members.size(),
                    Base64.getEncoder().encodeToString(members.toBytes()));
        }

        public Datanet withVersions(long count) {
            return new Datanet(owner, name, license, curators, deposit, control, count, accepted, frontier);
        }
    }

    public enum Status {
        @JsonProperty("proposed") PROPOSED,
        @JsonProperty("accepted") ACCEPTED,
        @JsonProperty("rejected") REJECTED,
        @JsonProperty("spam") SPAM
    }

    /** A contribution; while {@code PROPOSED} its {@code deposit} is held in escrow and counts toward the supply. */
    public record Contribution(
            String datanet, String contributor, String hash, long size, @JsonProperty("media_type") String mediaType,
            Map<String, String> metadata, long deposit, Status status) {

        public long escrowed() {
            return status == Status.PROPOSED ? deposit : 0;
        }
    }

    /** The n-th accepted contribution of a datanet ({@code member/<datanet>/<n>}) and its content hash. */
    public record Member(String contribution, String hash) {}

    /** A frozen datanet version: the RFC 9162 root over the content hashes of its accepted contributions. */
    public record DatanetVersion(String root, long contributions, @JsonProperty("time") long timeMillis) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Model(String owner, String artifact, List<Parent> parents, List<String> datanets, Control control) {}

    public record Agent(String owner, List<String> models, long price) {}
}
