package org.chat.contracts.json;

/** A record or message on a wire contract that cannot be decoded. Consumers log and skip it (poison pill). */
public class ContractViolation extends RuntimeException {

	public ContractViolation(String message, Throwable cause) {
		super(message, cause);
	}

	public ContractViolation(String message) {
		super(message);
	}

}
