package io.tributary.core.state;

import io.tributary.core.crypto.Bytes;
import io.tributary.core.merkle.CompactRange;
import io.tributary.core.merkle.Rfc9162;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** The contributions of a datanet version and the Merkle root that the version records over their content. */
public final class VersionMembers {

    private VersionMembers() {}

    /** Contribution id to content hash, in id order, of every member that {@code version} includes. */
    public static SortedMap<String, String> of(StateReader state, String datanet, long version) {
        var prefix = Keys.members(datanet);
        var members = new TreeMap<String, String>();
        state.scan(prefix).forEach((key, value) -> {
            var member = (Values.Member) value;
            if (member.since() <= version) {
                members.put(key.substring(prefix.length()), member.hash());
            }
        });
        return Collections.unmodifiableSortedMap(members);
    }

    /** RFC 9162 root, in hex, over the content hashes in contribution-id order. */
    public static String root(SortedMap<String, String> members) {
        var tree = CompactRange.empty();
        for (var hash : members.values()) {
            tree.append(Rfc9162.leafHash(Bytes.unhex(hash, Bytes.SHA256_BYTES)));
        }
        return Bytes.hex(tree.root());
    }
}
