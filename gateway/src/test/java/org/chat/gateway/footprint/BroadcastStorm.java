package org.chat.gateway.footprint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import org.chat.contracts.client.ClientEvents;
import org.chat.contracts.json.Json;
import org.chat.gateway.GatewayApplication;
import org.chat.gateway.engineio.Delivery;
import org.chat.gateway.engineio.EngineSettings;
import org.chat.gateway.engineio.EngineSettings.TransportKind;
import org.chat.gateway.socketio.ConnectionHandler;
import org.chat.gateway.socketio.HandshakeInfo;
import org.chat.gateway.socketio.PreparedEvent;
import org.chat.gateway.socketio.SocketIoSocket;
import org.chat.gateway.socketio.SocketIoSocket.Outcome;
import org.chat.gateway.web.SocketIoTestServer;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Outbound memory and CPU of a {@code user_list} storm (docs/PERFORMANCE.md "Reconnect storm"). Not a test (it
 * prints, never asserts). The real Engine.IO/Socket.IO stack on a free port; N raw WebSocket clients join "/";
 * most of them then stop reading (CPU-starved clients), the rest read everything. The server emits a user list of
 * 1,000 users (~100 KB of JSON) to every socket 4 times a second, in one of two modes:
 * <ul>
 * <li>{@code per-socket}: as the gateway did before, every socket serialises the event itself, reliable, no byte
 * bound;</li>
 * <li>{@code shared}: as FanoutRouter does now, one {@link PreparedEvent} for all sockets, LATEST, with the byte
 * bound of {@code chat.engine.outbound-queue-bytes} (4 MiB).</li>
 * </ul>
 * It prints the process CPU the broadcasts took, the peak and live heap, and Netty's direct memory. Run each mode
 * in a JVM of its own, e.g.
 * {@code java -Xmx512m -cp <test classpath> org.chat.gateway.footprint.BroadcastStorm shared 400 40}
 * (mode, sockets, broadcasts).
 */
public final class BroadcastStorm {

	private static final int READERS_PER_TEN = 2;

	private BroadcastStorm() {
	}

	public static void main(String[] args) throws Exception {
		GatewayApplication.tuneReactorNetty();
		boolean shared = "shared".equals(args.length > 0 ? args[0] : "shared");
		int sockets = args.length > 1 ? Integer.parseInt(args[1]) : 400;
		int broadcasts = args.length > 2 ? Integer.parseInt(args[2]) : 40;
		EngineSettings settings = new EngineSettings(Duration.ofMinutes(5), Duration.ofMinutes(5), 1_000_000, 512,
				Set.of(TransportKind.WEBSOCKET), 0, shared ? 4L << 20 : Long.MAX_VALUE);
		List<SocketIoSocket> joined = new CopyOnWriteArrayList<>();
		ConnectionHandler handler = new ConnectionHandler() {
			@Override
			public Mono<Object> authorize(JsonNode auth, HandshakeInfo handshake) {
				return Mono.just("user");
			}

			@Override
			public void onConnect(SocketIoSocket socket, Object principal) {
				joined.add(socket);
			}
		};
		try (SocketIoTestServer server = SocketIoTestServer.start(settings, Duration.ofMinutes(1),
				io -> io.namespace("/", handler))) {
			List<Client> clients = new ArrayList<>();
			AtomicLong readBytes = new AtomicLong();
			for (int i = 0; i < sockets; i++) {
				Client client = new Client(server.port());
				clients.add(client);
				if (i % 10 < READERS_PER_TEN) {
					Thread reader = new Thread(() -> client.drain(readBytes), "reader-" + i);
					reader.setDaemon(true);
					reader.start();
				}
			}
			while (joined.size() < sockets) {
				Thread.sleep(10);
			}
			JsonNode users = userList(1000);
			int listBytes = Json.writeString(users).getBytes(StandardCharsets.UTF_8).length;
			resetPeaks();
			AtomicLong directPeak = new AtomicLong();
			Thread sampler = new Thread(() -> {
				while (!Thread.currentThread().isInterrupted()) {
					directPeak.accumulateAndGet(Math.max(nettyDirect(), jdkDirect()), Math::max);
					try {
						Thread.sleep(20);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}, "direct-sampler");
			sampler.setDaemon(true);
			sampler.start();
			Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
			long cpuStart = cpuNanos();
			long emitNanos = 0;
			long start = System.nanoTime();
			for (int b = 0; b < broadcasts; b++) {
				long emitStart = System.nanoTime();
				PreparedEvent prepared = shared ? PreparedEvent.of(ClientEvents.USER_LIST, users) : null;
				for (SocketIoSocket socket : joined) {
					Outcome outcome = shared ? socket.emit(prepared, Delivery.latest(ClientEvents.USER_LIST))
							: socket.emit(ClientEvents.USER_LIST, Delivery.RELIABLE, users);
					outcomes.merge(outcome, 1, Integer::sum);
				}
				emitNanos += System.nanoTime() - emitStart;
				long next = start + (b + 1) * 250_000_000L;
				Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
			}
			Thread.sleep(2000);
			sampler.interrupt();
			long cpu = cpuNanos() - cpuStart;
			long heapNow = heapUsed();
			long heapPeak = heapPeak();
			long direct = nettyDirect();
			long jdkDirect = jdkDirect();
			System.gc();
			long live = heapUsed();
			long open = joined.stream().filter(SocketIoSocket::isConnected).count();
			System.out.printf("mode=%s sockets=%d (readers %d) broadcasts=%d list=%,d bytes%n",
					shared ? "shared" : "per-socket", sockets, sockets * READERS_PER_TEN / 10, broadcasts, listBytes);
			System.out.printf("outcomes %s; sockets still open %d; bytes read by the readers %,d%n", outcomes, open,
					readBytes.get());
			System.out.printf("process CPU %,d ms (emit loops %,d ms); heap peak %,d MB, used %,d MB, live after GC %,d MB;"
					+ " direct memory peak %,d MB (now: Netty %,d MB, JDK buffers %,d MB)%n", cpu / 1_000_000,
					emitNanos / 1_000_000, heapPeak >> 20, heapNow >> 20, live >> 20, directPeak.get() >> 20,
					direct >> 20, jdkDirect >> 20);
			for (Client client : clients) {
				client.close();
			}
		}
		System.exit(0);
	}

	/** A user list as presence-service sends it: one object per online user. */
	private static JsonNode userList(int count) {
		ArrayNode list = Json.MAPPER.createArrayNode();
		for (int i = 0; i < count; i++) {
			list.addObject()
				.put("id", "user-" + i)
				.put("name", "User Number " + i)
				.put("email", "user" + i + "@example.com")
				.put("avatar", "https://example.com/avatars/" + i + ".png")
				.put("online", true);
		}
		return list;
	}

	private static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static void resetPeaks() {
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	private static long heapPeak() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.mapToLong(pool -> pool.getPeakUsage().getUsed())
			.sum();
	}

	private static long heapUsed() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static long nettyDirect() {
		return ByteBufAllocator.DEFAULT instanceof ByteBufAllocatorMetricProvider provider
				? provider.metric().usedDirectMemory() : -1;
	}

	private static long jdkDirect() {
		return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)
			.stream()
			.filter(pool -> pool.getName().equals("direct"))
			.mapToLong(BufferPoolMXBean::getMemoryUsed)
			.sum();
	}

	/** A WebSocket client on a plain socket with a small receive buffer, so a client that stops reading is slow at once. */
	private static final class Client implements AutoCloseable {

		private final Socket socket;

		private final InputStream in;

		Client(int port) throws IOException {
			socket = new Socket();
			socket.setReceiveBufferSize(16 * 1024);
			socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
			in = socket.getInputStream();
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + SocketIoTestServer.PATH + "?EIO=4&transport=websocket HTTP/1.1\r\nHost: 127.0.0.1\r\n"
					+ "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
					+ "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			ByteArrayOutputStream headers = new ByteArrayOutputStream();
			while (!headers.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
				headers.write(in.read());
			}
			skipFrame(); // OPEN
			byte[] connect = "40".getBytes(StandardCharsets.US_ASCII);
			out.write(new byte[] { (byte) 0x81, (byte) (0x80 | connect.length), 0, 0, 0, 0 });
			out.write(connect);
			out.flush();
			skipFrame(); // the CONNECT answer
		}

		/** Reads and discards frames until the connection ends. */
		void drain(AtomicLong bytes) {
			try {
				while (true) {
					bytes.addAndGet(skipFrame());
				}
			}
			catch (IOException ex) {
				// closed
			}
		}

		private long skipFrame() throws IOException {
			if (in.read() < 0) {
				throw new IOException("closed");
			}
			long length = in.read() & 0x7f;
			if (length == 126) {
				length = (in.read() << 8) | in.read();
			}
			else if (length == 127) {
				length = 0;
				for (int i = 0; i < 8; i++) {
					length = (length << 8) | in.read();
				}
			}
			in.skipNBytes(length);
			return length;
		}

		@Override
		public void close() throws IOException {
			socket.close();
		}

	}

}
