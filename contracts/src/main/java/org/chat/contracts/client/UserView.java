package org.chat.contracts.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The client's {@code User}: {@code _id} equals {@code id}. */
public record UserView(String id, @JsonProperty("_id") String mongoId, String name, String email, String avatar,
		@JsonProperty("isOnline") boolean isOnline) {

	public static UserView of(String id, String name, String email, String avatar, boolean online) {
		return new UserView(id, id, name, email, avatar, online);
	}

}
