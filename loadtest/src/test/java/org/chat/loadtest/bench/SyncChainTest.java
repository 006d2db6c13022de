package org.chat.loadtest.bench;

import java.util.ArrayList;
import java.util.List;

import org.chat.loadtest.bench.SyncChain.Step;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SyncChainTest {

	private final List<String> sent = new ArrayList<>();

	private final List<String> received = new ArrayList<>();

	private static String page(long ackId, String next, boolean hasMore, String... clientMessageIds) {
		StringBuilder messages = new StringBuilder();
		for (String id : clientMessageIds) {
			messages.append(messages.isEmpty() ? "" : ",")
				.append("{\"id\":\"m-").append(id).append("\",\"clientMessageId\":\"").append(id).append("\"}");
		}
		return "43" + ackId + "[{\"ok\":true,\"messages\":[" + messages + "],\"next\":\"" + next + "\",\"hasMore\":"
				+ hasMore + "}]";
	}

	private SyncChain chain(String cursor) {
		return new SyncChain(cursor, 7, this.sent::add, this.received::addAll);
	}

	@Test
	void eachPageAsksSinceThePreviousNextUntilHasMoreIsFalse() {
		SyncChain chain = chain(null);
		chain.start();
		assertThat(this.sent).containsExactly("427[\"sync_messages\",{}]");

		assertThat(chain.onAck(page(7, "T1", true, "a", "b"))).isEqualTo(Step.NEXT_PAGE);
		assertThat(this.sent).last().isEqualTo("428[\"sync_messages\",{\"since\":\"T1\"}]");
		assertThat(chain.onAck(page(8, "T2", false, "c"))).isEqualTo(Step.DONE);

		assertThat(this.received).containsExactly("a", "b", "c");
		assertThat(chain.cursor()).isEqualTo("T2");
		assertThat(chain.pages()).isEqualTo(2);
		assertThat(chain.nextAckId()).isEqualTo(9);
	}

	@Test
	void anEmptyAnswerStillMovesTheCursor() {
		SyncChain chain = chain("T5");
		chain.start();
		assertThat(this.sent).containsExactly("427[\"sync_messages\",{\"since\":\"T5\"}]");

		assertThat(chain.onAck(page(7, "T6", false))).isEqualTo(Step.DONE);
		assertThat(chain.cursor()).isEqualTo("T6");
	}

	@Test
	void aRefusedPageKeepsTheCursorAndIsAskedAgain() {
		SyncChain chain = chain("T5");
		chain.start();

		assertThat(chain.onAck("437[{\"ok\":false,\"error\":{\"code\":\"unavailable\",\"message\":\"x\"}}]"))
			.isEqualTo(Step.REFUSED);
		assertThat(chain.refusal()).isEqualTo("unavailable");
		assertThat(chain.cursor()).isEqualTo("T5");
		chain.retry();
		assertThat(this.sent).last().isEqualTo("428[\"sync_messages\",{\"since\":\"T5\"}]");
		assertThat(chain.onAck(page(8, "T6", false, "a"))).isEqualTo(Step.DONE);
		assertThat(this.received).containsExactly("a");
	}

	@Test
	void anOkAnswerWithoutNextIsRefusedNotTakenAsTheEnd() {
		SyncChain chain = chain("T5");
		chain.start();

		assertThat(chain.onAck("437[{\"ok\":true,\"messages\":[],\"hasMore\":false}]")).isEqualTo(Step.REFUSED);
		assertThat(chain.refusal()).isEqualTo("no next token");
		assertThat(chain.cursor()).isEqualTo("T5");
	}

	@Test
	void theOriginalBackendsAnswerIsOnePageWhoseLastMessageIdIsTheCursor() {
		SyncChain chain = chain("m-0");
		chain.start();

		assertThat(chain.onAck("437[{\"ok\":true,\"messages\":[{\"id\":\"m-1\",\"clientMessageId\":\"1\"},"
				+ "{\"id\":\"m-2\",\"clientMessageId\":\"2\"}]}]"))
			.isEqualTo(Step.DONE);
		assertThat(this.received).containsExactly("1", "2");
		assertThat(chain.cursor()).isEqualTo("m-2");

		SyncChain empty = new SyncChain("m-2", 8, this.sent::add, this.received::addAll);
		empty.start();
		assertThat(empty.onAck("438[{\"ok\":true,\"messages\":[]}]")).isEqualTo(Step.DONE);
		assertThat(empty.cursor()).isEqualTo("m-2");
		assertThat(this.sent).last().isEqualTo("428[\"sync_messages\",{\"since\":\"m-2\"}]");
	}

	@Test
	void answersToOtherRequestsAreIgnored() {
		SyncChain chain = chain("T5");
		chain.start();

		assertThat(chain.onAck("430[{\"ok\":true}]")).isEqualTo(Step.IGNORED);
		assertThat(chain.onAck(page(6, "old", false, "z"))).isEqualTo(Step.IGNORED);
		assertThat(this.received).isEmpty();
		assertThat(chain.cursor()).isEqualTo("T5");
	}

}
