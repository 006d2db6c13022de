package org.chat.e2e.reconnect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.assertj.core.api.SoftAssertions;
import org.chat.e2e.Chat;
import org.chat.e2e.EndToEnd;
import org.chat.e2e.client.Payloads;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two recipients drop their socket about once a second and reconnect to the other gateway while twelve senders,
 * six on each gateway, write to them (~190 msgs/s) for 25 s and until each recipient has reconnected 8 times; the recipients are the web client's own
 * {@code connection.js} (run by {@code hopping-recipients.mjs} in Node), so its cursor rule is what is tested.
 * Every acknowledged message must reach its recipient, live or by sync. The script's output, with the figures
 * (acknowledged, received, reconnects, reconnect-to-synced latency), lands in stack-logs/hopping-recipients.log.
 */
@EndToEnd
class HoppingRecipientsIT {

	private static final Duration LIMIT = Duration.ofMinutes(5);

	private static final int SECONDS = 25;

	private static final int RECIPIENTS = 2;

	/** Reconnects per recipient before the senders stop (they go on past SECONDS until then, at most 150 s). */
	private static final int MIN_HOPS = 8;

	/**
	 * Reconnects per recipient the test needs: the first one syncs from the start (a tab's first connect has no
	 * cursor), every later one from a token, which is what is under test. A machine slow enough to give fewer in
	 * 150 s fails the test rather than pass it on too little evidence.
	 */
	private static final int NEEDED_HOPS = 3;

	@Test
	void everyAcknowledgedMessageReachesRecipientsThatKeepChangingGateway(Chat chat) throws Exception {
		JsonNode result = run(chat);
		System.out.printf("[reconnect] hopping recipients, %d s: acknowledged %d, received %d (live %d, by sync %d), "
				+ "duplicates %d, lost %d, refused %s, reconnects %d %s, drop→synced %s ms, connect→synced %s ms%n",
				result.path("seconds").asLong(), result.path("acknowledged").asLong(), result.path("received").asLong(),
				result.path("live").asLong(),
				result.path("bySync").asLong(), result.path("duplicates").asLong(), result.path("lost").asLong(),
				result.path("refused"), result.path("reconnects").asLong(), result.path("reconnectsPerRecipient"),
				result.path("dropToSyncedMs"),
				result.path("connectToSyncedMs"));

		SoftAssertions.assertSoftly(softly -> {
			softly.assertThat(result.path("lostIds")).as("acknowledged but never received").isEmpty();
			softly.assertThat(result.path("lost").asLong()).as("lost").isZero();
			// enough traffic and enough reconnects that a wrong cursor has had its chances
			softly.assertThat(result.path("acknowledged").asLong()).as("acknowledged sends").isGreaterThan(SECONDS * 100L);
			softly.assertThat(result.path("reconnectsPerRecipient").valueStream().map(JsonNode::asInt))
				.as("reconnects per recipient")
				.hasSize(RECIPIENTS)
				.allMatch(hops -> hops >= NEEDED_HOPS);
			softly.assertThat(result.path("bySync").asLong()).as("messages that only a sync brought").isPositive();
		});
	}

	private static JsonNode run(Chat chat) throws IOException, InterruptedException {
		Path dir = Path.of(System.getProperty("e2e.js.dir", "target/js"));
		Path web = Path.of(System.getProperty("e2e.web.dir", "../web-client/src/main/web")).toAbsolutePath();
		Path log = Path.of(System.getProperty("e2e.logs.dir", "target/stack-logs")).resolve("hopping-recipients.log");
		Files.createDirectories(log.getParent());
		ProcessBuilder builder = new ProcessBuilder(
				List.of(System.getProperty("e2e.node", "node"), "hopping-recipients.mjs"))
			.directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().put("GATEWAY_A", chat.a().toString());
		builder.environment().put("GATEWAY_B", chat.b().toString());
		builder.environment().put("WEB_DIR", web.toString());
		builder.environment().put("SECONDS", Integer.toString(SECONDS));
		builder.environment().put("RECIPIENTS", Integer.toString(RECIPIENTS));
		builder.environment().put("MIN_HOPS", Integer.toString(MIN_HOPS));
		Process node = builder.start();
		boolean finished = node.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS);
		if (!finished) {
			node.destroyForcibly();
		}
		String output = Files.readString(log);
		assertThat(finished).as("the script finished within %s:%n%s", LIMIT, output).isTrue();
		String line = output.lines()
			.filter(l -> l.startsWith("RESULT "))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no RESULT line (exit " + node.exitValue() + "):\n" + output));
		return Payloads.parse(line.substring("RESULT ".length()));
	}

}
