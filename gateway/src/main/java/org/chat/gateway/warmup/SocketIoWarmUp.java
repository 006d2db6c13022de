package org.chat.gateway.warmup;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.chat.chassis.kafka.EnvelopeRecords;
import org.chat.chassis.warmup.WarmUp;
import org.chat.contracts.ConversationId;
import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.envelope.EventType;
import org.chat.contracts.envelope.SessionRef;
import org.chat.contracts.events.SendMessage;
import org.chat.contracts.fanout.GatewayBatch;
import org.chat.contracts.fanout.GatewayMessage;
import org.chat.contracts.json.Json;
import org.chat.gateway.engineio.codec.EngineCodec;
import org.chat.gateway.engineio.codec.EnginePacket;
import org.chat.gateway.ids.EventIds;
import org.chat.gateway.ids.MessageIds;
import org.chat.gateway.socketio.PreparedEvent;
import org.chat.gateway.socketio.codec.SioCodec;
import org.chat.gateway.socketio.codec.SioPacket;
import org.chat.gateway.socketio.codec.SioPacketType;
import org.chat.gateway.validation.EventValidator;
import org.chat.gateway.validation.SendRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * One message through the gateway's in-memory path, both ways: a client's {@code send_private_message} frame
 * decoded (Engine.IO, Socket.IO, JSON), validated and turned into the Kafka record (not sent); a Redis fan-out
 * batch decoded and its {@code receive_private_message} encoded as the frame a socket would get (not written), and
 * the send's ack. No socket, no Kafka, no Redis.
 */
class SocketIoWarmUp implements WarmUp {

	private static final SessionRef SESSION = new SessionRef("warm-up-a", "warm-up-session", "warm-up-gateway", 1);

	private final EventValidator validator;

	private long seq;

	SocketIoWarmUp(EventValidator validator) {
		this.validator = validator;
	}

	@Override
	public String name() {
		return "socket.io";
	}

	@Override
	public void round() {
		long n = ++this.seq;
		// inbound: what a client sends
		String frame = "42" + n + "[\"" + ClientEvents.SEND_PRIVATE_MESSAGE
				+ "\",{\"toUserId\":\"warm-up-b\",\"text\":\"warm-up message " + n
				+ " lorem ipsum dolor sit amet\",\"clientMessageId\":\"c" + n + "\"}]";
		EnginePacket engine = EngineCodec.decode(frame);
		SioPacket packet = SioCodec.decode(engine.text());
		JsonNode data = packet.data();
		SendRequest request = this.validator.send(List.of(data.get(1)));
		String messageId = MessageIds.derived(SESSION.userId(), request.clientMessageId());
		Instant now = Instant.now();
		Envelope envelope = Envelope.of(EventType.MESSAGE_SEND, EventIds.next(), SESSION,
				new SendMessage(messageId, request.toUserId(), request.text(), request.clientMessageId(), now));
		EnvelopeRecords.toRecord(ConversationId.of(SESSION.userId(), request.toUserId()), envelope);

		// outbound: the ack, then what the message-service's fan-out asks this gateway to emit
		ArrayNode ack = Json.MAPPER.createArrayNode()
			.add(Json.MAPPER.valueToTree(Map.of("ok", true, "messageId", messageId, "createdAt", now.toString())));
		encode(new SioPacket(SioPacketType.ACK, SioPacket.DEFAULT_NAMESPACE, packet.ackId(), ack, 0));
		String batch = GatewayBatch.toJson(List.of(GatewayMessage.toUsers(List.of(request.toUserId()),
				ClientEvents.RECEIVE_PRIVATE_MESSAGE, Map.of("messageId", messageId, "fromUserId", SESSION.userId(),
						"toUserId", request.toUserId(), "text", request.text(), "createdAt", now.toString()))));
		for (GatewayMessage message : GatewayBatch.fromJson(batch, bad -> {
			throw new IllegalStateException("warm-up fan-out message refused: " + bad);
		})) {
			PreparedEvent.of(message.event(), message.data());
		}
	}

	private static void encode(SioPacket packet) {
		EngineCodec.encode(EnginePacket.message(SioCodec.encode(packet).text()));
	}

}
