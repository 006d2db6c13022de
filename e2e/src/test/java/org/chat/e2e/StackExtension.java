package org.chat.e2e;

import org.chat.e2e.client.JsDriver;
import org.chat.e2e.stack.Stack;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves {@link Chat} and {@link Stack} parameters. The stack lives in the root store (one per test JVM,
 * closed when the engine finishes, before the JVM's shutdown hooks stop the infrastructure); each test's
 * {@link JsDriver} lives in that test's store and is closed right after it.
 */
final class StackExtension implements ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StackExtension.class);

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		Class<?> type = parameter.getParameter().getType();
		return type == Chat.class || type == Stack.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		Stack stack = stack(context);
		if (parameter.getParameter().getType() == Stack.class) {
			return stack;
		}
		JsDriver js = context.getStore(NAMESPACE).computeIfAbsent(JsDriver.class, k -> JsDriver.start(),
				JsDriver.class);
		return new Chat(stack, js);
	}

	private static Stack stack(ExtensionContext context) {
		return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Stack.class, k -> Warmup.started(Stack.get()),
				Stack.class);
	}

}
