package org.chat.message.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.conversions.Bson;
import org.chat.contracts.events.Profile;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/** The {@code users} collection: profile from register_user, lastSeenAt from the presence-service. */
public class UserStore {

	public static final String COLLECTION = "users";

	public static final String NAME = "name";
	public static final String EMAIL = "email";
	public static final String AVATAR = "avatar";
	public static final String LAST_SEEN_AT = "lastSeenAt";

	private final ReactiveMongoTemplate mongo;

	public UserStore(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Upserts the given (non-null) profile fields. */
	public Mono<Void> saveProfile(String userId, Profile profile) {
		List<Bson> sets = new ArrayList<>();
		addIfPresent(sets, NAME, profile.name());
		addIfPresent(sets, EMAIL, profile.email());
		addIfPresent(sets, AVATAR, profile.avatar());
		Bson update = sets.isEmpty() ? Updates.setOnInsert("_id", userId) : Updates.combine(sets);
		return upsert(userId, update);
	}

	/** Keeps the newest lastSeenAt, whatever order the events arrive in. */
	public Mono<Void> saveLastSeen(String userId, Instant lastSeenAt) {
		return upsert(userId, Updates.max(LAST_SEEN_AT, Date.from(lastSeenAt)));
	}

	private Mono<Void> upsert(String userId, Bson update) {
		return this.mongo.getCollection(COLLECTION)
			.flatMap(c -> Mono.from(c.updateOne(Filters.eq("_id", userId), update, new UpdateOptions().upsert(true))))
			.then();
	}

	private static void addIfPresent(List<Bson> sets, String field, String value) {
		if (value != null) {
			sets.add(Updates.set(field, value));
		}
	}

}
