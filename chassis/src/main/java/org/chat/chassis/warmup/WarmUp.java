package org.chat.chassis.warmup;

/**
 * A hot path a process exercises before it reports ready, so that its first real requests run compiled code and
 * loaded classes instead of paying for class loading and the JIT. Implement it as a bean and import
 * {@link WarmUpConfiguration}; readiness goes UP once every warm-up has run its rounds or the budget is spent.
 * <p>
 * A round must not send anything a user or another service could see: use the in-memory parts of the path
 * (codecs, validation, JSON, token checks) and reads of keys no user can have, never Kafka sends or Redis or MongoDB
 * writes (a publish only to a channel no process subscribes).
 */
public interface WarmUp {

	/** Short name for the log line and the {@code chat.warmup} metric's {@code warmup} tag. */
	String name();

	/** One pass over the hot path; called up to {@code chat.warmup.rounds} times, from one thread. */
	void round() throws Exception;

}
