package org.chat.message.store;

import org.bson.Document;

/** A message whose {@code deliveredAt} a report just set: what its sender's notice needs, nothing more. */
public record DeliveredMessage(String id, String sender, String recipient) {

	static DeliveredMessage from(Document doc) {
		return new DeliveredMessage(doc.getString(StoredMessage.ID), doc.getString(StoredMessage.SENDER),
				doc.getString(StoredMessage.RECIPIENT));
	}

}
