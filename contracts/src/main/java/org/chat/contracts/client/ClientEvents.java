package org.chat.contracts.client;

/** Socket.IO event names of the client contract (docs/PROTOCOL.md). */
public final class ClientEvents {

	// client → server
	public static final String REGISTER_USER = "register_user";
	public static final String SEND_PRIVATE_MESSAGE = "send_private_message";
	public static final String TYPING_PRIVATE = "typing_private";
	public static final String MARK_MESSAGES_READ = "mark_messages_read";
	public static final String GET_UNREAD_COUNTS = "get_unread_counts";
	public static final String REQUEST_USER_LIST = "request_user_list";
	public static final String GET_MESSAGES = "get_messages";
	public static final String SYNC_MESSAGES = "sync_messages";
	public static final String REGISTER_PUSH_TOKEN = "register_push_token";
	public static final String UNREGISTER_PUSH_TOKEN = "unregister_push_token";
	public static final String SET_NOTIFICATION_PREFS = "set_notification_prefs";

	// server → client
	public static final String USER_LIST = "user_list";
	public static final String RECEIVE_PRIVATE_MESSAGE = "receive_private_message";
	public static final String MESSAGE_DELIVERED = "message_delivered";
	public static final String TYPING_INDICATOR_PRIVATE = "typing_indicator_private";
	public static final String MESSAGES_READ_UPDATE = "messages_read_update";
	public static final String UNREAD_COUNT_UPDATE = "unread_count_update";
	public static final String UNREAD_COUNTS = "unread_counts";
	public static final String CHAT_ERROR = "chat_error";

	private ClientEvents() {
	}

}
