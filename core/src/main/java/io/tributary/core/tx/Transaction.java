package io.tributary.core.tx;

import io.tributary.core.crypto.AccountId;
import io.tributary.core.crypto.Bytes;
import io.tributary.core.crypto.Ed25519;

/**
 * A parsed, well-formed transaction. {@code bytes} is its canonical JSON with {@code sig} (the log leaf);
 * {@code message} is what the signature covers. The signature is not checked here: {@link #signatureValid()}
 * does that, so callers choose where the expensive check runs.
 */
public record Transaction(
        TxType type, Body body, byte[] signer, AccountId account, long nonce, long timeMillis, byte[] signature,
        byte[] bytes, byte[] message, String id) {

    public boolean signatureValid() {
        return Ed25519.verify(signer, message, signature);
    }

    public String signerBase64() {
        return Bytes.base64url(signer);
    }
}
