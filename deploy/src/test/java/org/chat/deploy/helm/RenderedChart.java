package org.chat.deploy.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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

	/** The Kubernetes version rendered for (Helm's own default, 1.20, is older than the chart's kubeVersion). */
	static final String KUBE_VERSION = "v1.31.0";

	private final List<Map<String, Object>> objects;

	private RenderedChart(List<Map<String, Object>> objects) {
		this.objects = objects;
	}

	/** Renders with {@code --set key=value} for each "key=value" argument. */
	static RenderedChart render(String... sets) {
		return parse(template(CHART, KUBE_VERSION, sets).call());
	}

	/** Renders with {@code -f values} and then the {@code --set}s. */
	static RenderedChart renderValuesFile(Path values, String... sets) {
		return parse(template(CHART, KUBE_VERSION, sets).withValuesFile(values).call());
	}

	/** Renders for another Kubernetes version. */
	static RenderedChart renderFor(String kubeVersion, String... sets) {
		return parse(template(CHART, kubeVersion, sets).call());
	}

	/**
	 * Renders the hooks too ({@code helm template} through helm-java prints no hooks): a copy of the chart
	 * whose {@code helm.sh/hook} annotations are renamed to {@code rendered.helm.sh/hook}, so Helm treats
	 * the hook objects as plain manifests.
	 */
	static RenderedChart renderWithHooks(Path scratch, String... sets) {
		try {
			Path copy = scratch.resolve("chat");
			try (var files = Files.walk(CHART)) {
				for (Path source : files.toList()) {
					Path target = copy.resolve(CHART.relativize(source).toString());
					if (Files.isDirectory(source)) {
						Files.createDirectories(target);
					}
					else {
						Files.writeString(target, Files.readString(source).replace("helm.sh/hook", HOOK_PREFIX + "helm.sh/hook"));
					}
				}
			}
			return parse(template(copy, KUBE_VERSION, sets).call());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static final String HOOK_PREFIX = "rendered.";

	private static TemplateCommand template(Path chart, String kubeVersion, String... sets) {
		TemplateCommand template = new Helm(chart).template()
			.withName(RELEASE)
			.withNamespace(NAMESPACE)
			.withKubeVersion(kubeVersion);
		for (String set : sets) {
			int eq = set.indexOf('=');
			template = template.set(set.substring(0, eq), set.substring(eq + 1));
		}
		return template;
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
