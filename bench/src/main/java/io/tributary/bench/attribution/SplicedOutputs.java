package io.tributary.bench.attribution;

import io.tributary.attribution.index.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Model-like outputs with known sources: passages of indexed documents interleaved with passages of held-out
 * documents (never indexed), with light word-level edits (deletions, duplications, swaps, substitutions).
 */
final class SplicedOutputs {

    /** One output and the contributions it was spliced from. */
    record Output(String text, Set<String> sources) {
    }

    private static final double EDIT_PROBABILITY = 0.03;

    private final List<Document> indexed;
    private final List<Document> heldOut;
    private final List<String> heldOutWords;

    SplicedOutputs(List<Document> indexed, List<Document> heldOut) {
        this.indexed = indexed;
        this.heldOut = heldOut;
        this.heldOutWords = new ArrayList<>();
        for (var document : heldOut) {
            heldOutWords.addAll(List.of(document.text().split("\\s+")));
        }
    }

    /** An output of about targetWords words from one to three sources and two to three held-out passages. */
    Output next(SplittableRandom random, int targetWords) {
        int sourceCount = 1 + random.nextInt(3);
        int otherCount = 2 + random.nextInt(2);
        int passageWords = targetWords / (sourceCount + otherCount);
        var sources = new TreeSet<String>();
        var passages = new ArrayList<String>();
        while (sources.size() < sourceCount) {
            var document = indexed.get(random.nextInt(indexed.size()));
            if (sources.add(document.contributionId())) {
                passages.add(edit(passage(document, passageWords, random), random));
            }
        }
        for (int i = 0; i < otherCount; i++) {
            var document = heldOut.get(random.nextInt(heldOut.size()));
            passages.add(random.nextInt(passages.size() + 1), edit(passage(document, passageWords, random), random));
        }
        return new Output(String.join("\n", passages), sources);
    }

    /** Whole sentences (lines) from a random place of the document, until about words words. */
    private static String passage(Document document, int words, SplittableRandom random) {
        var lines = document.text().split("\n");
        int line = random.nextInt(lines.length);
        var text = new StringBuilder();
        int count = 0;
        while (count < words) {
            var sentence = lines[line % lines.length];
            text.append(text.isEmpty() ? "" : " ").append(sentence);
            count += sentence.split(" ").length;
            line++;
        }
        return text.toString();
    }

    private String edit(String passage, SplittableRandom random) {
        var words = new ArrayList<>(List.of(passage.split(" ")));
        for (int i = 0; i < words.size(); i++) {
            if (random.nextDouble() >= EDIT_PROBABILITY) {
                continue;
            }
            switch (random.nextInt(4)) {
                case 0 -> words.remove(i);
                case 1 -> words.add(i, words.get(i));
                case 2 -> {
                    if (i + 1 < words.size()) {
                        words.set(i, words.set(i + 1, words.get(i)));
                    }
                }
                default -> words.set(i, heldOutWords.get(random.nextInt(heldOutWords.size())));
            }
        }
        return String.join(" ", words);
    }
}
