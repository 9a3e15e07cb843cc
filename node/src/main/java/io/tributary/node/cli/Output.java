package io.tributary.node.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.core.json.Json;
import io.tributary.node.ledger.Result;

/** JSON lines the CLI prints. */
final class Output {

    private Output() {}

    static ObjectNode object() {
        return Json.MAPPER.createObjectNode();
    }

    static String line(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code {"id", "status": "accepted", "index"}} or {@code {"status": "rejected", "reason"}}. */
    static String result(Result result) {
        var node = object();
        switch (result) {
            case Result.Accepted accepted -> node.put("id", accepted.id()).put("status", "accepted").put("index",
                    accepted.index());
            case Result.Rejected rejected -> node.put("status", "rejected").put("reason", rejected.reason());
        }
        return line(node);
    }
}
