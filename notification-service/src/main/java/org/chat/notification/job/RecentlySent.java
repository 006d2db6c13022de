package org.chat.notification.job;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Ids of jobs this instance delivered lately. A batch is retried from its first failed job, so jobs after it
 * that went through come again; they are not pushed twice.
 */
final class RecentlySent {

	private final Set<String> ids;

	RecentlySent(int capacity) {
		this.ids = Collections.newSetFromMap(Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, false) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
				return size() > capacity;
			}
		}));
	}

	boolean contains(String jobId) {
		return this.ids.contains(jobId);
	}

	void add(String jobId) {
		this.ids.add(jobId);
	}

}
