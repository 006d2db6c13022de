package org.chat.notification.settings;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.chat.contracts.events.NotificationPrefs;
import org.chat.contracts.push.PushCollections;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * {@code push_users}: one document per user ({@code _id} = user id) with its devices and preferences, so
 * everything a push decision needs is one read by {@code _id}. Registrations and preferences arrive keyed by
 * user on one partition (one writer); the job sender removes gone devices with an atomic {@code $pull}.
 */
public class PushUsers {

	private final MongoTemplate mongo;

	public PushUsers(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	public PushUser find(String userId) {
		Document doc = this.mongo.getCollection(PushCollections.PUSH_USERS).find(new Document("_id", userId)).first();
		return (doc == null) ? PushUser.none(userId) : toPushUser(userId, doc);
	}

	/** Every one of {@code userIds} in one read ({@code _id $in}); a user without a document has none of anything. */
	public Map<String, PushUser> findAll(Collection<String> userIds) {
		Map<String, PushUser> found = new HashMap<>();
		this.mongo.getCollection(PushCollections.PUSH_USERS)
			.find(new Document("_id", new Document("$in", List.copyOf(userIds))))
			.forEach(doc -> found.put(doc.getString("_id"), toPushUser(doc.getString("_id"), doc)));
		userIds.forEach(id -> found.computeIfAbsent(id, PushUser::none));
		return found;
	}

	private static PushUser toPushUser(String userId, Document doc) {
		List<Device> devices = doc.getList("devices", Document.class, List.of())
			.stream()
			.map(d -> new Device(d.getString("deviceId"), d.getString("platform"), d.getString("token"),
					d.getString("endpoint"), d.getString("p256dh"), d.getString("auth")))
			.toList();
		return new PushUser(userId, devices, doc.getBoolean("previews", true),
				new HashSet<>(doc.getList("muted", String.class, List.of())));
	}

	/** The device replaces whatever that device id registered before (a new token, a new subscription). */
	public void register(String userId, Device device) {
		remove(userId, device.deviceId());
		Document stored = new Document("deviceId", device.deviceId()).append("platform", device.platform());
		putIfSet(stored, "token", device.token());
		putIfSet(stored, "endpoint", device.endpoint());
		putIfSet(stored, "p256dh", device.p256dh());
		putIfSet(stored, "auth", device.auth());
		this.mongo.upsert(byId(userId), new Update().push("devices", stored), PushCollections.PUSH_USERS);
	}

	public void remove(String userId, String deviceId) {
		this.mongo.updateFirst(byId(userId), new Update().pull("devices", new Document("deviceId", deviceId)),
				PushCollections.PUSH_USERS);
	}

	/** Removes the device only if it still has this token or endpoint (it may have re-registered meanwhile). */
	public void removeGone(String userId, Device gone) {
		Document match = new Document("deviceId", gone.deviceId());
		putIfSet(match, "token", gone.token());
		putIfSet(match, "endpoint", gone.endpoint());
		this.mongo.updateFirst(byId(userId), new Update().pull("devices", match), PushCollections.PUSH_USERS);
	}

	public void prefs(String userId, NotificationPrefs prefs) {
		List<String> muted = prefs.mutedUserIds() == null ? List.of() : prefs.mutedUserIds();
		this.mongo.upsert(byId(userId), new Update().set("previews", prefs.previews()).set("muted", muted),
				PushCollections.PUSH_USERS);
	}

	private static Query byId(String userId) {
		return Query.query(Criteria.where("_id").is(userId));
	}

	private static void putIfSet(Document doc, String field, String value) {
		if (value != null) {
			doc.append(field, value);
		}
	}

}
