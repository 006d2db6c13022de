package org.chat.loadtest.bench;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import org.chat.loadtest.socketio.SioFrame;
import org.chat.loadtest.socketio.SioFrames;

/**
 * A gateway with just enough chat for the reconnect bench: {@code register_user}, {@code send_private_message}
 * (stored in a {@link Store} the gateways share, pushed live only for every other message, as an at-most-once
 * fan-out may drop some) and {@code sync_messages} in pages of {@value #PAGE} whose {@code next} token is a
 * position in the recipient's inbox; every {@value #REFUSE_EVERY}th sync answer is {@code unavailable}.
 */
final class FakeSyncGateway implements AutoCloseable {

	static final int PAGE = 3;

	static final int REFUSE_EVERY = 5;

	/** Every user's inbox (clientMessageIds in arrival order) and where each user is connected. */
	static final class Store {

		final Map<String, List<String>> inboxes = new ConcurrentHashMap<>();

		final Map<String, Channel> online = new ConcurrentHashMap<>();

		/** A send is acked at once and stored this much later, as the real stack acks once the broker has it. */
		volatile long storeDelayMillis;

	}

	private final NioEventLoopGroup group = new NioEventLoopGroup(1);

	private final Store store;

	private final Channel server;

	/** Sockets that registered here, by user id. */
	final Map<String, AtomicInteger> registrations = new ConcurrentHashMap<>();

	private final AtomicInteger syncs = new AtomicInteger();

	FakeSyncGateway(Store store) throws InterruptedException {
		this.store = store;
		this.server = new ServerBootstrap().group(this.group)
			.channel(NioServerSocketChannel.class)
			.childHandler(new ChannelInitializer<SocketChannel>() {
				@Override
				protected void initChannel(SocketChannel channel) {
					channel.pipeline()
						.addLast(new HttpServerCodec(), new HttpObjectAggregator(8192),
								new WebSocketServerProtocolHandler("/socket.io/", null, false, 65536, false, true),
								new Session(), new FakeSocketIoEndpoint.DevToken());
				}
			})
			.bind("127.0.0.1", 0)
			.sync()
			.channel();
	}

	URI uri() {
		return URI.create("http://127.0.0.1:" + ((InetSocketAddress) this.server.localAddress()).getPort());
	}

	/** Idempotent: the storm test closes a gateway under its clients, then again with the others. */
	@Override
	public synchronized void close() {
		if (this.group.isShuttingDown()) {
			return;
		}
		this.server.close().syncUninterruptibly();
		this.group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
	}

	private final class Session extends SimpleChannelInboundHandler<TextWebSocketFrame> {

		private String user;

		@Override
		public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
			if (event instanceof HandshakeComplete) {
				send(ctx.channel(), "0{\"sid\":\"e\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":20000,"
						+ "\"maxPayload\":1000000}");
			}
		}

		@Override
		protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
			String text = frame.text();
			long ackId = ackId(text);
			if (text.startsWith("40")) {
				send(ctx.channel(), "40{\"sid\":\"s\"}");
			}
			else if (text.contains("[\"register_user\"")) {
				this.user = SioFrame.eventArgument(text).path("id").stringValue(null);
				FakeSyncGateway.this.registrations.computeIfAbsent(this.user, u -> new AtomicInteger()).incrementAndGet();
				FakeSyncGateway.this.store.online.put(this.user, ctx.channel());
				send(ctx.channel(), "43" + ackId + "[{\"ok\":true}]");
			}
			else if (text.contains("[\"send_private_message\"")) {
				sendMessage(ctx, ackId, SioFrame.eventArgument(text).path("toUserId").stringValue(null), SioFrame.eventArgument(text).path("clientMessageId").stringValue(null));
			}
			else if (text.contains("[\"sync_messages\"")) {
				sync(ctx, ackId, SioFrame.eventArgument(text).path("since").stringValue(null));
			}
		}

		private void sendMessage(ChannelHandlerContext ctx, long ackId, String to, String clientMessageId) {
			send(ctx.channel(), "43" + ackId + "[{\"ok\":true,\"messageId\":\"m-" + clientMessageId + "\"}]");
			long delay = FakeSyncGateway.this.store.storeDelayMillis;
			if (delay > 0) {
				ctx.channel().eventLoop().schedule(() -> store(to, clientMessageId), delay, TimeUnit.MILLISECONDS);
			}
			else {
				store(to, clientMessageId);
			}
		}

		private void store(String to, String clientMessageId) {
			List<String> inbox = FakeSyncGateway.this.store.inboxes.computeIfAbsent(to, u -> new ArrayList<>());
			int position;
			synchronized (inbox) {
				inbox.add(clientMessageId);
				position = inbox.size();
			}
			Channel recipient = FakeSyncGateway.this.store.online.get(to);
			if (recipient != null && position % 2 == 0) {
				send(recipient, "42[\"receive_private_message\",{\"id\":\"m-" + clientMessageId
						+ "\",\"clientMessageId\":" + SioFrames.quote(clientMessageId) + "}]");
			}
		}

		private void sync(ChannelHandlerContext ctx, long ackId, String since) {
			if (FakeSyncGateway.this.syncs.incrementAndGet() % REFUSE_EVERY == 0) {
				send(ctx.channel(), "43" + ackId + "[{\"ok\":false,\"error\":{\"code\":\"unavailable\",\"message\":\"busy\"}}]");
				return;
			}
			List<String> inbox = FakeSyncGateway.this.store.inboxes.computeIfAbsent(this.user, u -> new ArrayList<>());
			int from = (since == null) ? 0 : Integer.parseInt(since);
			StringBuilder messages = new StringBuilder();
			int to;
			int size;
			synchronized (inbox) {
				size = inbox.size();
				to = Math.min(size, from + PAGE);
				for (int i = from; i < to; i++) {
					messages.append(i == from ? "" : ",")
						.append("{\"id\":\"m-").append(inbox.get(i)).append("\",\"clientMessageId\":")
						.append(SioFrames.quote(inbox.get(i))).append('}');
				}
			}
			send(ctx.channel(), "43" + ackId + "[{\"ok\":true,\"messages\":[" + messages + "],\"next\":\"" + to
					+ "\",\"hasMore\":" + (to < size) + "}]");
		}

		private void send(Channel channel, String text) {
			channel.writeAndFlush(new TextWebSocketFrame(text));
		}

		/** The ack id of a client's {@code 42<id>[...]}. */
		private static long ackId(String event) {
			int end = event.indexOf('[');
			return (event.startsWith("42") && end > 2) ? Long.parseLong(event.substring(2, end)) : -1;
		}

	}

}
