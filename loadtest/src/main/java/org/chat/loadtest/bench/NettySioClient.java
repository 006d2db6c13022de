package org.chat.loadtest.bench;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.chat.loadtest.socketio.SioFrames;

/**
 * Socket.IO-over-WebSocket connections on Netty (epoll when available, one event loop per core by default): the
 * JDK WebSocket client spent more CPU per handshake than the gateway it measured. Each connect binds the given
 * source address (ephemeral port), and fails after {@code timeout} unless the namespace CONNECT was answered;
 * connected sockets stay open, answering Engine.IO pings, until {@link #close()}.
 */
final class NettySioClient implements AutoCloseable {

	/** The gateway's default {@code chat.engine.max-payload}. */
	private static final int MAX_FRAME = 1_000_000;

	private final EventLoopGroup group;

	private final Bootstrap bootstrap;

	private final long timeoutMillis;

	private final ChannelGroup connected = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);

	private final AtomicInteger dropped = new AtomicInteger();

	private final SioClientHandler.UserLists userLists = new SioClientHandler.UserLists();

	private volatile boolean closing;

	NettySioClient(int eventLoops, Duration timeout) {
		boolean epoll = Epoll.isAvailable();
		DefaultThreadFactory threads = new DefaultThreadFactory("bench-netty", true);
		this.group = epoll ? new EpollEventLoopGroup(eventLoops, threads) : new NioEventLoopGroup(eventLoops, threads);
		this.timeoutMillis = timeout.toMillis();
		this.bootstrap = new Bootstrap().group(this.group)
			.channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, this.timeoutMillis))
			.option(ChannelOption.TCP_NODELAY, true);
	}

	/** Completes with the channel once {@code 40{sid}} arrived; fails on refusal, close or timeout. */
	CompletableFuture<Channel> connect(InetSocketAddress gateway, InetAddress source, String token) {
		return connect(gateway, source, token, null);
	}

	/**
	 * As {@link #connect(InetSocketAddress, InetAddress, String)}; once connected, {@code frames} gets every frame
	 * the handshake does not answer itself (events, acks), on the channel's event loop.
	 */
	CompletableFuture<Channel> connect(InetSocketAddress gateway, InetAddress source, String token,
			BiConsumer<Channel, String> frames) {
		CompletableFuture<Channel> result = new CompletableFuture<>();
		URI uri = URI.create("ws://" + gateway.getHostString() + ":" + gateway.getPort() + SioFrames.WS_PATH);
		SioClientHandler handler = new SioClientHandler(new SioHandshake(token), result, frames,
				this.userLists);
		ChannelFuture connect = this.bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
			@Override
			protected void initChannel(SocketChannel channel) {
				channel.pipeline()
					.addLast(new HttpClientCodec(), new HttpObjectAggregator(8192),
							new WebSocketClientProtocolHandler(upgrade(uri)), handler);
			}
		}).connect(gateway, new InetSocketAddress(source, 0));
		Channel channel = connect.channel();
		connect.addListener(done -> {
			if (!done.isSuccess()) {
				result.completeExceptionally(done.cause());
			}
		});
		var timer = channel.eventLoop().schedule(() -> {
			result.completeExceptionally(new TimeoutException(
					"no CONNECT answer in " + this.timeoutMillis + " ms, waiting for the " + handler.phase()));
		}, this.timeoutMillis, TimeUnit.MILLISECONDS);
		result.whenComplete((ok, error) -> {
			timer.cancel(false);
			if (error != null) {
				channel.close();
				return;
			}
			this.connected.add(channel);
			channel.closeFuture().addListener(closed -> {
				if (!this.closing) {
					this.dropped.incrementAndGet();
				}
			});
		});
		return result;
	}

	/** {@code user_list} frames and bytes received on every socket so far. */
	long userListFrames() {
		return this.userLists.frames().sum();
	}

	long userListBytes() {
		return this.userLists.bytes().sum();
	}

	/** Connected sockets that are still open. */
	int open() {
		return this.connected.size();
	}

	/** Connected sockets the server (or the network) closed before {@link #close()}. */
	int dropped() {
		return this.dropped.get();
	}

	private WebSocketClientProtocolConfig upgrade(URI uri) {
		// as the JDK client it replaces: no Origin header, no permessage-deflate; frames as large as the gateway's
		// maxPayload (a user_list of thousands of users is over Netty's 64 KB default, which closed the socket)
		return WebSocketClientProtocolConfig.newBuilder()
			.maxFramePayloadLength(MAX_FRAME)
			.webSocketUri(uri)
			.generateOriginHeader(false)
			.handshakeTimeoutMillis(this.timeoutMillis)
			.build();
	}

	@Override
	public void close() {
		this.closing = true;
		this.connected.close().awaitUninterruptibly(10, TimeUnit.SECONDS);
		this.group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
	}

}
