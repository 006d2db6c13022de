package org.chat.presence.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/** Loads the Lua scripts from {@code classpath:lua/}; session transitions get the shared prelude prepended. */
public final class LuaScripts {

	private LuaScripts() {
	}

	public static <T> RedisScript<T> load(String name, Class<T> resultType) {
		return RedisScript.of(read(name), resultType);
	}

	static RedisScript<Long> sessionTransition(String name) {
		return RedisScript.of(read("session-common.lua") + "\n" + read(name), Long.class);
	}

	private static String read(String name) {
		try {
			return new ClassPathResource("lua/" + name).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("missing Lua script " + name, ex);
		}
	}

}
