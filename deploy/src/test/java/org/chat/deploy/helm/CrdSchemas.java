package org.chat.deploy.helm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI v3 schemas of the custom resources the chart renders, taken from the CRDs their projects
 * publish (src/test/resources/crds, see the README there), and checked the way {@code kubeconform -strict}
 * does: a field the schema does not declare is an error unless the schema preserves unknown fields.
 */
final class CrdSchemas {

	/** kind -> CRD file. */
	static final Map<String, String> CRDS = Map.of("ServiceMonitor", "monitoring.coreos.com_servicemonitors.yaml",
			"PrometheusRule", "monitoring.coreos.com_prometheusrules.yaml", "ScaledObject", "keda.sh_scaledobjects.yaml",
			"HTTPRoute", "gateway.networking.k8s.io_httproutes.yaml");

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Map<String, Schema> CACHE = new HashMap<>();

	private CrdSchemas() {
	}

	static boolean covers(String kind) {
		return CRDS.containsKey(kind);
	}

	/** Schema violations of one rendered custom resource (empty: valid). */
	static List<String> violations(Map<String, Object> object) {
		String kind = (String) object.get("kind");
		String apiVersion = (String) object.get("apiVersion");
		Schema schema = CACHE.computeIfAbsent(kind + " " + apiVersion, k -> load(kind, apiVersion));
		List<Error> errors = schema.validate(JSON.valueToTree(object));
		return errors.stream().map(Error::toString).toList();
	}

	@SuppressWarnings("unchecked")
	private static Schema load(String kind, String apiVersion) {
		Map<String, Object> crd;
		try (InputStream in = CrdSchemas.class.getResourceAsStream("/crds/" + CRDS.get(kind))) {
			if (in == null) {
				throw new IllegalStateException("no CRD for " + kind);
			}
			crd = new Yaml().load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Map<String, Object> spec = (Map<String, Object>) crd.get("spec");
		String group = (String) spec.get("group");
		String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
		if (!apiVersion.startsWith(group + "/") || !kind.equals(((Map<String, Object>) spec.get("names")).get("kind"))) {
			throw new IllegalStateException(kind + " " + apiVersion + " is not the CRD's " + group);
		}
		Map<String, Object> served = ((List<Map<String, Object>>) spec.get("versions")).stream()
			.filter(v -> version.equals(v.get("name")) && Boolean.TRUE.equals(v.get("served")))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(apiVersion + " is not served by the " + kind + " CRD"));
		JsonNode openApi = JSON.valueToTree(((Map<String, Object>) served.get("schema")).get("openAPIV3Schema"));
		strict(openApi);
		return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(openApi);
	}

	/** Closes every object schema that lists its properties and neither preserves unknown fields nor types extra ones. */
	private static void strict(JsonNode node) {
		if (node instanceof ObjectNode object) {
			if (object.has("properties") && !object.has("additionalProperties")
					&& !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
				object.put("additionalProperties", false);
			}
		}
		for (JsonNode child : node) {
			strict(child);
		}
	}

}
