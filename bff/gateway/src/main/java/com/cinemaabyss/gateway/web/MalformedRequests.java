package com.cinemaabyss.gateway.web;

import com.cinemaabyss.kit.core.ErrorBody;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Requests Netty could not parse (a method that is not a token, a header or request line too long) or whose target
 * is not a URI never reach Spring, which would answer them with an empty 400; this answers them in JSON like every
 * other refusal, and closes the connection, whose next bytes cannot be trusted. Sits right after Netty's HTTP codec.
 */
final class MalformedRequests extends ChannelInboundHandlerAdapter {

    private final JsonMapper json;

    MalformedRequests(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpObject http && http.decoderResult().isFailure()) {
            ReferenceCountUtil.release(msg);
            refuse(ctx, http.decoderResult().cause());
        } else if (msg instanceof HttpRequest request && !isUri(request.uri())) {
            ReferenceCountUtil.release(msg);
            refuse(ctx, new URISyntaxException(request.uri(), "not a valid request target"));
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    private void refuse(ChannelHandlerContext ctx, Throwable cause) {
        HttpResponseStatus status = switch (cause) {
            case TooLongHttpLineException e -> HttpResponseStatus.REQUEST_URI_TOO_LONG;
            case TooLongHttpHeaderException e -> HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
            case TooLongFrameException e -> HttpResponseStatus.BAD_REQUEST;
            default -> HttpResponseStatus.BAD_REQUEST;
        };
        String message = switch (cause) {
            case URISyntaxException e -> "malformed request: the request target is not a valid URI";
            case TooLongFrameException e -> "malformed request: " + status.reasonPhrase().toLowerCase(Locale.ROOT);
            default -> "malformed request: it is not valid HTTP/1.1";
        };
        byte[] body = json.writeValueAsBytes(new ErrorBody(message));
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    private static boolean isUri(String target) {
        try {
            new URI(target);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
