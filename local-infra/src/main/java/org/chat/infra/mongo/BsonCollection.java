package org.chat.infra.mongo;

import java.util.NoSuchElementException;
import java.util.stream.Stream;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.Assert;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A collection in the MVStore file, laid out like mongo-java-server's H2Collection (a data map from
 * position to document, a meta map holding the data size), but the data map holds each document as
 * its stored BSON ({@link StoredDocumentBytes}): encoded once per insert or update, decoded only when
 * a query reads it, never when MVStore writes or reloads a page.
 * <p>
 * A collection without an {@code _id} index (the index catalogue) gets increasing Long positions
 * instead of random UUIDs, so its natural order is insertion order: indexes reopen in the order they
 * were created, as in the memory store, and a write breaking two unique indexes names the same index
 * before and after a restart.
 */
final class BsonCollection extends AbstractSynchronizedMongoCollection<Object> {

	/** The meta map key H2Collection uses, so the layout stays the same. */
	private static final String DATA_SIZE_KEY = "dataSize";

	private final MVMap<Object, byte[]> dataMap;

	private final MVMap<String, Object> metaMap;

	BsonCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, byte[]> dataMap,
			MVMap<String, Object> metaMap, CursorRegistry cursors) {
		super(database, name, options, cursors);
		this.dataMap = dataMap;
		this.metaMap = metaMap;
		metaMap.putIfAbsent(DATA_SIZE_KEY, 0L);
	}

	@Override
	protected void updateDataSize(int sizeDelta) {
		synchronized (metaMap) {
			metaMap.put(DATA_SIZE_KEY, ((Number) metaMap.get(DATA_SIZE_KEY)).longValue() + sizeDelta);
		}
	}

	@Override
	protected int getDataSize() {
		return ((Number) metaMap.get(DATA_SIZE_KEY)).intValue();
	}

	@Override
	protected Object addDocumentInternal(Document document) {
		byte[] stored = StoredBson.document(document);
		if (getIdField() == null) {
			// Callers hold the collection's lock, so last key + 1 is free.
			Object last = dataMap.lastKey();
			Long position = last instanceof Long previous ? previous + 1 : 0L;
			dataMap.put(position, stored);
			return position;
		}
		Object id = Utils.getSubdocumentValue(document, getIdField());
		byte[] previous = dataMap.put(Missing.ofNullable(id), stored);
		Assert.isNull(previous, () -> "Document with key '" + id + "' already existed in " + this);
		return id;
	}

	@Override
	public int count() {
		return dataMap.size();
	}

	@Override
	public boolean isEmpty() {
		return dataMap.isEmpty();
	}

	@Override
	protected Document getDocument(Object position) {
		byte[] stored = dataMap.get(position);
		return stored == null ? null : StoredBson.readDocument(stored);
	}

	@Override
	protected void removeDocument(Object position) {
		if (dataMap.remove(position) == null) {
			throw new NoSuchElementException("No document with key " + position);
		}
	}

	@Override
	protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
		return dataMap.entrySet()
			.stream()
			.map(entry -> new DocumentWithPosition<>(StoredBson.readDocument(entry.getValue()), entry.getKey()));
	}

	@Override
	protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
			Document fieldSelector) {
		Stream<Document> documents = isNaturalDescending(orderBy)
				? streamAllDocumentsWithPosition()
					.sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()))
					.map(DocumentWithPosition::getDocument)
				: dataMap.values().stream().map(StoredBson::readDocument);
		return matchDocumentsFromStream(documents, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
	}

	@Override
	protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
		dataMap.put(Missing.ofNullable(position), StoredBson.document(newDocument));
	}

}
