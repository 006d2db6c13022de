package org.chat.infra.mongo;

import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.function.Function;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.DataType;

import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * H2 MVStore data types for the file store. H2's default ObjectDataType Java-serializes every key
 * that is not a plain Java type on each B-tree comparison (KeyValue is not Comparable) and every
 * document on each page write and read; these compare in memory and store compact BSON instead.
 */
final class StoredTypes {

	/** Document positions ({@code _id} values or {@code Missing}): data map keys, index map values. */
	static final DataType<Object> POSITIONS = new StoredType<>(StoredBson::value, StoredBson::readValue,
			StoredValueOrder.VALUES, Object[]::new);

	static final DataType<KeyValue> INDEX_KEYS = new StoredType<>(StoredBson::key, StoredBson::readKey,
			StoredValueOrder.KEYS, KeyValue[]::new);

	private StoredTypes() {
	}

	private static final class StoredType<T> extends BasicDataType<T> {

		private final Function<T, byte[]> encoder;

		private final Function<ByteBuffer, T> decoder;

		private final Comparator<? super T> order;

		private final Function<Integer, T[]> arrays;

		/**
		 * Decoded objects take about four times their BSON size on the heap; MVStore sizes its page cache
		 * and its unsaved-page buffer with this, so underestimating would overrun the store's small heap.
		 */
		private static final int HEAP_BYTES_PER_STORED_BYTE = 4;

		/** A running average like H2's own: encoding just to size an entry would cost as much as writing it. */
		private volatile int averageSize = 128;

		StoredType(Function<T, byte[]> encoder, Function<ByteBuffer, T> decoder, Comparator<? super T> order,
				Function<Integer, T[]> arrays) {
			this.encoder = encoder;
			this.decoder = decoder;
			this.order = order;
			this.arrays = arrays;
		}

		@Override
		public int getMemory(T value) {
			return averageSize * HEAP_BYTES_PER_STORED_BYTE;
		}

		@Override
		public void write(WriteBuffer out, T value) {
			byte[] bytes = encoder.apply(value);
			averageSize = (averageSize * 15 + bytes.length) / 16;
			out.put(bytes);
		}

		@Override
		public T read(ByteBuffer in) {
			return decoder.apply(in);
		}

		@Override
		public int compare(T a, T b) {
			return order.compare(a, b);
		}

		@Override
		public T[] createStorage(int size) {
			return arrays.apply(size);
		}

		/** The instances share a class, which is all BasicDataType's equals looks at. */
		@Override
		public boolean equals(Object other) {
			return this == other;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this);
		}

	}

}
