package io.tributary.core.json;

/** Input that is not the JSON we accept; the message says why in one line. */
public final class JsonException extends Exception {
    public JsonException(String message) {
        super(message);
    }
}
