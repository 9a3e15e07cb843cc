package io.tributary.node.content;

import io.tributary.attribution.index.Document;
import io.tributary.core.state.Keys;
import io.tributary.core.state.StateReader;
import io.tributary.core.state.Values;
import io.tributary.core.state.VersionMembers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.SequencedMap;

/**
 * The documents of a frozen datanet version, for indexing: one per member contribution in acceptance order, its text
 * read
 * from the content store (checked against its hash). The member set is checked against the version's recorded root
 * first, so an index is only ever built from exactly what the ledger froze.
 */
public final class VersionDocuments implements Iterable<Document> {

    private final ContentStore content;
    private final SequencedMap<String, String> members;

    private VersionDocuments(ContentStore content, SequencedMap<String, String> members) {
        this.content = content;
        this.members = members;
    }

    public static VersionDocuments of(StateReader state, ContentStore content, String datanet, long version) {
        var frozen = state.get(Keys.version(datanet, version), Values.DatanetVersion.class);
        if (frozen == null) {
            throw new IllegalArgumentException("no version " + version + " of datanet " + datanet + " in the ledger");
        }
        var members = VersionMembers.of(state, datanet, version);
        if (members.size() != frozen.contributions() || !VersionMembers.root(members).equals(frozen.root())) {
            throw new IllegalStateException("the members of " + datanet + "@" + version
                    + " do not match its frozen root");
        }
        return new VersionDocuments(content, members);
    }

    public int size() {
        return members.size();
    }

    @Override
    public Iterator<Document> iterator() {
        var entries = members.entrySet().iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public Document next() {
                Map.Entry<String, String> member = entries.next();
                try {
                    return new Document(member.getKey(), utf8(member.getKey(), content.read(member.getValue())));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    private static String utf8(String contribution, byte[] bytes) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("contribution " + contribution + " is not UTF-8 text and cannot be indexed");
        }
    }
}
