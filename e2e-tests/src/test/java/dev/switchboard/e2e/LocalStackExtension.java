package dev.switchboard.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands every system test class the one {@link LocalStack} of this test run: started for the first
 * class that asks, stopped when the run ends (JUnit closes it with the root store).
 */
final class LocalStackExtension implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalStack.class;
  }

  @Override
  public LocalStack resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.create(LocalStackExtension.class))
        .computeIfAbsent(LocalStack.class.getName(), key -> LocalStack.start(), LocalStack.class);
  }
}
