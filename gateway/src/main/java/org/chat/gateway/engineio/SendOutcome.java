package org.chat.gateway.engineio;

/** What happened to packets offered to a session's outbound queue. */
public enum SendOutcome {

	/** Queued for writing. */
	QUEUED,
	/** Dropped: droppable and the queue is above half full. */
	SHED,
	/** The queue was full: the session is being closed. */
	OVERFLOW,
	/** The session is already closed. */
	CLOSED

}
