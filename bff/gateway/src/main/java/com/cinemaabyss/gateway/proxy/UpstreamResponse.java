package com.cinemaabyss.gateway.proxy;

import org.springframework.core.io.buffer.DataBuffer;
import reactor.core.publisher.Flux;

import java.util.List;
import java.util.Map;

/**
 * What an upstream answered, to be passed back to the client as it is: its status and end-to-end headers, the
 * length it declared (-1 when it did not), and its body as it arrives. The body must be subscribed to (or the
 * answer dropped) while the call that produced it is in progress.
 */
public record UpstreamResponse(int status, Map<String, List<String>> headers, long contentLength, Flux<DataBuffer> body) {
}
