package org.chat.deploy.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A Dockerfile split into instructions: comments dropped, continuation lines joined. */
record Dockerfile(List<Instruction> instructions) {

	record Instruction(String keyword, String arguments) {
	}

	static Dockerfile parse(Path path) throws IOException {
		List<Instruction> instructions = new ArrayList<>();
		StringBuilder pending = new StringBuilder();
		for (String line : Files.readAllLines(path)) {
			String trimmed = line.strip();
			if (trimmed.startsWith("#") || (trimmed.isEmpty() && pending.isEmpty())) {
				continue;
			}
			if (trimmed.endsWith("\\")) {
				pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
				continue;
			}
			pending.append(trimmed);
			String text = pending.toString().strip();
			pending.setLength(0);
			if (text.isEmpty()) {
				continue;
			}
			int space = text.indexOf(' ');
			instructions.add(new Instruction(text.substring(0, space).toUpperCase(Locale.ROOT), text.substring(space + 1).strip()));
		}
		return new Dockerfile(instructions);
	}

	/** Instructions of the last stage (the image that ships). */
	List<Instruction> finalStage() {
		int lastFrom = 0;
		for (int i = 0; i < instructions.size(); i++) {
			if (instructions.get(i).keyword().equals("FROM")) {
				lastFrom = i;
			}
		}
		return instructions.subList(lastFrom, instructions.size());
	}

	List<Instruction> all(String keyword) {
		return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
	}

}
