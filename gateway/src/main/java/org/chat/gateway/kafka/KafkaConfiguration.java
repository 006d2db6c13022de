package org.chat.gateway.kafka;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.chat.chassis.kafka.KafkaProducerConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/** The envelope producer: Boot's connection settings plus the fixed durability settings of docs/ARCHITECTURE.md. */
@Configuration(proxyBeanMethods = false)
@Profile("!conformance")
@EnableConfigurationProperties(ChatKafkaProperties.class)
class KafkaConfiguration {

	@Bean
	ProducerFactory<String, byte[]> chatProducerFactory(KafkaProperties kafka, KafkaConnectionDetails connection,
			ChatKafkaProperties chat) {
		Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.getProducer().getBootstrapServers());
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.LINGER_MS_CONFIG, (int) chat.linger().toMillis());
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) chat.requestTimeout().toMillis());
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) chat.deliveryTimeout().toMillis());
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, chat.maxBlock().toMillis());
		return new DefaultKafkaProducerFactory<>(config);
	}

	@Bean
	KafkaTemplate<String, byte[]> chatKafkaTemplate(ProducerFactory<String, byte[]> chatProducerFactory) {
		KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(chatProducerFactory);
		// a failed send is answered `unavailable` and metered; the log gets one line per interval, not one per record
		template.setProducerListener(KafkaProducerConfiguration.producerListener());
		return template;
	}

	@Bean
	KafkaEnvelopePublisher envelopePublisher(KafkaTemplate<String, byte[]> chatKafkaTemplate,
			ChatKafkaProperties chat) {
		return new KafkaEnvelopePublisher(chatKafkaTemplate, chat);
	}

}
