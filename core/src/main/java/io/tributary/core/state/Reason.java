package io.tributary.core.state;

/** Why a transaction was rejected; declared in order of precedence, each with the stable code clients see. */
public enum Reason {
    MALFORMED("malformed"),
    BAD_SIGNATURE("bad_signature"),
    BAD_NONCE("bad_nonce"),
    GENESIS("genesis"),
    UNAUTHORIZED("unauthorized"),
    UNKNOWN_REFERENCE("unknown_reference"),
    ALREADY_EXISTS("already_exists"),
    WRONG_STATUS("wrong_status"),
    LINEAGE_CYCLE("lineage_cycle"),
    EMPTY_VERSION("empty_version"),
    INSUFFICIENT_FUNDS("insufficient_funds"),
    INSUFFICIENT_SHARES("insufficient_shares"),
    OVERFLOW("overflow");

    private final String code;

    Reason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
