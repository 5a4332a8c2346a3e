package com.cinemaabyss.bench;

import java.net.URI;
import java.time.Duration;

/**
 * Warming a JVM target under the measured load until its JIT has settled: in steps of {@link #STEP}, until its compiler
 * threads took at most {@link #SETTLED_SHARE} of its CPU during the last step, or {@link #CAP} has passed. A gateway pod
 * serves for days at its steady state; measured while C2 is still compiling, it would spend much of its CPU on that.
 */
final class Warmup {

    static final Duration STEP = Duration.ofSeconds(10);
    static final double SETTLED_SHARE = 0.05;
    static final Duration CAP = Duration.ofSeconds(150);

    /** How one target's warm-up ended: time under load, the compilers' share in its last step, and whether that settled. */
    record Warmed(String target, Duration underLoad, double compilerShare) {

        boolean settled() {
            return compilerShare <= SETTLED_SHARE;
        }
    }

    private Warmup() {
    }

    static Warmed untilJitSettles(Wrk wrk, String target, URI url, String script, int connections, long pid) {
        Duration underLoad = Duration.ZERO;
        double share;
        do {
            JitActivity.Reading before = JitActivity.read(pid);
            wrk.run(url, connections, STEP, script);
            share = JitActivity.read(pid).compilerShareSince(before);
            underLoad = underLoad.plus(STEP);
        } while (share > SETTLED_SHARE && underLoad.compareTo(CAP) < 0);
        return new Warmed(target, underLoad, share);
    }
}
