package org.chat.message.warmup;

import org.chat.chassis.warmup.WarmUpConfiguration;
import org.chat.contracts.routing.RoutingLookup;
import org.chat.message.fanout.GatewayPublisher;
import org.chat.message.feed.FeedStore;
import org.chat.message.feed.Watermarks;
import org.chat.message.store.MessageStore;
import org.chat.message.store.UnreadStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The message-service's warm-ups, run before readiness by the chassis ({@link WarmUpConfiguration}). */
@Configuration(proxyBeanMethods = false)
@Import(WarmUpConfiguration.class)
class MessageWarmUpConfiguration {

	@Bean
	MessageWarmUp messageWarmUp() {
		return new MessageWarmUp();
	}

	@Bean
	StoreWarmUp storeWarmUp(MessageStore messages, FeedStore feeds, Watermarks watermarks, UnreadStore unread,
			RoutingLookup routing, GatewayPublisher publisher) {
		return new StoreWarmUp(messages, feeds, watermarks, unread, routing, publisher);
	}

}
