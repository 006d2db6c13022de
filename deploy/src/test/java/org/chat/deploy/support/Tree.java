package org.chat.deploy.support;

import java.util.List;
import java.util.Map;

/** Navigates parsed YAML (maps and lists) by a dotted path such as {@code spec.containers[0].env}. */
public final class Tree {

	private Tree() {
	}

	/** The node at {@code path}, or {@code null} when any step is missing. */
	@SuppressWarnings("unchecked")
	public static <T> T at(Object root, String path) {
		Object node = root;
		for (String step : path.split("\\.")) {
			if (node == null) {
				return null;
			}
			int bracket = step.indexOf('[');
			String key = bracket < 0 ? step : step.substring(0, bracket);
			if (!key.isEmpty()) {
				node = node instanceof Map<?, ?> map ? map.get(key) : null;
			}
			if (bracket >= 0 && node != null) {
				int index = Integer.parseInt(step.substring(bracket + 1, step.length() - 1));
				List<?> list = (List<?>) node;
				node = index < list.size() ? list.get(index) : null;
			}
		}
		return (T) node;
	}

	/** The map at {@code path}, failing with the path in the message when it is absent. */
	public static Map<String, Object> map(Object root, String path) {
		Map<String, Object> map = at(root, path);
		if (map == null) {
			throw new AssertionError("no map at " + path);
		}
		return map;
	}

	/** The list at {@code path}, failing with the path in the message when it is absent. */
	public static List<Map<String, Object>> list(Object root, String path) {
		List<Map<String, Object>> list = at(root, path);
		if (list == null) {
			throw new AssertionError("no list at " + path);
		}
		return list;
	}

}
