package io.tributary.attribution.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The JSON form of a trace. Field order is fixed and every decimal is written with a fixed number of places, so the
 * same index and output give byte-identical JSON.
 */
public final class TraceJson {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
    private static final int SCORE_DECIMALS = 6;

    private TraceJson() {
    }

    /** The trace as pretty-printed JSON; receiptId, when not null, binds the evidence to one receipt. */
    public static String write(TraceResult result, String receiptId) {
        var out = new StringWriter();
        try (var json = FACTORY.createGenerator(out)) {
            json.setPrettyPrinter(new DefaultPrettyPrinter());
            json.writeStartObject();
            writeSpans(json, result);
            writeContributions(json, result);
            json.writeNumberField("coverage", ratio(result.coveredTokens(), result.outputTokens()));
            json.writeNumberField("output_tokens", result.outputTokens());
            json.writeStringField("index", result.indexId());
            json.writeStringField("tokenizer", result.tokenizer());
            json.writeStringField("engine", result.engine());
            if (receiptId != null) {
                json.writeStringField("receipt", receiptId);
            }
            writeParameters(json, result.parameters());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return out + "\n";
    }

    private static void writeSpans(JsonGenerator json, TraceResult result) throws IOException {
        json.writeArrayFieldStart("spans");
        for (var span : result.spans()) {
            json.writeStartObject();
            json.writeNumberField("start", span.start());
            json.writeNumberField("end", span.end());
            json.writeStringField("text", span.text());
            json.writeNumberField("token_start", span.tokenStart());
            json.writeNumberField("token_count", span.tokenCount());
            json.writeNumberField("count", span.count());
            json.writeNumberField("self_information", fixed(span.selfInformationNats()));
            json.writeArrayFieldStart("contributions");
            for (var id : span.contributions()) {
                json.writeString(id);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeContributions(JsonGenerator json, TraceResult result) throws IOException {
        json.writeArrayFieldStart("contributions");
        for (var credit : result.contributions()) {
            json.writeStartObject();
            json.writeStringField("id", credit.id());
            json.writeNumberField("weight", BigDecimal.valueOf(credit.weightPpb(), 9));
            json.writeNumberField("weight_ppb", credit.weightPpb());
            var evidence = credit.evidence();
            json.writeObjectFieldStart("evidence");
            json.writeNumberField("span", evidence.span());
            json.writeStringField("content_hash", evidence.contentHash());
            json.writeNumberField("token_offset", evidence.tokenOffset());
            json.writeNumberField("token_count", evidence.tokenCount());
            json.writeNumberField("bm25", fixed(evidence.bm25()));
            json.writeStringField("snippet", evidence.snippet());
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeParameters(JsonGenerator json, TraceParameters parameters) throws IOException {
        json.writeObjectFieldStart("parameters");
        json.writeNumberField("min_span", parameters.minSpanTokens());
        json.writeNumberField("max_count", parameters.maxCount());
        json.writeNumberField("max_docs", parameters.maxDocs());
        json.writeNumberField("keep_percent", parameters.keepPercent());
        json.writeEndObject();
    }

    private static BigDecimal ratio(int numerator, int denominator) {
        if (denominator == 0) {
            return BigDecimal.ZERO.setScale(SCORE_DECIMALS);
        }
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), SCORE_DECIMALS,
                RoundingMode.HALF_EVEN);
    }

    private static BigDecimal fixed(double value) {
        return BigDecimal.valueOf(value).setScale(SCORE_DECIMALS, RoundingMode.HALF_EVEN);
    }
}
