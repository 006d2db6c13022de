package org.chat.loadtest.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;

/**
 * Drives one socket's {@link SioHandshake} from the WebSocket text frames Netty decodes: sends its replies
 * (CONNECT, PONG) and completes {@code connected} once the namespace CONNECT is answered, or fails it (and closes
 * the socket) on refusal, protocol error, upgrade timeout or close.
 */
final class SioClientHandler extends SimpleChannelInboundHandler<TextWebSocketFrame> {

	private static final ByteBuf USER_LIST = Unpooled
		.unreleasableBuffer(Unpooled.copiedBuffer("42[\"user_list\",", StandardCharsets.US_ASCII));

	private final SioHandshake handshake;

	private final CompletableFuture<Channel> connected;

	/** Gets the frames the handshake does not consume once connected (events, acks); null: none wanted. */
	private final BiConsumer<Channel, String> frames;

	/** Bytes of {@code user_list} frames this client received (and did not decode). */
	private final UserLists userLists;

	private volatile boolean active;

	private volatile boolean upgraded;

	SioClientHandler(SioHandshake handshake, CompletableFuture<Channel> connected, BiConsumer<Channel, String> frames,
			UserLists userLists) {
		this.handshake = handshake;
		this.connected = connected;
		this.frames = frames;
		this.userLists = userLists;
	}

	/** What every socket of one client process received as {@code user_list}: frames and bytes. */
	record UserLists(LongAdder frames, LongAdder bytes) {

		UserLists() {
			this(new LongAdder(), new LongAdder());
		}

	}

	@Override
	protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
		ByteBuf content = frame.content();
		if (isUserList(content)) {
			// no bench client reads the online list: decoding lists of up to ~130 KB on every one of 15,000 sockets
			// took the CPU of the box the gateways are measured on (a storm's lists are ~100 MB/s)
			this.userLists.frames().increment();
			this.userLists.bytes().add(content.readableBytes());
			return;
		}
		String text = frame.text();
		SioHandshake.Step step = this.handshake.onFrame(text);
		if (step.reply() != null) {
			ctx.writeAndFlush(new TextWebSocketFrame(step.reply()));
		}
		switch (step.outcome()) {
			case CONNECTED -> this.connected.complete(ctx.channel());
			case REFUSED -> fail(ctx, "CONNECT refused: " + text);
			case PROTOCOL_ERROR -> fail(ctx, "unexpected frame: " + text);
			case NONE -> {
				if (this.frames != null && step.reply() == null && this.handshake.connected()) {
					this.frames.accept(ctx.channel(), text);
				}
			}
		}
	}

	/**
	 * How far the handshake got, for a timeout's message: a storm's unanswered connects differ in where they waited
	 * (the server's accept queue, its upgrade, its Engine.IO OPEN, or the namespace CONNECT's answer).
	 */
	String phase() {
		if (!this.active) {
			return "TCP connect";
		}
		if (!this.upgraded) {
			return "WebSocket upgrade";
		}
		return (this.handshake.open() == null) ? "Engine.IO OPEN" : "CONNECT answer";
	}

	@Override
	public void channelActive(ChannelHandlerContext ctx) throws Exception {
		this.active = true;
		super.channelActive(ctx);
	}

	static boolean isUserList(ByteBuf content) {
		return content.readableBytes() >= USER_LIST.readableBytes()
				&& ByteBufUtil.equals(content, content.readerIndex(), USER_LIST, 0, USER_LIST.readableBytes());
	}

	@Override
	public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
		if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
			this.upgraded = true;
		}
		if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
			fail(ctx, "WebSocket upgrade timed out");
		}
		super.userEventTriggered(ctx, event);
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) throws Exception {
		this.connected.completeExceptionally(new IllegalStateException("closed before CONNECT was answered"));
		super.channelInactive(ctx);
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		this.connected.completeExceptionally(cause);
		ctx.close();
	}

	private void fail(ChannelHandlerContext ctx, String why) {
		this.connected.completeExceptionally(new IllegalStateException(why));
		ctx.close();
	}

}
