package org.chat.message.feed;

import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.chat.message.store.StoredMessage;

/**
 * One message in a feed: its id, the offset of the record that stored it in its partition, its stamp and its
 * sender. Built only from the stored copy, so every attempt writes the same entry and {@code $addToSet} keeps one.
 */
public record FeedEntry(String id, int partition, long offset, long seq, String sender) {

	static final String ID = "i";
	static final String OFFSET = "o";
	static final String SEQ = "s";
	static final String SENDER = "f";

	public static FeedEntry of(StoredMessage message) {
		return new FeedEntry(message.id(), message.partition(), message.offset(), message.seq(), message.sender());
	}

	BsonDocument toBson() {
		// field order and types fixed: $addToSet compares whole documents
		return new BsonDocument(ID, new BsonString(this.id)).append(OFFSET, new BsonInt64(this.offset))
			.append(SEQ, new BsonInt64(this.seq))
			.append(SENDER, new BsonString(this.sender));
	}

	static FeedEntry from(int partition, BsonValue value) {
		BsonDocument doc = value.asDocument();
		return new FeedEntry(doc.getString(ID).getValue(), partition, doc.getNumber(OFFSET).longValue(),
				doc.getNumber(SEQ).longValue(), doc.getString(SENDER).getValue());
	}

}
