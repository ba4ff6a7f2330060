package dev.switchboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The five services in this JVM against the broker a subclass provides, through the scenarios. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EndToEndScenarios {
  @TempDir static Path workDir;
  InJvmStack stack;
  DemoScenarios scenarios;

  abstract String bootstrapServers();

  abstract String topicPrefix();

  @BeforeAll
  void startStack() {
    stack = InJvmStack.start(bootstrapServers(), topicPrefix(), workDir);
    scenarios = new DemoScenarios(stack);
    scenarios.client().awaitReady(stack.readinessUrls(), Duration.ofSeconds(120));
  }

  @AfterAll
  void stopStack() {
    if (scenarios != null) {
      scenarios.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void shouldCompleteAGoalAfterApproval() throws Exception {
    scenarios.approvedGoalCompletes();
    // The example server keeps what it did in its data file, in the stack's work directory.
    assertThat(Files.readString(workDir.resolve("sales-tools/sales-book.json")))
        .contains("pat.lee@acme.example");
  }

  @Test
  void shouldCompleteAGoalHandedBetweenAgentsAfterApproval() throws Exception {
    scenarios.handedOffGoalCompletes();
  }

  @Test
  void shouldCompleteTheSalesGoalHandedFromTheSdrToTheResearcherAndTheWriterAndBack()
      throws Exception {
    scenarios.salesGoalHandedBetweenAgentsCompletes();
  }

  @Test
  void shouldTraceAGoalAsOneTraceAcrossTheFiveServices() {
    new TracedGoalScenario(stack, scenarios.client()).goalIsOneTrace();
  }

  @Test
  void shouldNeverSendWhatAnInjectedPageToldTheLlmPlannersModelWithoutAPerson() throws Exception {
    new PromptInjectionScenario(stack, scenarios.client())
        .injectedInstructionNeverSendsWithoutAPerson();
  }

  @Test
  void shouldCompleteAGoalWhoseQuestionAndCallPeopleTookCareOf() throws Exception {
    scenarios.questionAnsweredAndStepTakenOverByPeople();
  }

  @Test
  void shouldCompleteAGoalAPersonReassignedToAnAgent() throws Exception {
    scenarios.handoffReassignedByAPersonToAnAgentCompletes();
  }

  @Test
  void shouldFailAGoalWhoseActionIsDenied() throws Exception {
    scenarios.deniedGoalFails();
  }

  @Test
  void shouldCloseTheApprovalOfACancelledGoalAndNeverRunItsAction() throws Exception {
    scenarios.cancelledGoalClosesItsApproval();
  }

  @Test
  void shouldCompleteARawJsonGoalPastBadRecords() throws Exception {
    scenarios.rawJsonGoalCompletesPastBadRecords();
  }
}
