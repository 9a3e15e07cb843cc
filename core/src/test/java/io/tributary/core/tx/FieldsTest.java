package io.tributary.core.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class FieldsTest {

    private static final Pattern ASSET_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    /** The hand-written checks accept exactly what the documented regular expressions accept. */
    @Property(tries = 2_000)
    void assetIdsAreExactlyTheDocumentedForm(@ForAll @StringLength(max = 66) @CharRange(from = 'a', to = 'g')
            @CharRange(from = '0', to = '9') @Chars({'.', '_', '-', 'A', 'z', '/', ' ', '`', '{'}) String value) {
        assertThat(accepts(() -> Fields.assetId(value, "id"))).as(value).isEqualTo(ASSET_ID.matcher(value).matches());
    }

    @Property(tries = 2_000)
    void hashesAreExactlySixtyFourLowercaseHexDigits(@ForAll @StringLength(min = 62, max = 66)
            @CharRange(from = '0', to = '9') @CharRange(from = 'a', to = 'g') @Chars({'A', 'F', '/', ':', '`'})
            String value) {
        assertThat(accepts(() -> Fields.hash(value, "hash"))).as(value).isEqualTo(HASH.matcher(value).matches());
    }

    @Test
    void edgesOfAssetIds() {
        assertThat(accepts(() -> Fields.assetId("a".repeat(64), "id"))).isTrue();
        assertThat(accepts(() -> Fields.assetId("a".repeat(65), "id"))).isFalse();
        assertThat(accepts(() -> Fields.assetId("", "id"))).isFalse();
        assertThat(accepts(() -> Fields.assetId("-a", "id"))).isFalse();
        assertThatThrownBy(() -> Fields.assetId("Bad", "id")).hasMessageContaining("id must match");
    }

    private static boolean accepts(Runnable check) {
        try {
            check.run();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
