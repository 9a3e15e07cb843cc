package io.tributary.core.tx;

/** A frozen datanet version, written {@code <datanet>@<version>}, versions counting from 1. */
public record VersionRef(String datanet, long version) {

    public VersionRef {
        Fields.assetId(datanet, "datanet");
        if (version < 1) {
            throw new IllegalArgumentException("datanet versions count from 1, got " + version);
        }
    }

    public static VersionRef parse(String text) {
        int at = text == null ? -1 : text.lastIndexOf('@');
        if (at < 0) {
            throw new IllegalArgumentException("a datanet version is written <datanet>@<version>: " + text);
        }
        try {
            return new VersionRef(text.substring(0, at), Long.parseLong(text.substring(at + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a datanet version is written <datanet>@<version>: " + text);
        }
    }

    @Override
    public String toString() {
        return datanet + "@" + version;
    }
}
