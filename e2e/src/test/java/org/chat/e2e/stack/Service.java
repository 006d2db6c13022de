package org.chat.e2e.stack;

/** The processes of the stack under test; the name is the log file's and the pid file's. */
public enum Service {

	GATEWAY_A("gateway-a"), GATEWAY_B("gateway-b"), MESSAGE_SERVICE("message-service"),
	PRESENCE_SERVICE("presence-service");

	private final String processName;

	Service(String processName) {
		this.processName = processName;
	}

	public String processName() {
		return this.processName;
	}

	public boolean isGateway() {
		return this == GATEWAY_A || this == GATEWAY_B;
	}

	/** The {@code chat.gateway.id} of a gateway process. */
	public String gatewayId() {
		return switch (this) {
			case GATEWAY_A -> "gw-a";
			case GATEWAY_B -> "gw-b";
			default -> throw new IllegalStateException(this + " is not a gateway");
		};
	}

}
