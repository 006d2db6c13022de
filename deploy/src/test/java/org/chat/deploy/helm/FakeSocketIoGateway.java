package org.chat.deploy.helm;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;

/**
 * One-connection Socket.IO v4 endpoint over a plain socket: WebSocket upgrade at
 * {@code /socket.io/?EIO=4&transport=websocket}, Engine.IO OPEN, then CONNECT answered with
 * {@code 40{"sid":…}} when the token is an HS256 JWT with the given secret (checked by Nimbus, as the
 * gateway does) and passes {@code claims}, else with {@code 44} (CONNECT_ERROR).
 */
final class FakeSocketIoGateway implements AutoCloseable {

	private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

	final CompletableFuture<String> request = new CompletableFuture<>();

	final CompletableFuture<SignedJWT> acceptedToken = new CompletableFuture<>();

	private final ServerSocket server;

	private final String secret;

	private final Predicate<SignedJWT> claims;

	FakeSocketIoGateway(String secret, Predicate<SignedJWT> claims) throws IOException {
		this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
		this.secret = secret;
		this.claims = claims;
		Thread thread = new Thread(this::serve, "fake-socket-io");
		thread.setDaemon(true);
		thread.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getLocalPort();
	}

	private void serve() {
		try (Socket socket = this.server.accept()) {
			BufferedReader head = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
			String requestLine = head.readLine();
			String key = null;
			for (String line = head.readLine(); line != null && !line.isEmpty(); line = head.readLine()) {
				if (line.toLowerCase().startsWith("sec-websocket-key:")) {
					key = line.substring(line.indexOf(':') + 1).trim();
				}
			}
			this.request.complete(requestLine);
			OutputStream out = socket.getOutputStream();
			String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
				.digest((key + WEBSOCKET_GUID).getBytes(StandardCharsets.US_ASCII)));
			out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
					+ "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			text(out, "0{\"sid\":\"eio-1\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}");
			// the upgrade response was read through a BufferedReader: the client sends nothing before it, so
			// nothing of the first frame is buffered there
			DataInputStream in = new DataInputStream(socket.getInputStream());
			text(out, answer(readText(in)));
			// as the gateway does, the connection stays up until the client closes it: a socket dropped right after
			// the answer races the client's reading of that answer (the JDK client then reports an InternalError)
			awaitClose(in, out);
		}
		catch (Exception ex) {
			this.request.completeExceptionally(ex);
			this.acceptedToken.completeExceptionally(ex);
		}
	}

	private String answer(String connect) {
		if (!connect.startsWith("40{\"token\":\"")) {
			return "44{\"message\":\"no token\"}";
		}
		String token = connect.substring("40{\"token\":\"".length(), connect.lastIndexOf('"'));
		try {
			SignedJWT jwt = SignedJWT.parse(token);
			if (jwt.verify(new MACVerifier(this.secret)) && jwt.getJWTClaimsSet().getExpirationTime().after(new Date())
					&& this.claims.test(jwt)) {
				this.acceptedToken.complete(jwt);
				return "40{\"sid\":\"sio-1\"}";
			}
		}
		catch (Exception ex) {
			// not a valid token: refused like the gateway refuses it
		}
		return "44{\"message\":\"unauthorized\"}";
	}

	private static void text(OutputStream out, String text) throws IOException {
		byte[] payload = text.getBytes(StandardCharsets.UTF_8);
		out.write(0x81);
		if (payload.length < 126) {
			out.write(payload.length);
		}
		else {
			out.write(126);
			out.write(payload.length >> 8);
			out.write(payload.length & 0xff);
		}
		out.write(payload);
		out.flush();
	}

	private static String readText(DataInputStream in) throws IOException {
		Frame frame = Frame.read(in);
		if (frame.opcode != 1) {
			throw new IOException("expected a text frame, got opcode " + frame.opcode);
		}
		return new String(frame.payload, StandardCharsets.UTF_8);
	}

	/** Reads until the client's close frame (or end of stream) and answers it with a close frame. */
	private static void awaitClose(DataInputStream in, OutputStream out) throws IOException {
		try {
			while (Frame.read(in).opcode != 8) {
				// pings or text after the answer: not part of the handshake
			}
			out.write(new byte[] { (byte) 0x88, 2, 0x03, (byte) 0xe8 });
			out.flush();
		}
		catch (java.io.EOFException ex) {
			// the client went away without a close frame: nothing to answer
		}
	}

	private record Frame(int opcode, byte[] payload) {

		static Frame read(DataInputStream in) throws IOException {
			int opcode = in.readUnsignedByte() & 0x0f;
			int second = in.readUnsignedByte();
			long length = second & 0x7f;
			if (length == 126) {
				length = in.readUnsignedShort();
			}
			else if (length == 127) {
				length = in.readLong();
			}
			byte[] mask = new byte[4];
			if ((second & 0x80) != 0) {
				in.readFully(mask);
			}
			byte[] payload = new byte[(int) length];
			in.readFully(payload);
			for (int i = 0; i < payload.length; i++) {
				payload[i] ^= mask[i % 4];
			}
			return new Frame(opcode, payload);
		}

	}

	@Override
	public void close() throws IOException {
		this.server.close();
	}

}
