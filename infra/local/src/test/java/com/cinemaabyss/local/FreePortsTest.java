package com.cinemaabyss.local;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FreePortsTest {

    private static final int PICKS = 400;

    @Test
    void picksListenablePortsBelowTheEphemeralRangeAndNeverTheSameTwice() throws IOException {
        Set<Integer> picked = new HashSet<>();
        for (int i = 0; i < PICKS; i++) {
            int port = FreePorts.pick();
            assertTrue(port >= FreePorts.LOWEST && port < FreePorts.ephemeralRangeStart(), port + " is in the ephemeral range");
            assertTrue(picked.add(port), port + " was picked twice");
        }
        int last = picked.iterator().next();
        try (ServerSocket listening = new ServerSocket(last, 50, InetAddress.getLoopbackAddress())) {
            assertEquals(last, listening.getLocalPort(), "a picked port can be listened on");
        }
    }

    @Test
    void anotherJvmNeverGetsAPortThisOneHolds() throws Exception {
        Set<Integer> ours = new HashSet<>();
        for (int i = 0; i < PICKS; i++) {
            ours.add(FreePorts.pick());
        }
        // Without the reservation, two JVMs drawing 400 ports each from some 17,000 would share about nine.
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Picker.class.getName(), Integer.toString(PICKS))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Set<Integer> theirs = new HashSet<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                theirs.add(Integer.parseInt(line.trim()));
            }
        }
        assertTrue(other.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, other.exitValue());
        assertEquals(PICKS, theirs.size());
        theirs.retainAll(ours);
        assertEquals(Set.of(), theirs, "ports both JVMs were given");
    }

    /** The other JVM: prints the ports it picks. */
    public static final class Picker {

        public static void main(String[] args) {
            int picks = Integer.parseInt(args[0]);
            for (int i = 0; i < picks; i++) {
                System.out.println(FreePorts.pick());
            }
        }
    }
}
