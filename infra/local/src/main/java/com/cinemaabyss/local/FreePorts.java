package com.cinemaabyss.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds ports nothing listens on, for tests that must not collide with a running platform, with each other, or with
 * the test JVM running beside them.
 *
 * <p>A port is picked below the kernel's ephemeral range: a port the kernel hands out for {@code bind(0)} comes from
 * the same range as the local ports of outgoing connections, and while a dozen JVMs connect to Kafka and DynamoDB one
 * of those can take it between being picked and being listened on. A picked port stays reserved for the life of this
 * JVM by a lock on a file named after it, which the other JVMs of a parallel build ({@code mvn -T 2}) skip.
 */
public final class FreePorts {

    static final int LOWEST = 15_000;
    /** The highest port picked: the one below the ephemeral range, which does not change while the JVM runs. */
    private static final int HIGHEST = ephemeralRangeStart() - 1;
    private static final Path LOCKS = Path.of(System.getProperty("java.io.tmpdir"), "cinemaabyss-ports");
    /** Held until the JVM exits: a lock is released when its channel closes. */
    private static final List<FileLock> RESERVED = new CopyOnWriteArrayList<>();

    private FreePorts() {
    }

    public static int pick() {
        if (HIGHEST - LOWEST < 1_000) {
            return fromKernel();
        }
        createLockDirectory();
        int span = HIGHEST - LOWEST + 1;
        int start = ThreadLocalRandom.current().nextInt(span);
        for (int i = 0; i < span; i++) {
            int port = LOWEST + (start + i) % span;
            FileLock lock = reserve(port);
            if (lock == null) {
                continue;
            }
            if (listenable(port)) {
                RESERVED.add(lock);
                return port;
            }
            release(lock);
        }
        throw new IllegalStateException("no free port between " + LOWEST + " and " + HIGHEST);
    }

    /** The first port of the kernel's ephemeral range (Linux), else IANA's. */
    static int ephemeralRangeStart() {
        try {
            // readString trusts the size /proc reports, and reads too little
            String range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).getFirst().trim();
            return Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 49_152;
        }
    }

    private static void createLockDirectory() {
        try {
            Files.createDirectories(LOCKS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + LOCKS + " for the ports' locks", e);
        }
    }

    private static FileLock reserve(int port) {
        try {
            FileChannel channel = FileChannel.open(LOCKS.resolve(port + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException alreadyOurs) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
            }
            return lock;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reserve port " + port + " under " + LOCKS, e);
        }
    }

    private static void release(FileLock lock) {
        try {
            lock.channel().close();
        } catch (IOException ignored) {
            // the lock goes with the channel, closed or not by now
        }
    }

    private static boolean listenable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }

    private static int fromKernel() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
