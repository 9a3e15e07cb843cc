package io.tributary.core.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The signed examples in docs/transactions.md parse, are canonical and verify; every type but genesis has one. */
class DocsExamplesTest {

    @Test
    void everyDocumentedExampleVerifies() throws Exception {
        var seen = EnumSet.noneOf(TxType.class);
        for (var line : Files.readAllLines(Path.of("../docs/transaction-examples.jsonl"))) {
            var tx = TxCodec.parse(line);
            assertThat(tx.signatureValid()).as(line).isTrue();
            assertThat(TxCodec.json(tx)).isEqualTo(line);
            assertThat(Files.readString(Path.of("../docs/transactions.md"))).contains(line);
            seen.add(tx.type());
        }
        assertThat(seen).isEqualTo(EnumSet.complementOf(EnumSet.of(TxType.GENESIS)));
    }
}
