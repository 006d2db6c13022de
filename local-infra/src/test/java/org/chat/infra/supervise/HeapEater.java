package org.chat.infra.supervise;

import java.util.ArrayList;
import java.util.List;

/** A child JVM that fills its heap, for the supervisor's out-of-memory report. */
final class HeapEater {

	private HeapEater() {
	}

	public static void main(String[] args) {
		List<long[]> kept = new ArrayList<>();
		while (true) {
			kept.add(new long[1 << 16]);
		}
	}

}
