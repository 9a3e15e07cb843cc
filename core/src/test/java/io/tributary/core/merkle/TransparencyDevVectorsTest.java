package io.tributary.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every inclusion and consistency mutation vector of transparency-dev/merkle's testdata/ (see
 * resources merkle/transparency-dev/README.md): each must be accepted or rejected as its
 * {@code wantErr} says.
 */
class TransparencyDevVectorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Our one deliberate difference: we require every root to be 32 bytes, even when the sizes are
     * equal and the roots are only compared. This vector passes two equal 12-byte strings as roots.
     */
    private static final Set<String> REJECTED_FOR_HASH_LENGTH =
            Set.of("consistency/additional/sizes-are-equal-one-and-proof-is-empty.json");

    @TestFactory
    Stream<DynamicTest> inclusionVectors() {
        return vectorFiles("inclusion").map(file -> DynamicTest.dynamicTest(name(file), () -> {
            JsonNode vector = read(file);
            ProofOutcome outcome = MerkleVerifier.verifyInclusion(
                    vector.get("leafIdx").asLong(),
                    vector.get("treeSize").asLong(),
                    bytes(vector.get("leafHash")),
                    hashes(vector.get("proof")),
                    bytes(vector.get("root")));
            assertThat(outcome.isValid()).as("%s: %s", vector.get("desc").asText(), outcome)
                    .isEqualTo(!vector.get("wantErr").asBoolean());
        }));
    }

    @TestFactory
    Stream<DynamicTest> consistencyVectors() {
        return vectorFiles("consistency").map(file -> DynamicTest.dynamicTest(name(file), () -> {
            JsonNode vector = read(file);
            ProofOutcome outcome = MerkleVerifier.verifyConsistency(
                    vector.get("size1").asLong(),
                    vector.get("size2").asLong(),
                    hashes(vector.get("proof")),
                    bytes(vector.get("root1")),
                    bytes(vector.get("root2")));
            if (REJECTED_FOR_HASH_LENGTH.contains(name(file))) {
                assertThat(outcome)
                        .isEqualTo(new ProofOutcome.Invalid(ProofFailure.WRONG_HASH_LENGTH, "old root has 12 bytes"));
                return;
            }
            assertThat(outcome.isValid()).as("%s: %s", vector.get("desc").asText(), outcome)
                    .isEqualTo(!vector.get("wantErr").asBoolean());
        }));
    }

    @Test
    void allVectorsArePresent() {
        assertThat(vectorFiles("inclusion").count()).isEqualTo(98);
        assertThat(vectorFiles("consistency").count()).isEqualTo(98);
    }

    private static Stream<Path> vectorFiles(String kind) {
        try {
            Path root = Path.of(TransparencyDevVectorsTest.class.getResource("/merkle/transparency-dev/" + kind).toURI());
            try (Stream<Path> walk = Files.walk(root)) {
                List<Path> files = walk.filter(path -> path.toString().endsWith(".json")).sorted().toList();
                return files.stream();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The path below merkle/transparency-dev/, e.g. inclusion/1/happy-path.json. */
    private static String name(Path file) {
        Path base = file;
        while (!base.getFileName().toString().equals("transparency-dev")) {
            base = base.getParent();
        }
        return base.relativize(file).toString();
    }

    private static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    private static byte[] bytes(JsonNode base64) {
        return Base64.getDecoder().decode(base64.asText());
    }

    private static byte[][] hashes(JsonNode array) {
        if (array.isNull()) {
            return new byte[0][];
        }
        byte[][] result = new byte[array.size()][];
        for (int i = 0; i < result.length; i++) {
            result[i] = bytes(array.get(i));
        }
        return result;
    }
}
