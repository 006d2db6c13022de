package org.chat.loadtest.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SioClientHandlerTest {

	private static final String OPEN = "0{\"sid\":\"eio-1\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}";

	private final CompletableFuture<Channel> connected = new CompletableFuture<>();

	private final List<String> passedOn = new ArrayList<>();

	private final SioClientHandler.UserLists lists = new SioClientHandler.UserLists();

	private final SioClientHandler handler = new SioClientHandler(new SioHandshake("t"), this.connected,
			(channel, frame) -> this.passedOn.add(frame), this.lists);

	@Test
	void phaseSaysHowFarTheHandshakeGot() {
		assertThat(this.handler.phase()).isEqualTo("TCP connect");
		EmbeddedChannel channel = new EmbeddedChannel(this.handler);
		assertThat(this.handler.phase()).isEqualTo("WebSocket upgrade");

		channel.pipeline().fireUserEventTriggered(ClientHandshakeStateEvent.HANDSHAKE_COMPLETE);
		assertThat(this.handler.phase()).isEqualTo("Engine.IO OPEN");

		channel.writeInbound(new TextWebSocketFrame(OPEN));
		assertThat(this.handler.phase()).isEqualTo("CONNECT answer");
		assertThat(channel.<TextWebSocketFrame>readOutbound().text()).startsWith("40{");
	}

	@Test
	void userListsAreCountedNotPassedOnOtherEventsAre() {
		EmbeddedChannel channel = connectedChannel();
		String list = "42[\"user_list\",[{\"userId\":\"a\",\"username\":\"a\"}]]";

		channel.writeInbound(new TextWebSocketFrame(list));
		channel.writeInbound(new TextWebSocketFrame("42[\"user_lists\",1]"));
		channel.writeInbound(new TextWebSocketFrame("42[\"receive_private_message\",{}]"));

		assertThat(this.passedOn).containsExactly("42[\"user_lists\",1]", "42[\"receive_private_message\",{}]");
		assertThat(this.lists.frames().sum()).isEqualTo(1);
		assertThat(this.lists.bytes().sum()).isEqualTo(list.length());
	}

	private EmbeddedChannel connectedChannel() {
		EmbeddedChannel channel = new EmbeddedChannel(this.handler);
		channel.pipeline().fireUserEventTriggered(ClientHandshakeStateEvent.HANDSHAKE_COMPLETE);
		channel.writeInbound(new TextWebSocketFrame(OPEN));
		channel.writeInbound(new TextWebSocketFrame("40{\"sid\":\"s\"}"));
		assertThat(this.connected).isCompleted();
		return channel;
	}

}
