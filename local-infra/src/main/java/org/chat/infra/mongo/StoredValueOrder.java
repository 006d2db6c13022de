package org.chat.infra.mongo;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;

/**
 * The B-tree order of stored keys: mongo-java-server's own {@link ValueComparator} (the order its
 * queries sort by), made total. ValueComparator calls some distinct values equal (lists nested in
 * documents compare by their smallest element), so such ties are broken by the stored bytes; a
 * B-tree must never merge two distinct keys.
 */
final class StoredValueOrder {

	static final Comparator<Object> VALUES = StoredValueOrder::compareValues;

	static final Comparator<KeyValue> KEYS = StoredValueOrder::compareKeys;

	private StoredValueOrder() {
	}

	static int compareValues(Object a, Object b) {
		if (a instanceof String s && b instanceof String t) {
			return s.compareTo(t); // the common _id case, exactly what ValueComparator does for two strings
		}
		int order;
		try {
			order = ValueComparator.ascWithoutListHandling().compare(a, b);
		}
		catch (UnsupportedOperationException notComparable) {
			order = 0;
		}
		if (order != 0 || Objects.equals(a, b)) {
			return order;
		}
		return Arrays.compare(StoredBson.value(a), StoredBson.value(b));
	}

	static int compareKeys(KeyValue a, KeyValue b) {
		int common = Math.min(a.size(), b.size());
		for (int i = 0; i < common; i++) {
			int order = compareValues(a.get(i), b.get(i));
			if (order != 0) {
				return order;
			}
		}
		return Integer.compare(a.size(), b.size());
	}

}
