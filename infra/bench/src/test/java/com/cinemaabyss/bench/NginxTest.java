package com.cinemaabyss.bench;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

class NginxTest {

    @Test
    void splitsMovieTrafficLikeTheGatewayAndListensOnLoopbackOnly() {
        String config = Nginx.config(Path.of("/tmp/bench/nginx"), 9000, URI.create("http://127.0.0.1:8081"),
                URI.create("http://127.0.0.1:8080"), 30);
        assertTrue(config.contains("split_clients \"${request_id}\" $movies_backend {\n    30% movies;\n    * monolith;"), config);
        assertTrue(config.contains("upstream movies { server 127.0.0.1:8081; keepalive 64; }"), config);
        assertTrue(config.contains("upstream monolith { server 127.0.0.1:8080; keepalive 64; }"), config);
        assertTrue(config.contains("listen 127.0.0.1:9000;"), config);
        assertTrue(config.contains("proxy_pass http://$movies_backend;"), config);
        assertTrue(config.contains("pid /tmp/bench/nginx/nginx.pid;"), "nginx keeps its files in the benchmark's folder");
    }
}
