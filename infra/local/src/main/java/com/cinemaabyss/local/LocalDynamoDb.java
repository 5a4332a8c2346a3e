package com.cinemaabyss.local;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

import java.io.IOException;
import java.lang.reflect.Field;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * DynamoDB Local (the real one AWS ships on Maven Central) running inside this JVM on an HTTP port.
 * With a data directory it persists between runs; without one it keeps everything in memory.
 */
public final class LocalDynamoDb implements AutoCloseable {

    private static final String NATIVE_LIBRARY = "libsqlite4java-linux-amd64.so";

    private final DynamoDBProxyServer server;
    private final int port;

    private LocalDynamoDb(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts DynamoDB Local on {@code port} (0 picks a free one), persisting to {@code dataDir} when it is not null. */
    public static LocalDynamoDb start(int port, Path dataDir) {
        ensureNativeLibrary();
        int chosenPort = port == 0 ? FreePorts.pick() : port;
        List<String> args = new ArrayList<>(List.of("-port", String.valueOf(chosenPort), "-disableTelemetry"));
        if (dataDir == null) {
            args.add("-inMemory");
        } else {
            createDirectories(dataDir);
            args.addAll(List.of("-sharedDb", "-dbPath", dataDir.toAbsolutePath().toString()));
        }
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
            loopbackOnly(server);
            server.start();
            return new LocalDynamoDb(server, chosenPort);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on port " + chosenPort, e);
        }
    }

    /**
     * DynamoDB Local has no option for the address it listens on and binds every interface; everything local to this
     * platform listens on 127.0.0.1 only, so its Jetty connector is told so before it starts.
     */
    private static void loopbackOnly(DynamoDBProxyServer proxy) throws ReflectiveOperationException {
        for (ServerConnector connector : connectors(proxy)) {
            connector.setHost("127.0.0.1");
        }
    }

    /** The addresses the server's network connectors listen on. */
    public List<String> listenAddresses() {
        try {
            return connectors(server).stream().map(ServerConnector::getHost).toList();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ServerConnector> connectors(DynamoDBProxyServer proxy) throws ReflectiveOperationException {
        Field jetty = DynamoDBProxyServer.class.getDeclaredField("server");
        jetty.setAccessible(true);
        List<ServerConnector> connectors = new ArrayList<>();
        for (Connector connector : ((Server) jetty.get(proxy)).getConnectors()) {
            if (connector instanceof ServerConnector network) {
                connectors.add(network);
            }
        }
        return connectors;
    }

    public int port() {
        return port;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** A client for this DynamoDB Local; the caller closes it. */
    public DynamoDbClient client() {
        return clientFor(endpoint());
    }

    /** A client for the DynamoDB Local at {@code endpoint}, with the fixed credentials it accepts. */
    public static DynamoDbClient clientFor(URI endpoint) {
        return builderFor(endpoint).build();
    }

    /** The builder of {@link #clientFor}, for a client with more configured (an interceptor in a test). */
    public static DynamoDbClientBuilder builderFor(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop cleanly", e);
        }
    }

    /** sqlite4java loads its JNI library from a directory; the build puts it in this jar, so copy it out once. */
    private static synchronized void ensureNativeLibrary() {
        if (System.getProperty("sqlite4java.library.path") != null) {
            return;
        }
        try (InputStream in = LocalDynamoDb.class.getResourceAsStream("/sqlite4java-natives/" + NATIVE_LIBRARY)) {
            if (in == null) {
                throw new IllegalStateException("sqlite4java native library missing from the classpath: " + NATIVE_LIBRARY);
            }
            Path dir = Files.createTempDirectory("sqlite4java");
            Files.copy(in, dir.resolve(NATIVE_LIBRARY), StandardCopyOption.REPLACE_EXISTING);
            dir.toFile().deleteOnExit();
            dir.resolve(NATIVE_LIBRARY).toFile().deleteOnExit();
            System.setProperty("sqlite4java.library.path", dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
