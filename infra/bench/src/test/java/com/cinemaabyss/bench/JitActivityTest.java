package com.cinemaabyss.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JitActivityTest {

    @Test
    void readsAThreadsNameAndCpuTicksFromItsProcStatLine() {
        String stat = "4242 (C2 CompilerThre) S 1 4200 4200 0 -1 4194368 1234 0 0 0 731 42 0 0 20 0 30 0 12345 0 0";
        assertEquals("C2 CompilerThre", JitActivity.threadName(stat));
        assertEquals(773, JitActivity.cpuTicks(stat));
        String odd = "4243 (a (b) c) R 1 4200 4200 0 -1 4194368 1 0 0 0 5 6 0 0 20 0 30 0 12345 0 0";
        assertEquals("a (b) c", JitActivity.threadName(odd), "a name may hold spaces and parentheses");
        assertEquals(11, JitActivity.cpuTicks(odd));
    }

    @Test
    void onlyHotSpotsCompilerThreadsCountAsCompiling() {
        assertTrue(JitActivity.isCompiler("C1 CompilerThre"));
        assertTrue(JitActivity.isCompiler("C2 CompilerThre"));
        assertFalse(JitActivity.isCompiler("reactor-http-ep"));
        assertFalse(JitActivity.isCompiler("VM Thread"));
    }

    @Test
    void theCompilersShareIsOfTheCpuUsedBetweenTwoReadings() {
        JitActivity.Reading before = new JitActivity.Reading(100, 1000);
        assertEquals(0.25, new JitActivity.Reading(150, 1200).compilerShareSince(before));
        assertEquals(0, before.compilerShareSince(before), "no CPU used: nothing to share");
    }

    @Test
    void thisJvmHasCompilerThreadsAndTheyHaveWorked() {
        JitActivity.Reading reading = JitActivity.read(ProcessHandle.current().pid());
        assertTrue(reading.compilerTicks() > 0 && reading.allTicks() > reading.compilerTicks(), reading.toString());
    }

    @Test
    void aWarmupSettlesAtTheSharedThresholdAndSaysWhenItHitTheCap() {
        assertTrue(new Warmup.Warmed("gateway", Duration.ofSeconds(40), Warmup.SETTLED_SHARE).settled());
        assertFalse(new Warmup.Warmed("gateway", Warmup.CAP, 0.2).settled());
    }
}
