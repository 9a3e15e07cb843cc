/**
 * The log's Merkle tree, exactly as RFC 9162 §2.1 defines it, so that any Certificate
 * Transparency verifier checks our proofs.
 *
 * <ul>
 *   <li>{@link io.tributary.core.merkle.Rfc9162}: leaf, node and empty-tree hashes.
 *   <li>{@link io.tributary.core.merkle.CompactRange}: the O(log n) state an appending log keeps.
 *   <li>{@link io.tributary.core.merkle.MerkleProofs}: roots and proofs from a
 *       {@link io.tributary.core.merkle.LeafHashes} source (the server side).
 *   <li>{@link io.tributary.core.merkle.MerkleVerifier}: pure checks of proofs that return a
 *       {@link io.tributary.core.merkle.ProofOutcome} (the client side).
 * </ul>
 */
package io.tributary.core.merkle;
