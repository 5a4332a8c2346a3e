package com.cinemaabyss.bench;

import com.cinemaabyss.platform.Processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * nginx (the Debian package) as the reference reverse proxy: the same Strangler Fig split as our gateway, done
 * with {@code split_clients} on the request id (anonymous requests are split at random, as the gateway does).
 */
final class Nginx implements AutoCloseable {

    private final Process process;
    private final int port;

    private Nginx(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static String config(Path dir, int port, URI movies, URI monolith, int moviesPercent) {
        return """
                worker_processes auto;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 1024; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/body;
                  proxy_temp_path %1$s/proxy;
                  fastcgi_temp_path %1$s/fastcgi;
                  uwsgi_temp_path %1$s/uwsgi;
                  scgi_temp_path %1$s/scgi;
                  upstream movies { server %2$s; keepalive 64; }
                  upstream monolith { server %3$s; keepalive 64; }
                  split_clients "${request_id}" $movies_backend {
                    %4$d%% movies;
                    * monolith;
                  }
                  server {
                    listen 127.0.0.1:%5$d;
                    location /api/movies {
                      proxy_pass http://$movies_backend;
                      proxy_http_version 1.1;
                      proxy_set_header Connection "";
                    }
                  }
                }
                """.formatted(dir, movies.getAuthority(), monolith.getAuthority(), moviesPercent, port);
    }

    static Nginx start(Path dir, int port, URI movies, URI monolith, int moviesPercent) {
        try {
            Files.createDirectories(dir);
            Path conf = dir.resolve("nginx.conf");
            Files.writeString(conf, config(dir, port, movies, monolith, moviesPercent));
            Process process = new ProcessBuilder(List.of("nginx", "-p", dir.toString(), "-c", conf.toString(), "-g", "daemon off;"))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
            return new Nginx(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException("nginx did not start (infra/bench/run installs it)", e);
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        Processes.stop(process, Duration.ofSeconds(10));
    }
}
