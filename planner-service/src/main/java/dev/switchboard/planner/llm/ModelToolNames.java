package dev.switchboard.planner.llm;

import java.util.regex.Pattern;

/**
 * Tool names as providers accept them: OpenAI and Anthropic allow letters, digits, '_' and '-', so
 * {@code crm.lookup_account} is offered as {@code crm__lookup_account}.
 */
public final class ModelToolNames {
  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private ModelToolNames() {}

  public static String toModel(String tool) {
    String name = tool.replace(".", "__");
    if (!ALLOWED.matcher(name).matches()) {
      throw new IllegalArgumentException("tool '" + tool + "' has no name a model accepts");
    }
    return name;
  }
}
