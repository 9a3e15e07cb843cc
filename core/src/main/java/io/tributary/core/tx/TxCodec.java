package io.tributary.core.tx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.core.crypto.AccountId;
import io.tributary.core.crypto.Bytes;
import io.tributary.core.crypto.Ed25519;
import io.tributary.core.crypto.SigningKey;
import io.tributary.core.json.Canonical;
import io.tributary.core.json.CanonicalText;
import io.tributary.core.json.Json;
import io.tributary.core.json.JsonException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads and writes transactions in the format of DESIGN §3. */
public final class TxCodec {

    /** The domain separator in front of the canonical JSON that a signature covers. */
    public static final byte[] SIGNING_PREFIX = "tributary/tx/v1\n".getBytes(StandardCharsets.US_ASCII);
    /** Longest transaction line accepted, in bytes of UTF-8; the largest legitimate body is a few kilobytes. */
    public static final int TX_BYTES_MAX = 64 * 1024;

    private static final Set<String> FIELDS = Set.of("type", "body", "signer", "nonce", "time", "sig");

    private TxCodec() {}

    public static Transaction parse(String line) throws TxFormatException {
        if (line.length() > TX_BYTES_MAX) {
            throw new TxFormatException("transaction is longer than " + TX_BYTES_MAX + " bytes");
        }
        var canonical = parseCanonical(line);
        if (canonical != null) {
            return canonical;
        }
        JsonNode node;
        try {
            node = Json.parse(line);
        } catch (JsonException e) {
            throw new TxFormatException(e.getMessage());
        }
        return fromJson(node);
    }

    public static Transaction fromJson(JsonNode node) throws TxFormatException {
        if (!(node instanceof ObjectNode object)) {
            throw new TxFormatException("a transaction is a JSON object");
        }
        for (var name : (Iterable<String>) object::fieldNames) {
            if (!FIELDS.contains(name)) {
                throw new TxFormatException("unknown field: " + name);
            }
        }
        try {
            var type = TxType.named(field(object, "type", JsonNodeType.STRING).textValue());
            var body = readBody(type, field(object, "body", JsonNodeType.OBJECT));
            var signer = Bytes.unbase64url(field(object, "signer", JsonNodeType.STRING).textValue(),
                    Ed25519.PUBLIC_KEY_BYTES);
            long nonce = field(object, "nonce", JsonNodeType.NUMBER).longValue();
            long time = field(object, "time", JsonNodeType.NUMBER).longValue();
            var signature = Bytes.unbase64url(field(object, "sig", JsonNodeType.STRING).textValue(),
                    Ed25519.SIGNATURE_BYTES);
            return assemble(type, body, signer, nonce, time, signature, Canonical.bytes(object));
        } catch (IllegalArgumentException e) {
            throw new TxFormatException(e.getMessage());
        }
    }

    /** The members of a transaction as {@link Canonical} orders them. */
    private static final List<String> CANONICAL_FIELDS = List.of("body", "nonce", "sig", "signer", "time", "type");

    /**
     * The transaction of a line that is already canonical JSON with exactly the six fields of the right kinds, read
     * without a tree: the line is its own canonical bytes and the body binds from its text. Null for any other line
     * and for any fault, which {@link #fromJson} then finds again and explains: this path only ever accepts, so the
     * two ways cannot disagree on an error.
     */
    private static Transaction parseCanonical(String line) {
        var members = CanonicalText.members(line);
        if (members == null || members.size() != CANONICAL_FIELDS.size()) {
            return null;
        }
        for (int i = 0; i < members.size(); i++) {
            if (!members.get(i).name().equals(CANONICAL_FIELDS.get(i))) {
                return null;
            }
        }
        var body = members.get(0);
        var nonce = members.get(1);
        var sig = members.get(2);
        var signer = members.get(3);
        var time = members.get(4);
        var type = members.get(5);
        if (line.charAt(body.start()) != '{' || !isInteger(line, nonce) || !isInteger(line, time)
                || !isPlainString(line, sig) || !isPlainString(line, signer) || !isPlainString(line, type)) {
            return null;
        }
        try {
            var txType = TxType.named(line.substring(type.start() + 1, type.end() - 1));
            Body read = txType == TxType.TRANSFER ? canonicalTransfer(line, body.start(), body.end()) : null;
            if (read == null) {
                read = BODY_READERS.get(txType).readValue(line.substring(body.start(), body.end()));
            }
            return assemble(txType, read,
                    Bytes.unbase64url(line.substring(signer.start() + 1, signer.end() - 1), Ed25519.PUBLIC_KEY_BYTES),
                    Long.parseLong(line, nonce.start(), nonce.end(), 10),
                    Long.parseLong(line, time.start(), time.end(), 10),
                    Bytes.unbase64url(line.substring(sig.start() + 1, sig.end() - 1), Ed25519.SIGNATURE_BYTES),
                    line.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException | java.io.IOException e) {
            return null;
        }
    }

    /**
     * The transfer whose canonical body is {@code line[start, end)}, bound by hand, or null for anything but exactly
     * {@code {"amount":<integer>,"to":"<account id>"}} with valid fields: binding through Jackson cost more than the
     * rest of reading a transfer line, and transfers are most of what a ledger carries. Text between the quotes
     * after {@code "to":} that holds another member, a quote or an escape is no account id, so the record refuses it.
     * A null sends the body to Jackson, which then accepts or explains it as it would have anyway.
     */
    private static Body.Transfer canonicalTransfer(String line, int start, int end) {
        int amountStart = start + TRANSFER_AMOUNT.length();
        int to = line.indexOf(TRANSFER_TO, amountStart);
        int toStart = to + TRANSFER_TO.length();
        if (!line.startsWith(TRANSFER_AMOUNT, start) || to < 0 || toStart > end - 2 || line.charAt(end - 2) != '"'
                || line.charAt(end - 1) != '}') {
            return null;
        }
        try {
            return new Body.Transfer(line.substring(toStart, end - 2), Long.parseLong(line, amountStart, to, 10));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static final String TRANSFER_AMOUNT = "{\"amount\":";
    private static final String TRANSFER_TO = ",\"to\":\"";

    private static boolean isInteger(String line, CanonicalText.Member member) {
        char first = line.charAt(member.start());
        return first == '-' || first >= '0' && first <= '9';
    }

    /** A string without escapes, as every well-formed signer, signature and type name is. */
    private static boolean isPlainString(String line, CanonicalText.Member member) {
        return line.charAt(member.start()) == '"' && line.indexOf('\\', member.start(), member.end()) < 0;
    }

    private static Transaction assemble(TxType type, Body body, byte[] signer, long nonce, long time,
            byte[] signature, byte[] bytes) {
        if (nonce < 1) {
            throw new IllegalArgumentException("nonce must be at least 1, got " + nonce);
        }
        if (time < 0) {
            throw new IllegalArgumentException("time must be milliseconds since the epoch, got " + time);
        }
        return new Transaction(type, body, signer, AccountId.of(signer), nonce, time, signature, bytes,
                messageOf(bytes, time, type), Bytes.hex(Bytes.sha256(bytes)));
    }

    /** Builds and signs a transaction; the inverse of {@link #parse}. */
    public static Transaction sign(SigningKey key, Body body, long nonce, long timeMillis) {
        var unsigned = unsigned(TxType.of(body), Json.MAPPER.valueToTree(body), key.publicKey(), nonce, timeMillis);
        return signUnsigned(key, unsigned);
    }

    /** Signs {@code {"type", "body"}} as given (the body's JSON untouched) with the nonce and time filled in. */
    public static Transaction sign(SigningKey key, TxType type, JsonNode body, long nonce, long timeMillis) {
        return signUnsigned(key, unsigned(type, body, key.publicKey(), nonce, timeMillis));
    }

    private static Transaction signUnsigned(SigningKey key, ObjectNode unsigned) {
        unsigned.put("sig", Bytes.base64url(key.sign(message(unsigned.deepCopy().without("sig")))));
        try {
            return fromJson(unsigned);
        } catch (TxFormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static ObjectNode unsigned(TxType type, JsonNode body, byte[] signer, long nonce, long timeMillis) {
        var object = Json.MAPPER.createObjectNode();
        object.put("type", type.typeName());
        object.set("body", body);
        object.put("signer", Bytes.base64url(signer));
        object.put("nonce", nonce);
        object.put("time", timeMillis);
        return object;
    }

    /**
     * The signed message from the canonical bytes with {@code sig}: keys sort as body, nonce, sig, signer, time,
     * type, so the {@code ,"sig":"<86 base64url chars>"} member is followed by members of known length; cutting it
     * out gives exactly the canonical JSON without {@code sig}, with one serialisation instead of two.
     */
    private static byte[] messageOf(byte[] canonical, long time, TxType type) {
        int tail = SIGNER_MEMBER_BYTES + TIME_MEMBER_BYTES + Long.toString(time).length() + TYPE_MEMBER_BYTES
                + type.typeName().length() + 2;
        int end = canonical.length - tail;
        int start = end - SIG_MEMBER.length - SIG_BASE64_CHARS - 1;
        if (start < 0 || !Arrays.equals(canonical, start, start + SIG_MEMBER.length, SIG_MEMBER, 0, SIG_MEMBER.length)
                || canonical[end - 1] != '"') {
            throw new IllegalStateException("canonical transaction lacks its sig member where expected");
        }
        var message = new byte[SIGNING_PREFIX.length + canonical.length - (end - start)];
        System.arraycopy(SIGNING_PREFIX, 0, message, 0, SIGNING_PREFIX.length);
        System.arraycopy(canonical, 0, message, SIGNING_PREFIX.length, start);
        System.arraycopy(canonical, end, message, SIGNING_PREFIX.length + start, canonical.length - end);
        return message;
    }

    private static final byte[] SIG_MEMBER = ",\"sig\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final int SIG_BASE64_CHARS = Bytes.base64urlLength(Ed25519.SIGNATURE_BYTES);
    /** {@code ,"signer":"<43 base64url chars>"}. */
    private static final int SIGNER_MEMBER_BYTES = ",\"signer\":\"\"".length()
            + Bytes.base64urlLength(Ed25519.PUBLIC_KEY_BYTES);
    /** {@code ,"time":} before the digits. */
    private static final int TIME_MEMBER_BYTES = ",\"time\":".length();
    /** {@code ,"type":"} before the type name, which the closing quote and brace follow. */
    private static final int TYPE_MEMBER_BYTES = ",\"type\":\"".length();

    private static byte[] message(JsonNode unsigned) {
        var canonical = Canonical.bytes(unsigned);
        var message = Arrays.copyOf(SIGNING_PREFIX, SIGNING_PREFIX.length + canonical.length);
        System.arraycopy(canonical, 0, message, SIGNING_PREFIX.length, canonical.length);
        return message;
    }

    public static String json(Transaction transaction) {
        return new String(transaction.bytes(), StandardCharsets.UTF_8);
    }

    /** A reader per body type, resolved once: treeToValue looks the type up on every call. */
    private static final Map<TxType, ObjectReader> BODY_READERS = Arrays.stream(TxType.values())
            .collect(Collectors.toMap(type -> type, type -> Json.MAPPER.readerFor(type.bodyClass()),
                    (a, b) -> a, () -> new EnumMap<>(TxType.class)));

    private static Body readBody(TxType type, JsonNode body) {
        try {
            return BODY_READERS.get(type).readValue(body);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("bad " + type.typeName() + " body: " + rootMessage(e));
        }
    }

    private static String rootMessage(Throwable error) {
        var cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException unknown) {
            return "unknown field " + unknown.getPropertyName();
        }
        var message = cause instanceof com.fasterxml.jackson.core.JsonProcessingException json
                ? json.getOriginalMessage() : cause.getMessage();
        int newline = message == null ? -1 : message.indexOf('\n');
        return newline < 0 ? String.valueOf(message) : message.substring(0, newline);
    }

    private static JsonNode field(ObjectNode object, String name, JsonNodeType type) {
        var value = object.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing field " + name);
        }
        if (value.getNodeType() != type) {
            throw new IllegalArgumentException("field " + name + " must be a " + type.name().toLowerCase());
        }
        return value;
    }
}
