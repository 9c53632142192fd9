package dev.rackside.pvesim.internal.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/// pveproxy's network side: HTTPS on loopback, HTTP/1.1, PVE's headers. Requests are handled on
/// virtual threads so that a slow answer (a 5,000-guest resource list) never stalls the event loop;
/// failed authentications are answered after PVE's deliberate delay without holding a thread.
public final class SimServer implements AutoCloseable {
    /// Non-upload bodies are limited to 512 KiB in pveproxy; a little headroom for headers.
    private static final int MAX_CONTENT = 512 * 1024 + 1;

    private final EventLoopGroup group;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final Channel channel;

    public SimServer(String bindAddress, int port, SslContext tls, Dispatcher dispatcher, Duration authFailureDelay)
            throws InterruptedException {
        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        ServerBootstrap b = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(tls.newHandler(ch.alloc()), new HttpServerCodec(),
                                new HttpObjectAggregator(MAX_CONTENT),
                                new RequestHandler(new RequestDecoder(), dispatcher, workers, authFailureDelay));
                    }
                });
        channel = b.bind(bindAddress, port).sync().channel();
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownNow();
    }

    private static final class RequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
        private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;
        private final RequestDecoder decoder;
        private final Dispatcher dispatcher;
        private final ExecutorService workers;
        private final Duration authFailureDelay;

        RequestHandler(RequestDecoder decoder, Dispatcher dispatcher, ExecutorService workers, Duration authFailureDelay) {
            super(false); // the request is released by the worker thread once dispatched
            this.decoder = decoder;
            this.dispatcher = dispatcher;
            this.workers = workers;
            this.authFailureDelay = authFailureDelay;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            boolean keepAlive = HttpUtil.isKeepAlive(req);
            RequestDecoder.Decoded d = decoder.decode(req);
            workers.execute(() -> {
                Dispatcher.Outcome out = d.error() != null ? d.error()
                        : dispatcher.dispatch(d.method(), d.path(), d.params(), name -> req.headers().get(name));
                req.release();
                FullHttpResponse res = response(out, keepAlive);
                if (out.status() == 401) {
                    // PVE delays every failed authentication (3 s) against password guessing.
                    ctx.executor().schedule(() -> write(ctx, res, keepAlive && out.status() < 400),
                            authFailureDelay.toMillis(), TimeUnit.MILLISECONDS);
                } else {
                    write(ctx, res, keepAlive && out.status() < 400);
                }
            });
        }

        private static FullHttpResponse response(Dispatcher.Outcome out, boolean keepAlive) {
            HttpResponseStatus status = new HttpResponseStatus(out.status(), out.reason());
            FullHttpResponse res = out.body() == null
                    ? new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status)
                    : new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(out.body()));
            String date = HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC));
            res.headers().set(HttpHeaderNames.SERVER, "pve-api-daemon/3.0").set(HttpHeaderNames.DATE, date)
                    .set(HttpHeaderNames.EXPIRES, date).set(HttpHeaderNames.CACHE_CONTROL, "max-age=0")
                    .set(HttpHeaderNames.PRAGMA, "no-cache");
            if (out.body() != null) {
                if (out.json()) {
                    res.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json;charset=UTF-8");
                }
                res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, out.body().length);
            } else {
                res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
            }
            // pveproxy closes the connection after any error status.
            res.headers().set(HttpHeaderNames.CONNECTION,
                    keepAlive && out.status() < 400 ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
            return res;
        }

        private static void write(ChannelHandlerContext ctx, FullHttpResponse res, boolean keepAlive) {
            var f = ctx.writeAndFlush(res);
            if (!keepAlive) {
                f.addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // TLS handshake refusals by clients that distrust us land here; nothing to answer
        }
    }
}
