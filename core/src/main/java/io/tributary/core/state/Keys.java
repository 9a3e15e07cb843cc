package io.tributary.core.state;

import io.tributary.core.tx.AssetRef;

/**
 * The typed paths of the state. Sorting keys sorts the state, so a prefix scan finds, say, the members of a
 * datanet in acceptance order.
 */
public final class Keys {

    public static final String LEDGER = "ledger";
    public static final String ACCOUNT = "account/";
    public static final String DATANET = "datanet/";
    public static final String CONTRIBUTION = "contribution/";
    /** {@code member/<datanet>/<n>}: the n-th accepted contribution, n zero-padded so keys sort in acceptance order. */
    public static final String MEMBER = "member/";
    /** {@code content/<datanet>/<hash>}: the contribution that brought this content, so content is proposed once. */
    public static final String CONTENT = "content/";
    public static final String VERSION = "version/";
    public static final String MODEL = "model/";
    public static final String AGENT = "agent/";
    /** {@code shares/<kind>/<id>/<account>}: a shareholding, a positive count. */
    public static final String SHARES = "shares/";

    private Keys() {}

    public static String account(String account) {
        return ACCOUNT + account;
    }

    public static String datanet(String id) {
        return DATANET + id;
    }

    public static String contribution(String id) {
        return CONTRIBUTION + id;
    }

    public static String members(String datanet) {
        return MEMBER + datanet + "/";
    }

    /**
     * The sequence number zero-padded to 12 digits, so that members sort in order; by hand, as String.format parses
     * its pattern on every call and this runs for every accepted contribution.
     */
    public static String member(String datanet, long sequence) {
        var digits = Long.toString(sequence);
        return members(datanet) + "0".repeat(Math.max(0, SEQUENCE_DIGITS - digits.length())) + digits;
    }

    private static final int SEQUENCE_DIGITS = 12;

    public static String content(String datanet, String hash) {
        return CONTENT + datanet + "/" + hash;
    }

    public static String version(String datanet, long version) {
        return VERSION + datanet + "/" + version;
    }

    public static String model(String id) {
        return MODEL + id;
    }

    public static String agent(String id) {
        return AGENT + id;
    }

    public static String holders(AssetRef asset) {
        return SHARES + asset + "/";
    }

    public static String shares(AssetRef asset, String account) {
        return holders(asset) + account;
    }
}
