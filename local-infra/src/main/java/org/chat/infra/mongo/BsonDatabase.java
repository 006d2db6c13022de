package org.chat.infra.mongo;

import java.util.List;

import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * One database in the MVStore file, laid out like mongo-java-server's H2Database (same map names) but
 * with every data and index map opened with {@link StoredTypes}. It extends the abstract database, not
 * H2Database: that one opens maps with H2's default types in places we could not override, and its
 * store field is private and needed during the super constructor.
 */
final class BsonDatabase extends AbstractSynchronizedMongoDatabase<Object> {

	/** The prefix H2Backend scans for at startup to reopen databases. */
	static final String DATA_PREFIX = "databases.";

	private static final String META_PREFIX = "meta.";

	private final MVStore store;

	BsonDatabase(String name, MVStore store, CursorRegistry cursors) {
		super(name, cursors);
		this.store = store;
		initializeNamespacesAndIndexes();
	}

	@Override
	protected Index<Object> openOrCreateUniqueIndex(String collection, String indexName, List<IndexKey> keys,
			boolean sparse) {
		MVMap<KeyValue, Object> map = store.openMap(indexMapName(collection, indexName),
				new MVMap.Builder<KeyValue, Object>().keyType(StoredTypes.INDEX_KEYS).valueType(StoredTypes.POSITIONS));
		return new KeyValueUniqueIndex(map, indexName, keys, sparse);
	}

	@Override
	protected MongoCollection<Object> openOrCreateCollection(String collection, CollectionOptions options) {
		String fullName = getFullCollectionNamespace(collection);
		MVMap<String, Object> metaMap = store.openMap(META_PREFIX + fullName);
		return new BsonCollection(this, collection, options, dataMap(fullName), metaMap, cursorRegistry);
	}

	private MVMap<Object, byte[]> dataMap(String fullName) {
		return store.openMap(DATA_PREFIX + fullName,
				new MVMap.Builder<Object, byte[]>().keyType(StoredTypes.POSITIONS).valueType(StoredDocumentBytes.TYPE));
	}

	private String indexMapName(String collection, String indexName) {
		return getFullCollectionNamespace(collection) + "._index_" + indexName;
	}

	@Override
	protected void dropIndex(MongoCollection<Object> collection, String indexName) {
		super.dropIndex(collection, indexName);
		store.removeMap(indexMapName(collection.getCollectionName(), indexName));
	}

	@Override
	public void drop(Oplog oplog) {
		super.drop(oplog);
		store.getMapNames()
			.stream()
			.filter(name -> name.startsWith(databaseName + ".") || name.startsWith(DATA_PREFIX + databaseName + ".")
					|| name.startsWith(META_PREFIX + databaseName + "."))
			.toList()
			.forEach(store::removeMap);
	}

	@Override
	public void dropCollection(String collection, Oplog oplog) {
		super.dropCollection(collection, oplog);
		String fullName = getFullCollectionNamespace(collection);
		store.removeMap(DATA_PREFIX + fullName);
		store.removeMap(META_PREFIX + fullName);
	}

	@Override
	public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newName) {
		super.moveCollection(oldDatabase, collection, newName);
		String newFullName = getFullCollectionNamespace(newName);
		store.renameMap(dataMap(collection.getFullName()), DATA_PREFIX + newFullName);
		store.renameMap(store.openMap(META_PREFIX + collection.getFullName()), META_PREFIX + newFullName);
	}

	@Override
	protected long getStorageSize() {
		FileStore<?> fileStore = store.getFileStore();
		return fileStore == null ? 0 : fileStore.size();
	}

	@Override
	protected long getFileSize() {
		return getStorageSize();
	}

}
