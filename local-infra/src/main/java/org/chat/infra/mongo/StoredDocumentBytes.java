package org.chat.infra.mongo;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * Data map values: a document already encoded by {@link StoredBson#document}, kept as those bytes in
 * memory too. A page write is then a copy and a page read decodes nothing; a document is decoded only
 * when the collection hands it out. The bytes on disk are the ones {@link StoredBson#readDocument} reads.
 */
final class StoredDocumentBytes extends BasicDataType<byte[]> {

	static final StoredDocumentBytes TYPE = new StoredDocumentBytes();

	/** An array's header and length on a 64-bit JVM with compressed oops. */
	private static final int ARRAY_OVERHEAD = 16;

	private StoredDocumentBytes() {
	}

	@Override
	public int getMemory(byte[] bytes) {
		return ARRAY_OVERHEAD + bytes.length;
	}

	@Override
	public void write(WriteBuffer out, byte[] bytes) {
		out.put(bytes);
	}

	@Override
	public byte[] read(ByteBuffer in) {
		byte[] bytes = new byte[StoredBson.storedLength(in)];
		in.get(bytes);
		return bytes;
	}

	/** MVMap compares values only for conditional updates, where equal bytes mean an equal document. */
	@Override
	public int compare(byte[] a, byte[] b) {
		return Arrays.compare(a, b);
	}

	@Override
	public byte[][] createStorage(int size) {
		return new byte[size][];
	}

}
