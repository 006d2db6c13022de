package org.chat.deploy.helm;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.chat.deploy.support.Tree;

/** The JVM flags a rendered Deployment passes in JAVA_TOOL_OPTIONS. */
record JvmFlags(List<String> flags) {

	static JvmFlags of(Map<String, Object> deployment) {
		String options = (String) Workloads.env(deployment).get("JAVA_TOOL_OPTIONS").get("value");
		return new JvmFlags(Arrays.asList(options.split(" ")));
	}

	/** The MiB value of a flag such as {@code -Xmx} or {@code -XX:MaxDirectMemorySize=}, written as {@code <n>m}. */
	int mib(String prefix) {
		String flag = this.flags.stream()
			.filter(f -> f.startsWith(prefix))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + prefix + " in " + this.flags));
		String value = flag.substring(prefix.length());
		if (!value.endsWith("m")) {
			throw new AssertionError(flag + " is not in MiB");
		}
		return Integer.parseInt(value.substring(0, value.length() - 1));
	}

	/** Heap + direct memory + metaspace + code cache: everything the flags cap. */
	int boundedMiB() {
		return mib("-Xmx") + mib("-XX:MaxDirectMemorySize=") + mib("-XX:MaxMetaspaceSize=")
				+ mib("-XX:ReservedCodeCacheSize=");
	}

}
