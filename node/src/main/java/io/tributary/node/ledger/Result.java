package io.tributary.node.ledger;

/** What became of one submitted transaction, told only once it is durable (or certainly not in the log). */
public sealed interface Result {

    record Accepted(String id, long index) implements Result {}

    record Rejected(String reason) implements Result {}
}
