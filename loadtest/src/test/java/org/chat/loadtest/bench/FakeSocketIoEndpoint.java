package org.chat.loadtest.bench;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * A Socket.IO endpoint as strict as the gateway about liveness: OPEN with a short ping interval, CONNECT
 * answered for any token but {@code bad} (CONNECT_ERROR) and {@code silent} (no answer), then a PING every
 * {@code pingMillis}, closing the socket when two PINGs in a row went unanswered (Engine.IO's ping interval plus
 * ping timeout, with slack for a loaded test machine).
 * Any other HTTP request (the bench's {@code POST /dev/token}) gets the token {@code "t"}.
 */
final class FakeSocketIoEndpoint implements AutoCloseable {

	private final NioEventLoopGroup group = new NioEventLoopGroup(1);

	private final long pingMillis;

	private final Channel server;

	final AtomicInteger pongs = new AtomicInteger();

	final AtomicInteger timedOut = new AtomicInteger();

	final AtomicInteger connects = new AtomicInteger();

	final Set<InetAddress> sources = ConcurrentHashMap.newKeySet();

	FakeSocketIoEndpoint(long pingMillis) throws InterruptedException {
		this.pingMillis = pingMillis;
		this.server = new ServerBootstrap().group(this.group)
			.channel(NioServerSocketChannel.class)
			.childHandler(new ChannelInitializer<SocketChannel>() {
				@Override
				protected void initChannel(SocketChannel channel) {
					FakeSocketIoEndpoint.this.sources.add(channel.remoteAddress().getAddress());
					channel.pipeline()
						.addLast(new HttpServerCodec(), new HttpObjectAggregator(8192),
								new WebSocketServerProtocolHandler("/socket.io/", null, false, 65536, false, true),
								new Session(), new DevToken());
				}
			})
			.bind("127.0.0.1", 0)
			.sync()
			.channel();
	}

	InetSocketAddress address() {
		return (InetSocketAddress) this.server.localAddress();
	}

	@Override
	public void close() {
		this.server.close().syncUninterruptibly();
		this.group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
	}

	private final class Session extends SimpleChannelInboundHandler<TextWebSocketFrame> {

		private int unanswered;

		private ScheduledFuture<?> pinger;

		@Override
		public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
			if (event instanceof HandshakeComplete) {
				ctx.writeAndFlush(new TextWebSocketFrame("0{\"sid\":\"e" + ctx.channel().id().asShortText()
						+ "\",\"upgrades\":[],\"pingInterval\":" + FakeSocketIoEndpoint.this.pingMillis
						+ ",\"pingTimeout\":" + FakeSocketIoEndpoint.this.pingMillis + ",\"maxPayload\":1000000}"));
			}
		}

		@Override
		protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
			String text = frame.text();
			if (text.equals("3")) {
				this.unanswered = 0;
				FakeSocketIoEndpoint.this.pongs.incrementAndGet();
			}
			else if (text.startsWith("40") && text.contains("\"bad\"")) {
				ctx.writeAndFlush(new TextWebSocketFrame("44{\"message\":\"invalid token\"}"));
			}
			else if (text.startsWith("40") && !text.contains("\"silent\"")) {
				FakeSocketIoEndpoint.this.connects.incrementAndGet();
				ctx.writeAndFlush(new TextWebSocketFrame("40{\"sid\":\"s" + ctx.channel().id().asShortText() + "\"}"));
				long every = FakeSocketIoEndpoint.this.pingMillis;
				this.pinger = ctx.executor().scheduleAtFixedRate(() -> ping(ctx), every, every, TimeUnit.MILLISECONDS);
			}
		}

		private void ping(ChannelHandlerContext ctx) {
			if (this.unanswered >= 2) {
				FakeSocketIoEndpoint.this.timedOut.incrementAndGet();
				ctx.close();
				return;
			}
			this.unanswered++;
			ctx.writeAndFlush(new TextWebSocketFrame("2"));
		}

		@Override
		public void channelInactive(ChannelHandlerContext ctx) {
			if (this.pinger != null) {
				this.pinger.cancel(false);
			}
		}

	}

	/** {@code POST /dev/token}: the token {@code "t"} for anyone. */
	static final class DevToken extends SimpleChannelInboundHandler<FullHttpRequest> {

		@Override
		protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
			DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
					Unpooled.copiedBuffer("{\"token\":\"t\"}", StandardCharsets.UTF_8));
			response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
			HttpUtil.setContentLength(response, response.content().readableBytes());
			ctx.writeAndFlush(response);
		}

	}

}
