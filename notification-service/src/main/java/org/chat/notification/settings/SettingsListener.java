package org.chat.notification.settings;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chat.contracts.Topics;
import org.chat.contracts.envelope.Envelope;
import org.chat.contracts.events.NotificationPrefs;
import org.chat.contracts.events.RegisterPushToken;
import org.chat.contracts.events.UnregisterPushToken;
import org.chat.contracts.json.ContractViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Applies {@code chat.push.settings} to {@code push_users}. The gateway validated the payloads; a record that
 * still does not decode is logged and skipped (never blocks the partition). A store failure throws, and the
 * chassis' batch container retries the batch until the store is back; applying a batch again changes nothing,
 * since each record replaces what it names (a device, the preferences).
 */
public class SettingsListener {

	private static final Logger log = LoggerFactory.getLogger(SettingsListener.class);

	private final PushUsers users;

	public SettingsListener(PushUsers users) {
		this.users = users;
	}

	@KafkaListener(id = Topics.PUSH_SETTINGS_GROUP, topics = Topics.PUSH_SETTINGS, groupId = Topics.PUSH_SETTINGS_GROUP)
	public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
		records.forEach(this::onRecord);
	}

	private void onRecord(ConsumerRecord<String, byte[]> record) {
		Envelope envelope;
		try {
			envelope = Envelope.fromBytes(record.value());
		}
		catch (ContractViolation ex) {
			log.warn("skipping undecodable record at {}-{}@{}", record.topic(), record.partition(), record.offset());
			return;
		}
		try {
			apply(envelope);
		}
		catch (ContractViolation | IllegalArgumentException ex) {
			log.warn("skipping {} {} of {}: {}", envelope.type(), envelope.eventId(), envelope.userId(),
					ex.getMessage());
		}
	}

	void apply(Envelope envelope) {
		if (envelope.eventType() == null) {
			log.warn("skipping record of unknown type {}", envelope.type());
			return;
		}
		switch (envelope.eventType()) {
			case PUSH_TOKEN_REGISTER -> {
				RegisterPushToken registration = envelope.payloadAs(RegisterPushToken.class);
				Device device = Device.of(registration);
				if (device.pushPlatform() == null) {
					throw new IllegalArgumentException("unknown platform " + registration.platform());
				}
				this.users.register(envelope.userId(), device);
			}
			case PUSH_TOKEN_UNREGISTER ->
				this.users.remove(envelope.userId(), envelope.payloadAs(UnregisterPushToken.class).deviceId());
			case NOTIFICATION_PREFS -> this.users.prefs(envelope.userId(), envelope.payloadAs(NotificationPrefs.class));
			default -> log.warn("skipping {} on {}", envelope.type(), Topics.PUSH_SETTINGS);
		}
	}

}
