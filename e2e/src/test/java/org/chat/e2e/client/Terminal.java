package org.chat.e2e.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code node talk.js <me> <peer> <url>} as a person runs it in a terminal: type lines, read what it prints. */
public final class Terminal implements AutoCloseable {

	private final Process process;

	private final OutputStream stdin;

	private final List<String> lines = new ArrayList<>();

	private Terminal(Process process) {
		this.process = process;
		this.stdin = process.getOutputStream();
		Thread reader = new Thread(this::read, "terminal-" + process.pid());
		reader.setDaemon(true);
		reader.start();
	}

	public static Terminal talk(String me, String peer, URI gateway) {
		Path dir = Path.of(System.getProperty("e2e.js.dir", "target/js"));
		try {
			return new Terminal(new ProcessBuilder(System.getProperty("e2e.node", "node"), "talk.js", me, peer,
					gateway.toString())
				.directory(dir.toFile())
				.redirectErrorStream(true)
				.start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start node talk.js", ex);
		}
	}

	public void type(String line) {
		try {
			this.stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
			this.stdin.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("terminal closed; it printed " + screen(), ex);
		}
	}

	/** Waits until a printed line contains {@code text}; returns that line. */
	public synchronized String awaitLine(String text, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			for (String line : this.lines) {
				if (line.contains(text)) {
					return line;
				}
			}
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				throw new AssertionError("no line containing '" + text + "' in " + timeout + "; screen:\n" + screen());
			}
			try {
				wait(Math.max(1, left / 1_000_000));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("interrupted", ex);
			}
		}
	}

	public synchronized String screen() {
		return String.join("\n", this.lines);
	}

	private void read() {
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = out.readLine()) != null) {
				synchronized (this) {
					this.lines.add(line);
					notifyAll();
				}
			}
		}
		catch (IOException ex) {
			// the process ended; what it printed stays readable
		}
	}

	/** Closing stdin ends talk.js the way Ctrl-D does. */
	@Override
	public void close() {
		ChildProcesses.closeGently(this.stdin, this.process);
	}

}
