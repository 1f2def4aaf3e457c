package dev.hauntedhelpdesk.container;

import dev.hauntedhelpdesk.logging.CorrelationId;
import dev.hauntedhelpdesk.web.Problem;
import dev.hauntedhelpdesk.web.RequestHead;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.micronaut.json.JsonMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Optional;

/**
 * Answers requests that Netty's decoder refused (an overlong request line or header block, a
 * header that is not valid HTTP) with the problem the Lambda handlers give for the same head:
 * 414, 431 or 400 problem+json with a correlation id. Micronaut would answer every one of them 413
 * or 400 without running any filter, hence without a correlation id, so this handler, placed
 * right after the HTTP codec, answers them itself and closes the connection (the rest of such a
 * request cannot be read reliably).
 */
@Singleton
class HeadRejections implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private static final Logger LOG = LoggerFactory.getLogger(HeadRejections.class);
    private static final String HANDLER = "helpdesk-head-rejections";

    private final JsonMapper json;
    private final NettyHttpServerConfiguration configuration;

    HeadRejections(JsonMapper json, NettyHttpServerConfiguration configuration) {
        this.json = json;
        this.configuration = configuration;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    /** Puts a {@link Refuser} after the HTTP/1 codec of every connection. */
    private final class Customizer implements NettyServerCustomizer {

        private final Channel channel;

        Customizer(Channel channel) {
            this.channel = channel;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new Customizer(channel) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel != null && channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null
                    && channel.pipeline().get(HANDLER) == null) {
                channel.pipeline().addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, HANDLER, new Refuser());
            }
        }
    }

    /** Answers a request whose head failed to decode, and drops whatever of it follows. */
    private final class Refuser extends ChannelInboundHandlerAdapter {

        private boolean refused;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (refused && msg instanceof HttpContent) {
                ReferenceCountUtil.release(msg);
                return;
            }
            if (msg instanceof HttpRequest request && request.decoderResult().isFailure()) {
                refused = true;
                try {
                    refuse(ctx, request);
                } finally {
                    ReferenceCountUtil.release(msg);
                }
                return;
            }
            ctx.fireChannelRead(msg);
        }

        private void refuse(ChannelHandlerContext ctx, HttpRequest request) {
            Throwable cause = request.decoderResult().cause();
            boolean lineTooLong = cause instanceof TooLongHttpLineException;
            RequestHead.Refusal refusal = lineTooLong
                    ? RequestHead.uriTooLong(configuration.getMaxInitialLineLength())
                    : cause instanceof TooLongHttpHeaderException
                    ? RequestHead.headersTooLarge(configuration.getMaxHeaderSize())
                    : RequestHead.invalidHeader();
            String id = CorrelationId.choose(request.headers().get(CorrelationId.HEADER), Optional.empty());
            // A line too long to read has no path to report.
            String path = lineTooLong ? null : path(request.uri());
            Problem problem = RequestHead.problem(refusal, path, id);
            byte[] body;
            try {
                body = json.writeValueAsBytes(problem);
            } catch (IOException e) {
                throw new IllegalStateException("A problem body always serializes", e);
            }
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(refusal.type().status()), Unpooled.wrappedBuffer(body));
            response.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, Problem.CONTENT_TYPE)
                    .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set(CorrelationId.HEADER, id)
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            LOG.info("{} {} refused by the HTTP decoder: {} (correlation id {})", request.method(),
                    path == null ? "-" : path, refusal.type().status(), id);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }

        private static String path(String uri) {
            try {
                return new QueryStringDecoder(uri).path();
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
