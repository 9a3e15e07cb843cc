package io.tributary.core.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.core.crypto.Bytes;
import io.tributary.core.crypto.Ed25519;
import io.tributary.core.crypto.SigningKey;
import io.tributary.core.json.Canonical;
import io.tributary.core.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
}
