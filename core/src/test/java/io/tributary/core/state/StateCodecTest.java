package io.tributary.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.core.json.Canonical;
import io.tributary.core.tx.Body;
import io.tributary.core.tx.TxCodec;
import io.tributary.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import org.junit.jupiter.api.Test;

/** The direct encoder writes exactly the RFC 8785 bytes of the value's tree, which the state root depends on. */
class StateCodecTest {

    private static byte[] viaTree(Object value) {
        return Canonical.bytes(Json.MAPPER.valueToTree(value));
    }

    @Property(tries = 500)
    void everyValueTypeEncodesAsItsCanonicalTree(@ForAll @CharRange(from = 0, to = 0x7f)
            @Chars({'\u00e9', '\u2028', '\ud83d', '\ude00', '\uffff'}) String text, @ForAll long number) {
        // A lone surrogate never reaches the state: transactions with one are refused at parse time.
        var safe = text.replaceAll("[\\ud800-\\udfff]", "") + "\ud83d\ude00";
        long amount = Math.floorMod(number, Json.SAFE_INTEGER_MAX);
        var values = List.<Object>of(
                new Values.Account(amount, 7),
                new Values.Datanet(safe, safe, "lic", List.of("b", "a"), amount, Body.Control.MAJORITY, 2, 3, "AAEC"),
                new Values.Datanet("o", "n", "l", List.of(), 0, null, 0, 0, ""),
                new Values.Contribution("d", safe, "h", amount, "text/plain",
                        Map.of("z" + safe, safe, "a", "", safe, "x"), amount, Values.Status.SPAM),
                new Values.Member("c", safe),
                new Values.DatanetVersion("r", amount, 12),
                new Values.Model("o", safe, List.of(new Body.Parent("m", Body.Royalty.RELATIVE, 5L)), List.of("d@1"),
                        null),
                new Values.Agent(safe, List.of("m2", "m1"), amount),
                new Values.Ledger(safe, amount),
                safe,
                amount);
        for (var value : values) {
            assertThat(new String(StateCodec.encode(value), StandardCharsets.UTF_8)).as(value.toString())
                    .isEqualTo(new String(viaTree(value), StandardCharsets.UTF_8));
        }
    }

    @Test
    void everyValueOfARealStateEncodesAsItsCanonicalTree() {
        var owner = Chain.key(1);
        var chain = new Chain(Map.of(owner, 1_000_000L, Chain.key(2), 5L));
        var other = Chain.key(2).account().value();
        chain.submit(owner, new Body.DatanetCreate("news", "News \u0001 \ud83d\ude00", "CC-BY-4.0", List.of(other), 10L,
                null));
        var first = TxCodec.sign(owner, new Body.ContributionPropose("news", "ab".repeat(32), 100L, "text/plain",
                Map.of("title", "caf\u00e9", "a", "\t")), 2, 5);
        chain.submit(first);
        var second = TxCodec.sign(owner, new Body.ContributionPropose("news", "cd".repeat(32), 7L, "text/plain",
                Map.of()), 3, 6);
        chain.submit(second);
        chain.submit(owner, new Body.ContributionAccept(first.id()));
        chain.submit(owner, new Body.ContributionReject(second.id(), true));
        chain.submit(owner, new Body.DatanetFreeze("news"));
        chain.submit(owner, new Body.ModelRegister("base", "ef".repeat(32), List.of(), List.of("news@1"), null));
        chain.submit(owner, new Body.ModelRegister("tuned", "01".repeat(32),
                List.of(new Body.Parent("base", Body.Royalty.RELATIVE, 500L)), List.of(), Body.Control.MAJORITY));
        chain.submit(owner, new Body.AgentRegister("helper", List.of("tuned"), 25L));
        chain.submit(owner, new Body.ShareTransfer("datanet/news", other, 1_000L));
        assertThat(chain.log).hasSize(11);
        chain.state.entries().forEach((key, value) ->
                assertThat(StateCodec.encode(value)).as(key).isEqualTo(viaTree(value)));
    }
}
