package org.chat.notification.config;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.chat.notification.decide.MessageLogConsumer;
import org.chat.notification.decide.PushDecider;
import org.chat.notification.decide.RedisSessionLookup;
import org.chat.notification.job.Badges;
import org.chat.notification.job.PushJobListener;
import org.chat.notification.metrics.PushMetrics;
import org.chat.notification.provider.PushSender;
import org.chat.notification.provider.apns.ApnsSender;
import org.chat.notification.provider.fcm.FcmSender;
import org.chat.notification.provider.webpush.WebPushSender;
import org.chat.notification.settings.PushUsers;
import org.chat.notification.settings.SettingsListener;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

import io.micrometer.core.instrument.MeterRegistry;

/** Wires the decision path (chat.messages → chat.push.jobs) and the delivery path (chat.push.jobs → providers). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PushProperties.class)
public class NotificationServiceConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	PushMetrics pushMetrics(MeterRegistry registry) {
		return new PushMetrics(registry);
	}

	@Bean
	PushUsers pushUsers(MongoTemplate mongo) {
		return new PushUsers(mongo);
	}

	@Bean
	SettingsListener settingsListener(PushUsers users) {
		return new SettingsListener(users);
	}

	@Bean(destroyMethod = "shutdownNow")
	ScheduledExecutorService pushTimers() {
		return Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("push-grace-"));
	}

	/** Decisions read the store and produce; a few threads keep a slow read from holding up the others. */
	@Bean(destroyMethod = "shutdownNow")
	ExecutorService pushDeciders() {
		return Executors.newFixedThreadPool(4, new CustomizableThreadFactory("push-decide-"));
	}

	@Bean
	PushDecider pushDecider(PushProperties properties, PushUsers users, ReactiveStringRedisTemplate redis,
			KafkaTemplate<String, byte[]> jobs, PushMetrics metrics, Clock clock, ScheduledExecutorService pushTimers,
			ExecutorService pushDeciders) {
		return new PushDecider(properties, users, new RedisSessionLookup(redis), jobs, metrics, clock, pushTimers,
				pushDeciders);
	}

	@Bean
	MessageLogConsumer messageLogConsumer(ConsumerFactory<String, byte[]> messageLogConsumerFactory,
			PushDecider decider) {
		return new MessageLogConsumer(messageLogConsumerFactory, decider);
	}

	@Bean
	HttpClient pushHttpClient() {
		return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	}

	/** The configured platforms; the others are off (their devices' pushes count as failed{reason=disabled}). */
	@Bean
	List<PushSender> pushSenders(PushProperties properties, HttpClient pushHttpClient, Clock clock,
			ExecutorService pushDeciders) throws Exception {
		Duration timeout = properties.retry().requestTimeout();
		List<PushSender> senders = new ArrayList<>();
		if (properties.webpush().enabled()) {
			senders.add(new WebPushSender(properties.webpush(), timeout, pushHttpClient, clock));
		}
		if (properties.apns().enabled()) {
			senders.add(new ApnsSender(properties.apns(), timeout, clock));
		}
		if (properties.fcm().enabled()) {
			senders.add(new FcmSender(properties.fcm(), timeout, pushHttpClient, pushDeciders, clock));
		}
		return senders;
	}

	@Bean
	Badges badges(MongoTemplate mongo) {
		return new Badges(mongo);
	}

	@Bean
	PushJobListener pushJobListener(List<PushSender> pushSenders, Badges badges, PushUsers users,
			PushMetrics metrics, Clock clock) {
		return new PushJobListener(pushSenders, badges, users, metrics, clock);
	}

}
