package io.tributary.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CanonicalTest {

    private static String canonical(String json) throws JsonException {
        return Canonical.string(Json.parse(json));
    }

    @Test
    void sortsKeysByUtf16CodeUnitsAndDropsWhitespace() throws JsonException {
        // RFC 8785 §3.2.3 sorting example, restricted to string values (no floats in Tributary).
        var input = "{\"\\u20ac\": \"Euro Sign\", \"\\r\": \"Carriage Return\", \"\\ufb33\": \"Hebrew Letter Dalet With Dagesh\","
                + " \"1\": \"One\", \"\\ud83d\\ude00\": \"Emoji: Grinning Face\", \"\\u0080\": \"Control\","
                + " \"\\u00f6\": \"Latin Small Letter O With Diaeresis\"}";
        assertThat(canonical(input)).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void escapesOnlyWhatJcsEscapes() throws JsonException {
        assertThat(canonical("[\"\\u0000\\u001f\\b\\t\\n\\f\\r\\\"\\\\/\\u2028é\"]"))
                .isEqualTo("[\"\\u0000\\u001f\\b\\t\\n\\f\\r\\\"\\\\/\u2028é\"]");
    }

    @Test
    void writesIntegersLiterals() throws JsonException {
        assertThat(canonical("{\"b\": [true, false, null], \"a\": -9007199254740991, \"c\": 0}"))
                .isEqualTo("{\"a\":-9007199254740991,\"b\":[true,false,null],\"c\":0}");
    }

    @Test
    void refusesWhatCannotBeCanonical() {
        assertThatThrownBy(() -> Json.parse("{\"a\": 1.5}")).hasMessageContaining("floating-point");
        assertThatThrownBy(() -> Json.parse("{\"a\": 1e3}")).hasMessageContaining("floating-point");
        assertThatThrownBy(() -> Json.parse("{\"a\": 9007199254740992}")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> Json.parse("{\"a\": 99999999999999999999}")).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> Json.parse("{\"a\": \"\\ud800\"}")).hasMessageContaining("lone surrogate");
        assertThatThrownBy(() -> Json.parse("{\"a\": 1, \"a\": 2}")).hasMessageContaining("malformed");
        assertThatThrownBy(() -> Json.parse("{\"a\": 1} x")).hasMessageContaining("malformed");
        assertThatThrownBy(() -> Json.parse("")).hasMessageContaining("malformed");
        assertThatThrownBy(() -> Json.parse("[".repeat(100) + "]".repeat(100))).hasMessageContaining("malformed");
    }

    @Test
    void namesThePathOfTheValueItRefuses() {
        assertThatThrownBy(() -> Json.parse("{\"body\": {\"parents\": [{\"rate\": 1}, {\"rate\": 0.5}]}}"))
                .hasMessage("non-integer number at $.body.parents[1].rate: floating-point numbers are not allowed");
        assertThatThrownBy(() -> Json.parse("[1, 9007199254740992]"))
                .hasMessage("integer out of range at $[1]: magnitude must be at most 2^53-1");
        assertThatThrownBy(() -> Json.parse("{\"a\": {\"\\udc00\": 1}}"))
                .hasMessage("lone surrogate in a string at $.a");
        assertThatThrownBy(() -> Json.parse("\"\\ud800\"")).hasMessage("lone surrogate in a string at $");
    }
}
