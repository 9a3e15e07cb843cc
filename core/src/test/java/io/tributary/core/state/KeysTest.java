package io.tributary.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeysTest {

    @Test
    void membersAreNumberedWithTwelveDigitsSoTheySortInOrder() {
        assertThat(Keys.member("news", 0)).isEqualTo("member/news/000000000000");
        assertThat(Keys.member("news", 42)).isEqualTo("member/news/000000000042");
        assertThat(Keys.member("news", 999_999_999_999L)).isEqualTo("member/news/999999999999");
        assertThat(Keys.member("news", 1_000_000_000_000L)).isEqualTo("member/news/1000000000000");
    }
}
