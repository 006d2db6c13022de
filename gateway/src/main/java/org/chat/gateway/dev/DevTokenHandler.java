package org.chat.gateway.dev;

import java.util.Map;

import org.chat.contracts.UserIds;
import org.chat.contracts.client.ErrorCode;
import org.chat.contracts.json.Json;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** {@code POST /dev/token {"userId":"alice","name":"Alice"}} → {@code {"token":"…"}}; bad input → 400. */
class DevTokenHandler {

	private static final int MAX_NAME_LENGTH = 100;

	private final DevTokenIssuer issuer;

	DevTokenHandler(DevTokenIssuer issuer) {
		this.issuer = issuer;
	}

	Mono<ServerResponse> issue(ServerRequest request) {
		return request.bodyToMono(String.class).defaultIfEmpty("").flatMap(body -> {
			JsonNode json;
			try {
				json = Json.MAPPER.readTree(body);
			}
			catch (JacksonException ex) {
				return badRequest("body must be JSON");
			}
			JsonNode userId = json.path("userId");
			JsonNode name = json.path("name");
			if (!userId.isString() || !UserIds.isValid(userId.stringValue())) {
				return badRequest("userId must be 1-64 of letters, digits, '_', '-', '.', '@'");
			}
			if (!name.isMissingNode() && !name.isNull()
					&& (!name.isString() || name.stringValue().length() > MAX_NAME_LENGTH)) {
				return badRequest("name must be a string of at most " + MAX_NAME_LENGTH + " characters");
			}
			String token = this.issuer.issue(userId.stringValue(), name.isString() ? name.stringValue() : null);
			return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(Json.writeString(Map.of("token", token)));
		});
	}

	private static Mono<ServerResponse> badRequest(String message) {
		return ServerResponse.badRequest()
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Json.writeString(Map.of("error", ErrorCode.INVALID_PAYLOAD.code(), "message", message)));
	}

}
