package io.tributary.attribution.index;

import java.util.Objects;

/**
 * One document to index: the contribution it belongs to and its text. Several documents may share a contribution
 * id; tracing credits each contribution once.
 */
public record Document(String contributionId, String text) {

    public Document {
        Objects.requireNonNull(contributionId, "contributionId");
        Objects.requireNonNull(text, "text");
        if (contributionId.isEmpty()) {
            throw new IllegalArgumentException("empty contribution id");
        }
    }
}
