package org.chat.message.feed;

/**
 * A feed: the messages to one user ({@code inbox}) or of one conversation. Its entries live in page documents
 * {@code <feed>|<partition>|<bucket>|<page>}, bucket = offset / {@link #BUCKET_SPAN}, page = the offset's
 * {@link #PAGE_SPAN}-wide slice of its bucket, and a directory document {@code <feed>} lists the buckets that
 * exist. A reader asks for all pages of a bucket at once by {@code _id}, so every read is a lookup by
 * {@code _id}, and a write only ever rewrites one small page.
 */
public record FeedKey(String id) {

	/**
	 * Offsets per bucket: the unit of the directory and of reading. A user's incremental sync reads one bucket per
	 * partition; the directory gains one name per bucket the feed has entries in.
	 */
	public static final long BUCKET_SPAN = 16_384;

	/**
	 * Offsets per page: the unit of writing. A page holds at most this many entries (tens of KB at worst, a few
	 * entries typically), so appending to it costs the same however long the feed gets (an update rewrites the
	 * whole document, on MongoDB as on the embedded store, which also compares each new entry with every entry
	 * already there). 16 pages per bucket keep a bucket's read to one small {@code _id $in}.
	 */
	static final long PAGE_SPAN = 1_024;

	static final int PAGES_PER_BUCKET = (int) (BUCKET_SPAN / PAGE_SPAN);

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

	static int pageOf(long offset) {
		return (int) (offset % BUCKET_SPAN / PAGE_SPAN);
	}

	String pageId(int partition, long bucket, int page) {
		return this.id + SEPARATOR + bucketName(partition, bucket) + SEPARATOR + page;
	}

	static String bucketName(int partition, long bucket) {
		return partition + SEPARATOR + bucket;
	}

}
