package org.chat.message.fanout;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoutesTest {

	@Test
	void aUserIsRoutedToEveryGatewayWithASessionOfTheirsInLookupOrder() {
		Map<String, Set<String>> byGateway = new LinkedHashMap<>();
		byGateway.put("gw-b", Set.of("alice", "bob"));
		byGateway.put("gw-a", Set.of("alice"));
		Routes routes = new Routes(byGateway);

		assertThat(routes.gatewaysOf("alice")).containsExactly("gw-b", "gw-a");
		assertThat(routes.gatewaysOf("bob")).containsExactly("gw-b");
		assertThat(routes.gatewaysOf("carol")).isEmpty();
		assertThat(Routes.NONE.gatewaysOf("alice")).isEmpty();
	}

}
