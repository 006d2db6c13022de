package org.chat.message.store;

import org.bson.Document;

/**
 * One document of {@code unread}: how many messages {@code sender} → {@code recipient} are unread.
 * {@code partition}/{@code upTo} is the watermark of the last send record counted, which makes the
 * {@code $inc} idempotent under redelivery (only the partition's owner writes it).
 */
public record UnreadCounter(String recipient, String sender, long count, int partition, long upTo,
		ReadMark read) {

	/** The last read of this pair: the record at (partition, offset); every message before it in its partition is read. */
	public record ReadMark(int partition, long offset) {

		public static final ReadMark NONE = new ReadMark(-1, -1);

	}

	public static final String COLLECTION = "unread";

	public static final String ID = "_id";
	public static final String RECIPIENT = "recipient";
	public static final String SENDER = "sender";
	public static final String COUNT = "count";
	public static final String PARTITION = "partition";
	public static final String UP_TO = "upTo";
	public static final String READ_PARTITION = "readPartition";
	public static final String READ_OFFSET = "readOffset";

	/** Neither ':' nor '|' can occur in a user id, so the pair id is unambiguous. */
	private static final String SEPARATOR = "|";

	public static String id(String recipient, String sender) {
		return recipient + SEPARATOR + sender;
	}

	public static UnreadCounter empty(String recipient, String sender) {
		return new UnreadCounter(recipient, sender, 0, -1, -1, ReadMark.NONE);
	}

	/** Whether the send record at (partition, offset) has not been counted yet. */
	public boolean uncounted(int recordPartition, long recordOffset) {
		return recordPartition != this.partition || recordOffset > this.upTo;
	}

	static UnreadCounter from(Document doc) {
		Object partition = doc.get(PARTITION);
		return new UnreadCounter(doc.getString(RECIPIENT), doc.getString(SENDER), StoredMessage.number(doc, COUNT),
				partition instanceof Number n ? n.intValue() : -1,
				doc.get(UP_TO) instanceof Number n ? n.longValue() : -1,
				doc.get(READ_PARTITION) instanceof Number p && doc.get(READ_OFFSET) instanceof Number o
						? new ReadMark(p.intValue(), o.longValue()) : ReadMark.NONE);
	}

}
