package org.chat.gateway.engineio;

/** What happened to packets offered to a session's outbound queue. */
public enum SendOutcome {

	/** Queued for writing. */
	QUEUED,
	/** Queued for writing in place of an older LATEST packet of the same key, which is skipped. */
	REPLACED,
	/** Dropped: droppable and the queue is above half of its packet or byte bound. */
	SHED,
	/** The queue was full: the session is being closed. */
	OVERFLOW,
	/** The session is already closed. */
	CLOSED

}
