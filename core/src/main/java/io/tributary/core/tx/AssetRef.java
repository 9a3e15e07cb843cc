package io.tributary.core.tx;

/** An asset that has shares: a datanet, a model or an agent, written {@code <kind>/<id>}. */
public record AssetRef(Kind kind, String id) {

    public enum Kind {
        DATANET("datanet"), MODEL("model"), AGENT("agent");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    public AssetRef {
        Fields.present(kind, "kind");
        Fields.assetId(id, "asset id");
    }

    public static AssetRef parse(String text) {
        int slash = text.indexOf('/');
        if (slash > 0) {
            for (var kind : Kind.values()) {
                if (kind.word.equals(text.substring(0, slash))) {
                    return new AssetRef(kind, text.substring(slash + 1));
                }
            }
        }
        throw new IllegalArgumentException("an asset is written datanet/<id>, model/<id> or agent/<id>: " + text);
    }

    @Override
    public String toString() {
        return kind.word + "/" + id;
    }
}
