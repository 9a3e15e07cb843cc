package io.tributary.attribution.trace;

import java.util.List;

/**
 * The outcome of tracing one output: kept spans in output order, credited contributions in display order (BM25),
 * and what the result is bound to (index id, tokenizer, engine).
 */
public record TraceResult(List<Span> spans, List<Credit> contributions, int coveredTokens, int outputTokens,
                          String indexId, String tokenizer, String engine, TraceParameters parameters) {

    /**
     * A kept span: character range [start, end) of the output, its token range, how often it occurs and the distinct
     * contributions it credits (empty when it is found in more than maxDocs contributions).
     */
    public record Span(int start, int end, String text, int tokenStart, int tokenCount, long count,
                       double selfInformationNats, List<String> contributions) {
    }

    /** A credited contribution: exact weight in parts per billion and one occurrence as evidence. */
    public record Credit(String id, long weightPpb, Evidence evidence) {
    }

    /**
     * One occurrence of a span (by its index in {@link #spans()}) in the contribution: the content hash of the
     * document and the token offset within it, with a decoded snippet around it and its BM25 score.
     */
    public record Evidence(int span, String contentHash, long tokenOffset, int tokenCount, String snippet,
                           double bm25) {
    }
}
