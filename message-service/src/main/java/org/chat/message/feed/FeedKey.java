package org.chat.message.feed;

/**
 * A feed: the messages to one user ({@code inbox}) or of one conversation. Its entries live in bucket documents
 * {@code <feed>|<partition>|<bucket>}, bucket = offset / {@link #BUCKET_SPAN}, and a directory document
 * {@code <feed>} lists the buckets that exist, so every read is a lookup by {@code _id}.
 */
public record FeedKey(String id) {

	/**
	 * Offsets per bucket. A bucket holds at most this many entries (one per record of its partition range), about
	 * 1 MB at worst, far below MongoDB's 16 MB document limit; a user's incremental sync reads one bucket per
	 * partition.
	 */
	public static final long BUCKET_SPAN = 16_384;

	/** Neither user ids nor conversation ids contain '|'. */
	static final String SEPARATOR = "|";

	public static FeedKey inbox(String userId) {
		return new FeedKey("i" + SEPARATOR + userId);
	}

	public static FeedKey conversation(String conversationId) {
		return new FeedKey("c" + SEPARATOR + conversationId);
	}

	public static long bucketOf(long offset) {
		return offset / BUCKET_SPAN;
	}

	String bucketId(int partition, long bucket) {
		return this.id + SEPARATOR + bucketName(partition, bucket);
	}

	static String bucketName(int partition, long bucket) {
		return partition + SEPARATOR + bucket;
	}

}
