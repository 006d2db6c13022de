package org.chat.gateway.socketio;

/** Namespaces of this gateway; the application registers one handler per namespace at start-up. */
public interface SocketIoServer {

	void namespace(String name, ConnectionHandler handler);

}
