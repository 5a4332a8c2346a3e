package com.cinemaabyss.gateway.proxy;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;

/**
 * The bound on request bodies ({@code cinemaabyss.http.max-body-bytes}). Bodies stream through the gateway, so the
 * bound is kept twice: a declared Content-Length over it is refused before anything is sent upstream, and a body
 * of undeclared length is counted as it passes and cut off (the upstream call aborted) when the count goes over.
 */
public final class BodyLimit {

    private final long maxBytes;

    public BodyLimit(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("the body limit must be 0 or more, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public void checkDeclared(IncomingRequest request) {
        if (request.contentLength() > maxBytes) {
            throw new BodyTooLargeException(maxBytes);
        }
    }

    public Flux<DataBuffer> counted(Flux<DataBuffer> body) {
        return Flux.defer(() -> {
            long[] seen = {0};
            return body.handle((buffer, sink) -> {
                seen[0] += buffer.readableByteCount();
                if (seen[0] > maxBytes) {
                    DataBufferUtils.release(buffer);
                    sink.error(new BodyTooLargeException(maxBytes));
                } else {
                    sink.next(buffer);
                }
            });
        });
    }
}
