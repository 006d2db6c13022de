package org.chat.loadtest.gatling;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import org.chat.loadtest.socketio.SioFrame;

/**
 * The least of a chat gateway the simulations need, on one port: {@code POST /dev/token} (the token is the user
 * id), or with a {@code jwtSecret} no dev tokens but HS256 tokens checked like the gateway checks them (the
 * user is their {@code sub}), the Engine.IO/Socket.IO handshake, acks for every event, and {@code send_private_message} delivered to
 * with its ack {@code ackDelayMillis} and its delivery to the recipient's socket {@code deliveryDelayMillis} after
 * it arrived, as a real gateway's fan-out does (never from inside the event loop of the sender's socket).
 */
final class FakeChatGateway implements AutoCloseable {

	private static final Pattern USER_ID = Pattern.compile("\"userId\":\"([^\"]+)\"");

	private static final Pattern EVENT = Pattern.compile("^42(\\d+)\\[\"([a-z_]+)\"");

	private final NioEventLoopGroup group = new NioEventLoopGroup(1);

	private final Map<String, Channel> sockets = new ConcurrentHashMap<>();

	private final AtomicLong messageIds = new AtomicLong();

	private final long ackDelayMillis;

	private final long deliveryDelayMillis;

	private final Channel server;

	private final String jwtSecret;

	/** {@code POST /dev/token} requests received. */
	final AtomicInteger devTokenRequests = new AtomicInteger();

	/** CONNECTs accepted with a verified signed token. */
	final AtomicInteger verifiedTokens = new AtomicInteger();

	FakeChatGateway(long ackDelayMillis, long deliveryDelayMillis) throws InterruptedException {
		this(ackDelayMillis, deliveryDelayMillis, null);
	}

	FakeChatGateway(long ackDelayMillis, long deliveryDelayMillis, String jwtSecret) throws InterruptedException {
		this.ackDelayMillis = ackDelayMillis;
		this.deliveryDelayMillis = deliveryDelayMillis;
		this.jwtSecret = jwtSecret;
		this.server = new ServerBootstrap().group(this.group)
			.channel(NioServerSocketChannel.class)
			.childHandler(new ChannelInitializer<SocketChannel>() {
				@Override
				protected void initChannel(SocketChannel channel) {
					channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536), new Handler());
				}
			})
			.bind("127.0.0.1", 0)
			.sync()
			.channel();
	}

	String url() {
		return "http://127.0.0.1:" + ((InetSocketAddress) this.server.localAddress()).getPort();
	}

	@Override
	public void close() {
		this.server.close().syncUninterruptibly();
		this.group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
	}

	private final class Handler extends SimpleChannelInboundHandler<Object> {

		@Override
		protected void channelRead0(ChannelHandlerContext ctx, Object message) {
			if (message instanceof FullHttpRequest request) {
				http(ctx, request);
			}
			else if (message instanceof TextWebSocketFrame frame) {
				frame(ctx.channel(), frame.text());
			}
			else if (message instanceof CloseWebSocketFrame close) {
				ctx.writeAndFlush(close.retainedDuplicate()).addListener(ChannelFutureListener.CLOSE);
			}
		}

		private void http(ChannelHandlerContext ctx, FullHttpRequest request) {
			if (request.uri().startsWith("/socket.io/")) {
				new WebSocketServerHandshakerFactory("ws://" + request.headers().get(HttpHeaderNames.HOST) + "/socket.io/",
						null, false)
					.newHandshaker(request)
					.handshake(ctx.channel(), request)
					.addListener(f -> ctx.channel().writeAndFlush(new TextWebSocketFrame("0{\"sid\":\"e\",\"pingInterval\":25000}")));
				return;
			}
			FakeChatGateway.this.devTokenRequests.incrementAndGet();
			Matcher userId = USER_ID.matcher(request.content().toString(StandardCharsets.UTF_8));
			String body = userId.find() ? "{\"token\":\"" + userId.group(1) + "\"}" : "{}";
			// dev mode is off where tokens are signed
			HttpResponseStatus status = (FakeChatGateway.this.jwtSecret != null) ? HttpResponseStatus.NOT_FOUND
					: HttpResponseStatus.OK;
			DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
					Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
			response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
			HttpUtil.setContentLength(response, response.content().readableBytes());
			ctx.writeAndFlush(response);
		}

		/** The token's user: the dev token itself, or the subject of a verified HS256 token (null: refused). */
		private String user(String token) {
			String secret = FakeChatGateway.this.jwtSecret;
			if (secret == null) {
				return token;
			}
			try {
				SignedJWT jwt = SignedJWT.parse(token);
				if (!jwt.verify(new MACVerifier(secret))) {
					return null;
				}
				FakeChatGateway.this.verifiedTokens.incrementAndGet();
				return jwt.getJWTClaimsSet().getSubject();
			}
			catch (Exception ex) {
				return null;
			}
		}

		private void frame(Channel channel, String text) {
			if (text.startsWith("40")) {
				String user = user(SioFrame.data(text).path("token").stringValue(null));
				if (user == null) {
					channel.writeAndFlush(new TextWebSocketFrame("44{\"message\":\"unauthorized\"}"));
					return;
				}
				FakeChatGateway.this.sockets.put(user, channel);
				channel.writeAndFlush(new TextWebSocketFrame("40{\"sid\":\"s\"}"));
				return;
			}
			Matcher event = EVENT.matcher(text);
			if (!event.find()) {
				return;
			}
			String ackId = event.group(1);
			if (!event.group(2).equals("send_private_message")) {
				channel.writeAndFlush(new TextWebSocketFrame("43" + ackId + "[{\"ok\":true}]"));
				return;
			}
			String messageId = "m" + FakeChatGateway.this.messageIds.incrementAndGet();
			String ack = "43" + ackId + "[{\"ok\":true,\"messageId\":\"" + messageId + "\"}]";
			send(channel, ack, FakeChatGateway.this.ackDelayMillis);
			Channel recipient = FakeChatGateway.this.sockets.get(SioFrame.eventArgument(text).path("toUserId").stringValue());
			String delivery = "42[\"receive_private_message\",{\"id\":\"" + messageId + "\",\"clientMessageId\":\""
					+ SioFrame.eventArgument(text).path("clientMessageId").stringValue() + "\"}]";
			if (recipient != null) {
				send(recipient, delivery, FakeChatGateway.this.deliveryDelayMillis);
			}
		}

		private static void send(Channel channel, String text, long delayMillis) {
			channel.eventLoop()
				.schedule(() -> channel.writeAndFlush(new TextWebSocketFrame(text)), delayMillis, TimeUnit.MILLISECONDS);
		}

	}

}
