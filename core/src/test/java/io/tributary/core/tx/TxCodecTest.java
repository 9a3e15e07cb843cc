package io.tributary.core.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.core.crypto.Bytes;
import io.tributary.core.crypto.Ed25519;
import io.tributary.core.crypto.SigningKey;
import io.tributary.core.json.Canonical;
import io.tributary.core.json.Json;
import io.tributary.core.json.JsonException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TxCodecTest {

    static final SigningKey ALICE = SigningKey.fromSeed(ByteBuffer.allocate(32).putInt(1).array());
    static final SigningKey BOB = SigningKey.fromSeed(ByteBuffer.allocate(32).putInt(2).array());

    private static Transaction transfer(long amount) {
        return TxCodec.sign(ALICE, new Body.Transfer(BOB.account().value(), amount), 1, 1_700_000_000_000L);
    }

    @Test
    void signsTheDomainPrefixAndCanonicalJsonWithoutSig() throws Exception {
        var tx = transfer(5);
        var json = TxCodec.json(tx);
        assertThat(json).isEqualTo("{\"body\":{\"amount\":5,\"to\":\"" + BOB.account() + "\"},\"nonce\":1,\"sig\":\""
                + Bytes.base64url(tx.signature()) + "\",\"signer\":\"" + Bytes.base64url(ALICE.publicKey())
                + "\",\"time\":1700000000000,\"type\":\"transfer\"}");
        var unsigned = (com.fasterxml.jackson.databind.node.ObjectNode) Json.parse(json);
        unsigned.remove("sig");
        var message = ("tributary/tx/v1\n" + Canonical.string(unsigned)).getBytes(StandardCharsets.UTF_8);
        assertThat(tx.message()).isEqualTo(message);
        assertThat(Ed25519.verify(ALICE.publicKey(), message, tx.signature())).isTrue();
        assertThat(tx.id()).isEqualTo(Bytes.hex(Bytes.sha256(json.getBytes(StandardCharsets.UTF_8))));
        assertThat(tx.account()).isEqualTo(ALICE.account());
    }

    @Test
    void parsingAnyWhitespaceOrOrderGivesTheSameCanonicalTransaction() throws Exception {
        var tx = transfer(5);
        var reordered = "{ \"type\" : \"transfer\", \"time\": 1700000000000, \"signer\": \"" + tx.signerBase64()
                + "\", \"sig\": \"" + Bytes.base64url(tx.signature()) + "\", \"nonce\": 1, \"body\": {\"to\": \""
                + BOB.account() + "\", \"amount\": 5}}";
        var parsed = TxCodec.parse(reordered);
        assertThat(parsed.bytes()).isEqualTo(tx.bytes());
        assertThat(parsed.signatureValid()).isTrue();
    }

    @Test
    void aSignatureOverANonCanonicalSerialisationDoesNotVerify() throws Exception {
        var body = "{\"to\": \"" + BOB.account() + "\", \"amount\": 5}";
        var nonCanonical = "{\"type\": \"transfer\", \"body\": " + body + ", \"signer\": \"" + Bytes.base64url(ALICE.publicKey())
                + "\", \"nonce\": 1, \"time\": 1}";
        var signature = ALICE.sign(("tributary/tx/v1\n" + nonCanonical).getBytes(StandardCharsets.UTF_8));
        var line = nonCanonical.substring(0, nonCanonical.length() - 1) + ", \"sig\": \"" + Bytes.base64url(signature) + "\"}";
        assertThat(TxCodec.parse(line).signatureValid()).isFalse();
    }

    @Test
    void aMetadataKeyNamedSigDoesNotConfuseTheMessage() throws Exception {
        var body = new Body.ContributionPropose("d", "a".repeat(64), 1L, "text/plain", java.util.Map.of("sig", "x", "a", "b"));
        var tx = TxCodec.sign(ALICE, body, 1, 1);
        assertThat(TxCodec.parse(TxCodec.json(tx)).signatureValid()).isTrue();
    }

    @Test
    void rejectsMalformedTransactionsWithAClearReason() {
        var good = TxCodec.json(transfer(5));
        assertThatThrownBy(() -> TxCodec.parse("{not json")).hasMessageStartingWith("malformed JSON");
        assertThatThrownBy(() -> TxCodec.parse("[]")).hasMessage("a transaction is a JSON object");
        assertThatThrownBy(() -> TxCodec.parse(good.replace("\"nonce\"", "\"extra\":1,\"nonce\""))).hasMessage("unknown field: extra");
        assertThatThrownBy(() -> TxCodec.parse(good.replace("\"amount\":5", "\"amount\":5,\"memo\":\"x\"")))
                .hasMessageContaining("unknown field memo");
        assertThatThrownBy(() -> TxCodec.parse(good.replace("\"amount\":5", "\"amount\":-5"))).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> TxCodec.parse(good.replace("\"amount\":5", "\"amount\":5.0"))).hasMessageContaining("floating-point");
        assertThatThrownBy(() -> TxCodec.parse(good.replace("\"amount\":5", "\"amount\":\"5\""))).isInstanceOf(TxFormatException.class);
        assertThatThrownBy(() -> TxCodec.parse(good.replace("\"amount\":5", "\"amount\":18446744073709551616")))
                .isInstanceOf(TxFormatException.class);
        assertThatThrownBy(() -> TxCodec.parse(good.replace("\"amount\":5,", ""))).hasMessageContaining("missing field amount");
        assertThatThrownBy(() -> TxCodec.parse(good.replace("\"transfer\"", "\"mint\""))).hasMessageContaining("unknown transaction type");
        assertThatThrownBy(() -> TxCodec.parse(good.replace("\"nonce\":1", "\"nonce\":0"))).hasMessageContaining("nonce");
        assertThatThrownBy(() -> TxCodec.parse(good.replace("acct_", "acct_zz"))).hasMessageContaining("not an account id");
        assertThatThrownBy(() -> TxCodec.parse(" ".repeat(TxCodec.TX_BYTES_MAX) + good)).hasMessageContaining("longer than");
    }

    /**
     * Lines that are canonical are read without a tree; every other line, and every fault, goes the general way.
     * Both must give the same transaction or both refuse, whatever the line.
     */
    @Property(tries = 1000)
    void theCanonicalLineReaderAgreesWithTheGeneralOne(@ForAll("transactions") Transaction tx,
            @ForAll @IntRange(min = 0, max = 400) int position, @ForAll("edits") String edit) throws Exception {
        var json = TxCodec.json(tx);
        int at = Math.min(position, json.length());
        for (var line : List.of(json, json.substring(0, at) + edit + json.substring(at),
                json.substring(0, at) + edit + json.substring(Math.min(json.length(), at + edit.length())))) {
            Transaction general;
            try {
                general = TxCodec.fromJson(Json.parse(line));
            } catch (JsonException | TxFormatException e) {
                assertThatThrownBy(() -> TxCodec.parse(line)).isInstanceOf(TxFormatException.class);
                continue;
            }
            var parsed = TxCodec.parse(line);
            assertThat(parsed).usingRecursiveComparison().isEqualTo(general);
        }
    }

    @Provide
    Arbitrary<Transaction> transactions() {
        var transfers = Combinators.combine(Arbitraries.longs().between(1, Json.SAFE_INTEGER_MAX),
                Arbitraries.longs().between(1, 1L << 40), Arbitraries.longs().between(0, 1L << 42))
                .as((amount, nonce, time) -> TxCodec.sign(ALICE, new Body.Transfer(BOB.account().value(), amount),
                        nonce, time));
        var proposals = Arbitraries.maps(Arbitraries.strings().ofMaxLength(4), Arbitraries.strings().ofMaxLength(4))
                .ofMaxSize(3).map(metadata -> TxCodec.sign(BOB, new Body.ContributionPropose("d", "a".repeat(64),
                        7L, "text/plain", metadata), 3, 5));
        return Arbitraries.oneOf(transfers, proposals);
    }

    @Provide
    Arbitrary<String> edits() {
        return Arbitraries.oneOf(Arbitraries.of("", " ", "\"", "\\", "0", "-", ".5", "e1", ",", "{", "}", "\\u0041",
                ",\"x\":1", "\"type\":\"transfer\",", "\ud800", "a", ",\"to\":\"", "\",\"to\":\"", "+", "1.0",
                "99999999999999999999"), Arbitraries.strings().ofMaxLength(3));
    }
}
