package org.chat.infra.mongo;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;

/**
 * H2Collection over {@link StoredTypes} maps. A collection without an {@code _id} index (the index
 * catalogue) gets increasing Long positions instead of random UUIDs, so its natural order is insertion
 * order: indexes reopen in the order they were created, as in the memory store, and a write breaking
 * two unique indexes names the same index before and after a restart.
 */
final class BsonCollection extends H2Collection {

	private final MVMap<Object, Document> dataMap;

	BsonCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> dataMap,
			MVMap<String, Object> metaMap, CursorRegistry cursors) {
		super(database, name, options, dataMap, metaMap, cursors);
		this.dataMap = dataMap;
	}

	@Override
	protected Object addDocumentInternal(Document document) {
		if (getIdField() != null) {
			return super.addDocumentInternal(document);
		}
		// Callers hold the collection's lock, so last key + 1 is free.
		Object last = dataMap.lastKey();
		Long position = last instanceof Long previous ? previous + 1 : 0L;
		dataMap.put(position, document);
		return position;
	}

}
