package org.chat.message.support;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.chat.message.store.MessageStore;
import org.chat.message.store.StoredMessage;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/** A messages store whose next insert waits until released. */
public final class HeldStore extends MessageStore {

	private volatile CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);

	private final CompletableFuture<Void> reached = new CompletableFuture<>();

	public HeldStore(ReactiveMongoTemplate mongo) {
		super(mongo);
	}

	public void hold() {
		this.gate = new CompletableFuture<>();
	}

	public void awaitHeld() {
		this.reached.join();
	}

	public void release() {
		this.gate.complete(null);
	}

	@Override
	public Mono<Set<String>> insertAll(List<StoredMessage> messages) {
		CompletableFuture<Void> current = this.gate;
		if (!current.isDone()) {
			this.reached.complete(null);
		}
		return Mono.fromFuture(current).then(super.insertAll(messages));
	}

}
