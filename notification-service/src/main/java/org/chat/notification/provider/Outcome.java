package org.chat.notification.provider;

import java.time.Duration;

/** A provider's answer to one push. */
public sealed interface Outcome {

	record Sent() implements Outcome {
	}

	/** The token/subscription no longer exists (410, {@code Unregistered}, {@code UNREGISTERED}): delete it. */
	record Gone(String reason) implements Outcome {
	}

	/** 429, 5xx or no answer: try again, not before {@code retryAfter} when the provider said so. */
	record Retry(String reason, Duration retryAfter) implements Outcome {
	}

	/** Any other 4xx: retrying the same request cannot succeed. */
	record Rejected(String reason) implements Outcome {
	}

	static Outcome ofHttpStatus(int status, String reason, Duration retryAfter) {
		if (status >= 200 && status < 300) {
			return new Sent();
		}
		if (status == 404 || status == 410) {
			return new Gone(status + " " + reason);
		}
		if (status == 429 || status >= 500) {
			return new Retry(status + " " + reason, retryAfter);
		}
		return new Rejected(status + " " + reason);
	}

}
