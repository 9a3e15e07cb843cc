package io.tributary.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AccountIdTest {

    private static final String HEX40 = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void acceptsExactlyAcctAndFortyLowercaseHexDigits() {
        assertThat(new AccountId("acct_" + HEX40).value()).isEqualTo("acct_" + HEX40);
        for (var bad : new String[] {"acct_" + HEX40.toUpperCase(), "acct_" + HEX40 + "0", "acct_" + HEX40.substring(1),
                "acct-" + HEX40, "acct_" + HEX40.substring(1) + "g", "", "acct_"}) {
            assertThatThrownBy(() -> new AccountId(bad)).as(bad).hasMessageContaining("not an account id");
        }
        assertThatThrownBy(() -> new AccountId(null)).hasMessageContaining("not an account id");
    }

    @Test
    void derivesFromThePublicKeyHash() {
        var key = new byte[32];
        assertThat(AccountId.of(key).value()).isEqualTo("acct_" + Bytes.hex(Bytes.sha256(key)).substring(0, 40));
    }

    @Test
    void lowerHexChecksLengthAndAlphabet() {
        assertThat(Bytes.isLowerHex("x" + HEX40, 1, 40)).isTrue();
        assertThat(Bytes.isLowerHex(HEX40, 0, 41)).isFalse();
        assertThat(Bytes.isLowerHex("0123:", 0, 5)).isFalse();
        assertThat(Bytes.isLowerHex("0123`", 0, 5)).isFalse();
        assertThat(Bytes.isLowerHex("", 0, 0)).isTrue();
    }
}
