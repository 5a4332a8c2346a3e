package com.cinemaabyss.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How much of a JVM's CPU its JIT compiler threads take, from each thread's CPU ticks in /proc (Linux). A JVM whose
 * compilers still take a large share of its CPU is warming up, not at the steady state a long-running pod serves at.
 */
final class JitActivity {

    /** CPU ticks (user + system) of a process's compiler threads and of all its threads, read at one moment. */
    record Reading(long compilerTicks, long allTicks) {

        /** The compiler threads' share of the CPU the process used since {@code earlier}; 0 when it used none. */
        double compilerShareSince(Reading earlier) {
            long all = allTicks - earlier.allTicks;
            return all <= 0 ? 0 : (double) (compilerTicks - earlier.compilerTicks) / all;
        }
    }

    private JitActivity() {
    }

    static Reading read(long pid) {
        long compiler = 0;
        long all = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path thread : threads) {
                String stat;
                try {
                    stat = Files.readString(thread.resolve("stat"));
                } catch (IOException ended) {
                    continue;
                }
                long ticks = cpuTicks(stat);
                all += ticks;
                if (isCompiler(threadName(stat))) {
                    compiler += ticks;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the threads of process " + pid, e);
        }
        return new Reading(compiler, all);
    }

    /** HotSpot's C1 and C2 compiler threads ("C2 CompilerThread0", cut to 15 characters by the kernel). */
    static boolean isCompiler(String threadName) {
        return threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler");
    }

    /** The name between the first '(' and the last ')' of a /proc stat line: it may itself hold spaces and parentheses. */
    static String threadName(String stat) {
        return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    }

    /** utime + stime, fields 14 and 15 of a /proc stat line (the 12th and 13th after the name). */
    static long cpuTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
