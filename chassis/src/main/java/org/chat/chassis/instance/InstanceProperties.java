package org.chat.chassis.instance;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code chat.instance.*}: who this process is across restarts.
 *
 * @param id a name that stays the same when this instance restarts and that no other running instance of the
 * same service has: the pod name of a StatefulSet, the launcher's per-process name ({@code CHAT_INSTANCE_ID} in
 * the environment). The Kafka consumer joins its group with it as {@code group.instance.id} (static membership).
 * Unset: dynamic membership, a new member at every start.
 */
@Validated
@ConfigurationProperties("chat.instance")
public record InstanceProperties(@Pattern(regexp = "[A-Za-z0-9._-]{1,200}") String id) {

	public boolean hasId() {
		return this.id != null && !this.id.isBlank();
	}

}
