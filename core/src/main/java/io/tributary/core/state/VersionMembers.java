package io.tributary.core.state;

import io.tributary.core.crypto.Bytes;
import io.tributary.core.merkle.CompactRange;
import io.tributary.core.merkle.Rfc9162;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.SequencedMap;

/** The contributions of a datanet version and the Merkle root that the version records over their content. */
public final class VersionMembers {

    private VersionMembers() {}

    /**
     * Contribution id to content hash, in acceptance order, of the members of a frozen version: the first
     * {@code contributions} accepted. Empty when there is no such version.
     */
    public static SequencedMap<String, String> of(StateReader state, String datanet, long version) {
        var frozen = state.get(Keys.version(datanet, version), Values.DatanetVersion.class);
        var members = new LinkedHashMap<String, String>();
        if (frozen == null) {
            return members;
        }
        for (var value : state.scan(Keys.members(datanet)).values()) {
            if (members.size() == frozen.contributions()) {
                break;
            }
            var member = (Values.Member) value;
            members.put(member.contribution(), member.hash());
        }
        return Collections.unmodifiableSequencedMap(members);
    }

    /** RFC 9162 root, in hex, over the content hashes in the given order. */
    public static String root(SequencedMap<String, String> members) {
        var tree = CompactRange.empty();
        for (var hash : members.values()) {
            tree.append(Rfc9162.leafHash(Bytes.unhex(hash, Bytes.SHA256_BYTES)));
        }
        return Bytes.hex(tree.root());
    }
}
