package org.chat.loadtest.bench;

import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

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

	private final SioHandshake handshake;

	private final CompletableFuture<Channel> connected;

	/** Gets the frames the handshake does not consume once connected (events, acks); null: none wanted. */
	private final BiConsumer<Channel, String> frames;

	SioClientHandler(SioHandshake handshake, CompletableFuture<Channel> connected, BiConsumer<Channel, String> frames) {
		this.handshake = handshake;
		this.connected = connected;
		this.frames = frames;
	}

	@Override
	protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
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

	@Override
	public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
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
