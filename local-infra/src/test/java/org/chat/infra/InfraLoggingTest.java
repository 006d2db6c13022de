package org.chat.infra;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The infra mains choose their quiet logging config in {@code main} ({@link InfraMain#useInfraLogging()}); a static
 * logger field would start logback earlier, at class initialisation, with its default config: DEBUG for every
 * wire message of the store and the broker, which cost the whole box CPU and disk during every benchmark.
 */
class InfraLoggingTest {

	@ParameterizedTest
	@ValueSource(strings = { "org.chat.infra.kafka.KafkaMain", "org.chat.infra.redis.RedisMain",
			"org.chat.infra.mongo.MongoMain", "org.chat.infra.stack.ChatStack" })
	void noMainMakesALoggerBeforeItChoosesTheLoggingConfig(String main) throws Exception {
		Class<?> type = Class.forName(main, false, getClass().getClassLoader()); // not initialised

		List<String> staticLoggers = Arrays.stream(type.getDeclaredFields())
			.filter(field -> Modifier.isStatic(field.getModifiers()))
			.filter(field -> Logger.class.isAssignableFrom(field.getType()))
			.map(Field::getName)
			.toList();

		assertThat(staticLoggers).as("static loggers of " + main).isEmpty();
	}

}
