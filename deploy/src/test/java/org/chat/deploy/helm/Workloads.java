package org.chat.deploy.helm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chat.deploy.support.Tree;

/** Reads the parts of a rendered Deployment that the tests look at. */
final class Workloads {

	static final List<String> COMPONENTS = List.of("gateway", "message-service", "presence-service");

	private Workloads() {
	}

	static Map<String, Object> container(Map<String, Object> deployment) {
		return Tree.list(deployment, "spec.template.spec.containers").get(0);
	}

	static Map<String, Object> podSpec(Map<String, Object> deployment) {
		return Tree.map(deployment, "spec.template.spec");
	}

	/** env entries by name (value or valueFrom). */
	static Map<String, Map<String, Object>> env(Map<String, Object> deployment) {
		Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
		List<Map<String, Object>> env = Tree.at(container(deployment), "env");
		if (env != null) {
			env.forEach(e -> byName.put((String) e.get("name"), e));
		}
		return byName;
	}

	/** The Secret name and key an env var reads, as "name/key". */
	static String secretRef(Map<String, Object> deployment, String envName) {
		Map<String, Object> entry = env(deployment).get(envName);
		if (entry == null) {
			throw new AssertionError("no env " + envName + " in " + env(deployment).keySet());
		}
		Map<String, Object> ref = Tree.map(entry, "valueFrom.secretKeyRef");
		return ref.get("name") + "/" + ref.get("key");
	}

}
