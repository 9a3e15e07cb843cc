package io.tributary.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

class CanonicalTextTest {

    @Property(tries = 500)
    void recognisesEveryCanonicalObjectAndFindsItsMembers(@ForAll("objects") ObjectNode object) {
        var text = Canonical.string(object);

        var members = CanonicalText.members(text);

        assertThat(members).isNotNull();
        assertThat(members).extracting(CanonicalText.Member::name)
                .containsExactlyElementsOf(object.properties().stream().map(Map.Entry::getKey).sorted().toList());
        for (var member : members) {
            assertThat(text.substring(member.start(), member.end()))
                    .isEqualTo(Canonical.string(object.get(member.name())));
        }
    }

    /** The property the transaction reader rests on: what this recognises is exactly what Canonical writes. */
    @Property(tries = 2000)
    void whatItRecognisesIsItsOwnCanonicalForm(@ForAll("objects") ObjectNode object,
            @ForAll("edits") List<Edit> edits) throws JsonException {
        var text = new StringBuilder(Canonical.string(object));
        edits.forEach(edit -> edit.applyTo(text));

        if (CanonicalText.members(text.toString()) != null) {
            assertThat(Canonical.string(Json.parse(text.toString()))).isEqualTo(text.toString());
        }
    }

    @Property(tries = 200)
    void aSerialisationWithOtherOrderOrSpacingIsNotRecognisedUnlessItIsCanonical(
            @ForAll("objects") ObjectNode object) throws Exception {
        var pretty = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(object);

        assertThat(CanonicalText.members(pretty) != null).isEqualTo(pretty.equals(Canonical.string(object)));
    }

    @Test
    void refusesEachWayOfDifferingFromTheCanonicalForm() {
        for (var text : List.of("", " {}", "{} ", "{ }", "[]", "{\"a\":1,\"a\":1}", "{\"b\":1,\"a\":2}",
                "{\"a\" :1}", "{\"a\":\"\\/\"}", "{\"a\":\"\\u0041\"}", "{\"a\":\"\\u001F\"}", "{\"a\":\"\\u000a\"}",
                "{\"a\":\"\u0001\"}", "{\"a\":\"\\ud800\"}", "{\"a\":\"\ud800\"}", "{\"a\":\"\udc00\ud800\"}",
                "{\"a\":-0}", "{\"a\":01}", "{\"a\":+1}", "{\"a\":1.0}", "{\"a\":1e3}", "{\"a\":9007199254740992}",
                "{\"a\":-9007199254740992}", "{\"a\":tru}", "{\"a\":[1,]}", "{\"a\":[1 ]}", "{\"a\":1,}",
                "{\"a\":\"x}", "{\"a\":1}}", "{\"a\"}", "{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}")) {
            assertThat(CanonicalText.members(text)).as(text).isNull();
        }
    }

    @Test
    void acceptsTheCanonicalFormsOfEdgeValues() {
        for (var text : List.of("{}", "{\"\":0}", "{\"a\":-9007199254740991,\"b\":9007199254740991}",
                "{\"a\":\"\\u0000\\u001f\\b\\t\\n\\f\\r\\\"\\\\/\u007f\u2028\ud83d\ude00\"}",
                "{\"\\r\":1,\"1\":2,\"\u0080\":3,\"\ud83d\ude00\":4,\"\ufb33\":5}", "{\"a\":[true,false,null,[],{}]}",
                "{\"a\":1,\"ab\":2,\"b\":3}")) {
            assertThat(CanonicalText.members(text)).as(text).isNotNull();
        }
    }

    @Provide
    Arbitrary<ObjectNode> objects() {
        return object(3);
    }

    private Arbitrary<JsonNode> value(int depth) {
        Arbitrary<JsonNode> leaves = Arbitraries.oneOf(strings().map(TextNode::valueOf),
                Arbitraries.longs().between(-Json.SAFE_INTEGER_MAX, Json.SAFE_INTEGER_MAX).map(LongNode::valueOf),
                Arbitraries.longs().between(-12, 12).map(LongNode::valueOf),
                Arbitraries.of(BooleanNode.TRUE, BooleanNode.FALSE, NullNode.getInstance()));
        if (depth == 0) {
            return leaves;
        }
        return Arbitraries.frequencyOf(Tuple.of(4, leaves), Tuple.of(1, object(depth - 1).map(JsonNode.class::cast)),
                Tuple.of(1, value(depth - 1).list().ofMaxSize(4).map(items -> {
                    var array = Json.MAPPER.createArrayNode();
                    items.forEach(array::add);
                    return array;
                })));
    }

    private Arbitrary<ObjectNode> object(int depth) {
        return Arbitraries.maps(strings(), Arbitraries.lazy(() -> value(depth))).ofMaxSize(5).map(fields -> {
            var object = Json.MAPPER.createObjectNode();
            fields.forEach(object::set);
            return object;
        });
    }

    /** Mostly short ASCII, with the characters that escaping and key order turn on: controls, quotes, non-BMP. */
    private static Arbitrary<String> strings() {
        var codePoints = Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.integers().between('a', 'e')),
                Tuple.of(2, Arbitraries.integers().between(0, 0x7f)),
                Tuple.of(1, Arbitraries.of((int) '"', (int) '\\', (int) '/', 0x7f, 0x80, 0xe9, 0x2028, 0xfb33)),
                Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10ffff)));
        return codePoints.list().ofMaxSize(6).map(points -> {
            var text = new StringBuilder();
            points.forEach(text::appendCodePoint);
            return text.toString();
        });
    }

    /** One change to a text: insert, delete or replace a character at a position taken modulo its length. */
    record Edit(int kind, int position, char character) {
        void applyTo(StringBuilder text) {
            int at = Math.floorMod(position, text.length() + 1);
            switch (kind) {
                case 0 -> text.insert(at, character);
                case 1 -> {
                    if (at < text.length()) {
                        text.deleteCharAt(at);
                    }
                }
                default -> {
                    if (at < text.length()) {
                        text.setCharAt(at, character);
                    }
                }
            }
        }
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        var characters = Arbitraries.of(' ', '"', '\\', '/', '0', '1', '9', '-', '+', '.', 'e', 'E', ',', ':', '{',
                '}', '[', ']', 'u', 'a', 'b', 'A', 'n', '\n', '\u0001', '\ud800', '\udc00', '\u00e9');
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers(), characters)
                .as(Edit::new).list().ofMinSize(1).ofMaxSize(3);
    }
}
