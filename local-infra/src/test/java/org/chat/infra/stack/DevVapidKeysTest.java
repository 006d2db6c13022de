package org.chat.infra.stack;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dev VAPID keys are made once and then kept: browsers' subscriptions are bound to the public key. */
class DevVapidKeysTest {

	@TempDir
	Path data;

	@Test
	void keptKeysAreReadAndNeverRegenerated() throws Exception {
		Files.writeString(this.data.resolve(DevVapidKeys.FILE),
				"CHAT_PUSH_WEBPUSH_PUBLIC_KEY=BKept\nCHAT_PUSH_WEBPUSH_PRIVATE_KEY=kept\n");

		// no jar to generate with: only reading can succeed
		assertThat(DevVapidKeys.in(this.data, this.data.resolve("missing.jar")))
			.isEqualTo(new DevVapidKeys("BKept", "kept"));
	}

	@Test
	void withoutKeysTheNotificationServiceJarIsNeeded() {
		assertThatThrownBy(() -> DevVapidKeys.in(this.data, this.data.resolve("notification-service.jar")))
			.hasMessageContaining("notification-service.jar is missing");
		assertThat(this.data.resolve(DevVapidKeys.FILE)).doesNotExist();
	}

	@Test
	void aFileWithoutBothKeysIsRefused() throws Exception {
		Files.writeString(this.data.resolve(DevVapidKeys.FILE), "CHAT_PUSH_WEBPUSH_PUBLIC_KEY=BOnly\n");

		assertThatThrownBy(() -> DevVapidKeys.in(this.data, this.data.resolve("missing.jar")))
			.hasMessageContaining("lacks CHAT_PUSH_WEBPUSH_PUBLIC_KEY or CHAT_PUSH_WEBPUSH_PRIVATE_KEY");
	}

}
