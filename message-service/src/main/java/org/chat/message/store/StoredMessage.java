package org.chat.message.store;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.chat.contracts.client.MessageView;

/**
 * One document of {@code messages}. {@code seq} (hybrid clock stamp) orders history and sync;
 * {@code partition}/{@code offset} name the Kafka record that stored it, so a redelivery of that very
 * record can be told from a client retry that maps to the same id.
 */
public record StoredMessage(String id, String conversationId, String sender, String recipient, String text,
		boolean isRead, Instant createdAt, Instant deliveredAt, Instant readAt, String clientMessageId, long seq,
		int partition, long offset) {

	public static final String COLLECTION = "messages";

	public static final String ID = "_id";
	public static final String CONVERSATION = "conversationId";
	public static final String SENDER = "sender";
	public static final String RECIPIENT = "recipient";
	public static final String TEXT = "text";
	public static final String PRIVATE = "isPrivate";
	public static final String READ = "isRead";
	public static final String CREATED_AT = "createdAt";
	public static final String DELIVERED_AT = "deliveredAt";
	public static final String READ_AT = "readAt";
	public static final String CLIENT_MESSAGE_ID = "clientMessageId";
	public static final String SEQ = "seq";
	public static final String PARTITION = "partition";
	public static final String OFFSET = "offset";

	/** Whether this stored message was written by the Kafka record at (partition, offset). */
	public boolean storedBy(int recordPartition, long recordOffset) {
		return this.partition == recordPartition && this.offset == recordOffset;
	}

	public MessageView view() {
		return MessageView.of(this.id, this.text, this.sender, this.recipient, this.isRead, this.createdAt,
				this.clientMessageId);
	}

	public Document toDocument() {
		return new Document(ID, this.id).append(CONVERSATION, this.conversationId)
			.append(SENDER, this.sender)
			.append(RECIPIENT, this.recipient)
			.append(TEXT, this.text)
			.append(PRIVATE, true)
			.append(READ, this.isRead)
			.append(CREATED_AT, date(this.createdAt))
			.append(DELIVERED_AT, date(this.deliveredAt))
			.append(READ_AT, date(this.readAt))
			.append(CLIENT_MESSAGE_ID, this.clientMessageId)
			.append(SEQ, this.seq)
			.append(PARTITION, this.partition)
			.append(OFFSET, this.offset);
	}

	public static StoredMessage from(Document doc) {
		return new StoredMessage(doc.getString(ID), doc.getString(CONVERSATION), doc.getString(SENDER),
				doc.getString(RECIPIENT), doc.getString(TEXT), Boolean.TRUE.equals(doc.getBoolean(READ)),
				instant(doc.getDate(CREATED_AT)), instant(doc.getDate(DELIVERED_AT)), instant(doc.getDate(READ_AT)),
				doc.getString(CLIENT_MESSAGE_ID), number(doc, SEQ), (int) number(doc, PARTITION), number(doc, OFFSET));
	}

	static Date date(Instant instant) {
		return instant == null ? null : Date.from(instant);
	}

	static Instant instant(Date date) {
		return date == null ? null : date.toInstant();
	}

	static long number(Document doc, String field) {
		Object value = doc.get(field);
		return value instanceof Number n ? n.longValue() : 0L;
	}

}
