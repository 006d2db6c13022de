package org.chat.loadtest.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The stack's Prometheus text, from every process that names a management port in its pid file under the run
 * directory ({@code ./chat up} writes {@code management-port=…}). A process that does not answer is left out.
 */
final class ManagementScrape {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private ManagementScrape() {
	}

	/** Management port → {@code /actuator/prometheus} text. */
	static Map<Integer, String> all(Path runDir) {
		Map<Integer, String> texts = new LinkedHashMap<>();
		for (int port : managementPorts(runDir)) {
			try {
				HttpResponse<String> response = HTTP.send(HttpRequest
					.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
					.timeout(Duration.ofSeconds(5))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					texts.put(port, response.body());
				}
			}
			catch (IOException ex) {
				// not up (a killed gateway, a process restarting): left out
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return texts;
	}

	private static List<Integer> managementPorts(Path runDir) {
		try (Stream<Path> files = Files.list(runDir)) {
			return files.filter(file -> file.getFileName().toString().endsWith(".pid"))
				.flatMap(file -> {
					try {
						return Files.readAllLines(file).stream();
					}
					catch (IOException ex) {
						return Stream.empty();
					}
				})
				.filter(line -> line.startsWith("management-port="))
				.map(line -> Integer.parseInt(line.substring("management-port=".length()).trim()))
				.toList();
		}
		catch (IOException ex) {
			return List.of();
		}
	}

}
