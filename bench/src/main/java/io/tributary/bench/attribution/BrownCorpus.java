package io.tributary.bench.attribution;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.attribution.index.Document;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** The Brown corpus as documents, in file order (../shared/data/brown/brown.jsonl.gz). */
final class BrownCorpus {

    private BrownCorpus() {
    }

    static List<Document> load(Path path) throws IOException {
        var json = new ObjectMapper();
        var documents = new ArrayList<Document>();
        try (var reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(path), 1 << 16), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                var node = json.readTree(line);
                documents.add(new Document(node.get("id").asText(), node.get("text").asText()));
            }
        }
        return documents;
    }
}
