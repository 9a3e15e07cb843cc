package io.tributary.attribution.index;

/** Receives the progress of a long build; the command line draws it as a bar. */
public interface BuildProgress {

    /** Called after each document with the totals so far. */
    void tokenized(long documentCount, long tokenCount);

    /** Called when a phase of a shard starts: "sorting", "writing". */
    void phase(int shard, String phase);

    BuildProgress NONE = new BuildProgress() {
        @Override
        public void tokenized(long documentCount, long tokenCount) {
        }

        @Override
        public void phase(int shard, String phase) {
        }
    };
}
