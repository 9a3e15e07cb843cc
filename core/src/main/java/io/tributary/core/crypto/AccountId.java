package io.tributary.core.crypto;

import java.util.Arrays;

/** An account's id: {@code acct_} and the lowercase hex of the first 20 bytes of SHA-256 of its public key. */
public record AccountId(String value) implements Comparable<AccountId> {

    private static final String PREFIX = "acct_";
    private static final int HEX_DIGITS = 40;

    public AccountId {
        if (!wellFormed(value)) {
            throw new IllegalArgumentException("not an account id (acct_ and 40 lowercase hex digits): "
                    + Bytes.abbreviate(value));
        }
    }

    /** {@code acct_} and 40 lowercase hex digits; checked by hand, as it is for every transaction. */
    private static boolean wellFormed(String value) {
        return value != null && value.startsWith(PREFIX)
                && Bytes.isLowerHex(value, PREFIX.length(), HEX_DIGITS);
    }

    public static AccountId of(byte[] publicKey) {
        return new AccountId(PREFIX + Bytes.hex(Arrays.copyOf(Bytes.sha256(publicKey), 20)));
    }

    @Override
    public int compareTo(AccountId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
