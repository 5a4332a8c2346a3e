package com.cinemaabyss.kit.dynamo;

/**
 * Ids shared by several writers of one entity during a migration: a writer hands out offset, offset + stride,
 * offset + 2·stride, … from its own atomic counter ({@link IdSequences}). Writers whose offsets differ modulo the
 * stride never hand out the same id, and each keeps its counter private. An offset may be larger than the stride
 * (same residue, higher start) to begin above ids handed out before the writers were interleaved.
 */
public class InterleavedIds {

    private final IdSequences sequences;
    private final String sequence;
    private final long offset;
    private final long stride;

    public InterleavedIds(IdSequences sequences, String sequence, long offset, long stride) {
        if (stride < 1 || offset < 1) {
            throw new IllegalArgumentException(sequence + " ids need offset >= 1 and stride >= 1, got offset " + offset + ", stride " + stride);
        }
        this.sequences = sequences;
        this.sequence = sequence;
        this.offset = offset;
        this.stride = stride;
    }

    public long next() {
        return at(sequences.next(sequence));
    }

    /** The id of the {@code n}th value (from 1) of this writer's counter. */
    public long at(long n) {
        return Math.addExact(Math.multiplyExact(n - 1, stride), offset);
    }

    /** Whether {@code id} is of this writer's progression. */
    public boolean owns(long id) {
        return id >= offset && (id - offset) % stride == 0;
    }
}
