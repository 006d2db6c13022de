package org.chat.message.profile;

import org.chat.contracts.events.LastSeen;
import org.chat.contracts.events.Profile;
import org.chat.contracts.json.ContractViolation;
import org.chat.message.consume.InboundRecord;
import org.chat.message.store.UserStore;
import reactor.core.publisher.Mono;

/** {@code profile.update} and {@code user.last_seen}: both keyed to the envelope's user. */
public class ProfileHandler {

	private final UserStore users;

	public ProfileHandler(UserStore users) {
		this.users = users;
	}

	public Mono<Void> profile(InboundRecord record) {
		return this.users.saveProfile(record.userId(), record.payload(Profile.class));
	}

	public Mono<Void> lastSeen(InboundRecord record) {
		LastSeen lastSeen = record.payload(LastSeen.class);
		if (lastSeen.lastSeenAt() == null) {
			throw new ContractViolation("last seen without lastSeenAt");
		}
		return this.users.saveLastSeen(record.userId(), lastSeen.lastSeenAt());
	}

}
