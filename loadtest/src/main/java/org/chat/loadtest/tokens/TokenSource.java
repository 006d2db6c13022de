package org.chat.loadtest.tokens;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/** Where a load test gets the CONNECT token of a user who will connect to {@code gateway}. */
public interface TokenSource {

	CompletableFuture<String> issue(URI gateway, String userId);

}
