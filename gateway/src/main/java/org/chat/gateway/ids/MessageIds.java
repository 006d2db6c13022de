package org.chat.gateway.ids;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Message ids: 24 lowercase hex digits, shaped like a MongoDB ObjectId (4 bytes epoch seconds, 5 random bytes
 * fixed per generator, 3 bytes counter), so ids of one gateway sort by creation time. A message with a
 * {@code clientMessageId} gets an id derived from (sender, clientMessageId) instead, so a retry maps to the
 * same message on any gateway.
 */
public final class MessageIds {

	private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{24}");

	private static final HexFormat HEX = HexFormat.of();

	private static final int COUNTER_MASK = 0xFFFFFF;

	private final Clock clock;

	private final byte[] processUnique = new byte[5];

	private final AtomicInteger counter;

	public MessageIds(Clock clock) {
		this.clock = clock;
		SecureRandom random = new SecureRandom();
		random.nextBytes(this.processUnique);
		this.counter = new AtomicInteger(random.nextInt(COUNTER_MASK));
	}

	public static boolean isValid(String id) {
		return id != null && FORMAT.matcher(id).matches();
	}

	public String next() {
		int count = this.counter.getAndIncrement() & COUNTER_MASK;
		ByteBuffer bytes = ByteBuffer.allocate(12);
		bytes.putInt((int) this.clock.instant().getEpochSecond());
		bytes.put(this.processUnique);
		bytes.put((byte) (count >>> 16)).put((byte) (count >>> 8)).put((byte) count);
		return HEX.formatHex(bytes.array());
	}

	/** The same (sender, clientMessageId) always yields the same id: the first 12 bytes of their SHA-256. */
	public static String derived(String senderId, String clientMessageId) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			// the separator cannot occur in a user id, so ("a","b:c") and ("a:b","c") differ
			byte[] digest = sha.digest((senderId + "\n" + clientMessageId).getBytes(StandardCharsets.UTF_8));
			return HEX.formatHex(digest, 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is a required JDK algorithm", ex);
		}
	}

}
