package com.cinemaabyss.identity.security;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import java.util.Arrays;
import java.util.List;

/**
 * Measures what one Argon2id hash costs on this machine for a few settings, to choose the parameters in
 * application.yaml (cinemaabyss.identity.argon2). Rerun it where the function runs, with nothing else busy:
 * <pre>
 * mvn -B -o -q test-compile -pl functions/identity -am
 * mvn -B -o -q -pl functions/identity dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp "functions/identity/target/test-classes:$(cat functions/identity/cp.txt)" com.cinemaabyss.identity.security.Argon2Cost [rounds]
 * </pre>
 * Prints, per setting, the median and the spread of the time per hash, single-threaded.
 */
public final class Argon2Cost {

    /** memory in KiB, iterations, parallelism. */
    record Setting(int memoryKiB, int iterations, int parallelism) {
        @Override
        public String toString() {
            return "m=" + memoryKiB / 1024 + " MiB, t=" + iterations + ", p=" + parallelism;
        }
    }

    private static final List<Setting> SETTINGS = List.of(
            new Setting(16 * 1024, 2, 1),    // Spring Security 5.8's defaults
            new Setting(19 * 1024, 2, 1),    // OWASP's first recommendation
            new Setting(12 * 1024, 3, 1),    // OWASP: same strength, less memory
            new Setting(46 * 1024, 1, 1),    // OWASP: more memory, one pass
            new Setting(64 * 1024, 3, 1));   // RFC 9106's second recommendation (far beyond a pod's budget)

    private Argon2Cost() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        System.out.printf("%d cores, %d MiB max heap, %d rounds per setting%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, rounds);
        for (Setting setting : SETTINGS) {
            Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, setting.parallelism(), setting.memoryKiB(), setting.iterations());
            for (int i = 0; i < 3; i++) {
                encoder.encode("warm-up password " + i);
            }
            double[] millis = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                long start = System.nanoTime();
                encoder.encode("correct horse battery staple " + i);
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(millis);
            System.out.printf("%-28s median %6.1f ms  (min %6.1f, max %6.1f)%n", setting, millis[rounds / 2], millis[0], millis[rounds - 1]);
        }
    }
}
