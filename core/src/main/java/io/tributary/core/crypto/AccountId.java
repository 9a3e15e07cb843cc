package io.tributary.core.crypto;

import java.util.Arrays;
import java.util.regex.Pattern;

/** An account's id: {@code acct_} and the lowercase hex of the first 20 bytes of SHA-256 of its public key. */
public record AccountId(String value) implements Comparable<AccountId> {

    private static final Pattern FORM = Pattern.compile("acct_[0-9a-f]{40}");

    public AccountId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not an account id (acct_ and 40 lowercase hex digits): "
                    + Bytes.abbreviate(value));
        }
    }

    public static AccountId of(byte[] publicKey) {
        return new AccountId("acct_" + Bytes.hex(Arrays.copyOf(Bytes.sha256(publicKey), 20)));
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
