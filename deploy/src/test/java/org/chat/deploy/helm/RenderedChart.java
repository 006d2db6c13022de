package org.chat.deploy.helm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import org.yaml.snakeyaml.Yaml;

/** The chart rendered by real Helm ({@code helm template}) and parsed into Kubernetes objects. */
final class RenderedChart {

	static final Path CHART = Path.of("helm", "chat");

	static final String RELEASE = "chat";

	static final String NAMESPACE = "chat-test";

	private final List<Map<String, Object>> objects;

	private RenderedChart(List<Map<String, Object>> objects) {
		this.objects = objects;
	}

	/** Renders with {@code --set key=value} for each "key=value" argument. */
	static RenderedChart render(String... sets) {
		TemplateCommand template = new Helm(CHART).template().withName(RELEASE).withNamespace(NAMESPACE);
		for (String set : sets) {
			int eq = set.indexOf('=');
			template = template.set(set.substring(0, eq), set.substring(eq + 1));
		}
		return parse(template.call());
	}

	@SuppressWarnings("unchecked")
	static RenderedChart parse(String manifests) {
		List<Map<String, Object>> objects = new ArrayList<>();
		for (Object document : new Yaml().loadAll(manifests)) {
			if (document != null) {
				objects.add((Map<String, Object>) document);
			}
		}
		return new RenderedChart(objects);
	}

	List<Map<String, Object>> all() {
		return objects;
	}

	List<Map<String, Object>> ofKind(String kind) {
		return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
	}

	/** The object of {@code kind} named {@code <release>-<suffix>} (or {@code <release>} for an empty suffix). */
	Map<String, Object> one(String kind, String suffix) {
		String name = suffix.isEmpty() ? RELEASE : RELEASE + "-" + suffix;
		return ofKind(kind).stream()
			.filter(o -> name.equals(((Map<?, ?>) o.get("metadata")).get("name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + names()));
	}

	List<String> names() {
		return objects.stream()
			.map(o -> o.get("kind") + "/" + ((Map<?, ?>) o.get("metadata")).get("name"))
			.toList();
	}

}
