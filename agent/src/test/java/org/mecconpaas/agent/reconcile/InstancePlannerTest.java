package org.mecconpaas.agent.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mecconpaas.agent.desired.CodeRef;
import org.mecconpaas.agent.desired.Commands;
import org.mecconpaas.agent.desired.DesiredInstance;
import org.mecconpaas.agent.desired.Member;
import org.mecconpaas.agent.desired.Membership;
import org.mecconpaas.agent.state.InstanceState;
import org.mecconpaas.agent.state.Script;
import org.mecconpaas.agent.state.ScriptRecord;
import org.mecconpaas.catalog.CodeFormat;

class InstancePlannerTest {
  private static final CodeRef CODE_2 =
      new CodeRef(2, "abc", "/agent/v1/bundles/1/2", CodeFormat.ZIP);
  private static final LiveFacts READY = new LiveFacts(true, false);

  private static DesiredInstance desired(CodeRef code, long generation, Commands commands) {
    return new DesiredInstance(
        "s1-node-0",
        "demo/web",
        "generic",
        "node",
        500,
        128,
        20001,
        code,
        Map.of("MY_ROLE", "node"),
        new Membership(generation, List.of(new Member("10.0.0.1", "master", "s1-master-0", 20000))),
        commands);
  }

  /** Code version 2 unpacked, its init.sh done, generation 1 notified, nothing handled yet. */
  private static InstanceState initialised() {
    return InstanceState.INITIAL.withCode(2, "abc").withInitDone(2).withNotified(1);
  }

  private static ScriptRecord running(long seq) {
    return ScriptRecord.started(seq, 4242, 1);
  }

  @Test
  void freshInstanceEnsuresItsContainerThenFetchesCode() {
    assertEquals(
        List.of(new Step.EnsureContainer(), new Step.FetchCode(CODE_2)),
        InstancePlanner.plan(
            desired(CODE_2, 1, Commands.NONE), InstanceState.INITIAL, new LiveFacts(false, false)));
  }

  @Test
  void nothingElseHappensWhileADownloadIsInFlight() {
    assertEquals(
        List.of(),
        InstancePlanner.plan(
            desired(CODE_2, 1, new Commands(1, 0, 0)),
            InstanceState.INITIAL,
            new LiveFacts(true, true)));
  }

  @Test
  void newArchiveUnderTheSameVersionIsFetchedAgain() {
    InstanceState otherArchive = initialised().withCode(2, "def");
    assertEquals(
        List.of(new Step.FetchCode(CODE_2)),
        InstancePlanner.plan(desired(CODE_2, 1, Commands.NONE), otherArchive, READY));
  }

  @Test
  void unpackedCodeRunsInitOnceAndWaitsForIt() {
    InstanceState unpacked = InstanceState.INITIAL.withCode(2, "abc").withInitDone(-1);
    DesiredInstance wanted = desired(CODE_2, 1, new Commands(1, 0, 0));
    assertEquals(List.of(new Step.RunInit(2)), InstancePlanner.plan(wanted, unpacked, READY));
    assertEquals(
        List.of(),
        InstancePlanner.plan(wanted, unpacked.withScript(Script.INIT, running(2)), READY),
        "no run.sh, no second init.sh while init.sh runs");
  }

  @Test
  void failureStaysForTheSameCodeAndIsRetriedForNewCode() {
    InstanceState failed =
        initialised()
            .withInitDone(-1)
            .withFailure(new InstanceState.Failure("2:abc", "init.sh exited with 1"));
    assertEquals(
        List.of(), InstancePlanner.plan(desired(CODE_2, 1, new Commands(1, 0, 0)), failed, READY));
    CodeRef code3 = new CodeRef(3, "fed", "/agent/v1/bundles/1/3", CodeFormat.ZIP);
    assertEquals(
        List.of(new Step.ClearFailure(), new Step.FetchCode(code3)),
        InstancePlanner.plan(desired(code3, 1, Commands.NONE), failed, READY));
  }

  @Test
  void instanceWithoutCodeNeedsNoInit() {
    DesiredInstance noCode = desired(null, 0, new Commands(1, 0, 0));
    assertEquals(
        List.of(new Step.StartScript(Script.RUN, 1)),
        InstancePlanner.plan(noCode, InstanceState.INITIAL, READY));
  }

  @Test
  void runCounterStartsRunOnceAndIsRefusedWhileAScriptRuns() {
    assertEquals(
        List.of(new Step.StartScript(Script.RUN, 1)),
        InstancePlanner.plan(desired(CODE_2, 1, new Commands(1, 0, 0)), initialised(), READY));
    InstanceState runDone = initialised().withHandled(new Commands(1, 0, 0));
    assertEquals(
        List.of(),
        InstancePlanner.plan(desired(CODE_2, 1, new Commands(1, 0, 0)), runDone, READY),
        "a repeated heartbeat with the same counter does nothing");
    InstanceState busy = runDone.withScript(Script.RUN, running(1));
    assertEquals(
        List.of(
            new Step.Refuse(Script.RUN, 2, "run refused: run.sh still running"),
            new Step.Refuse(Script.CLEANUP, 1, "cleanup refused: run.sh still running")),
        InstancePlanner.plan(desired(CODE_2, 1, new Commands(2, 0, 1)), busy, READY));
  }

  @Test
  void aRunningNotifyDefersRunInsteadOfRefusingIt() {
    InstanceState notifying = initialised().withScript(Script.NOTIFY, running(1));
    assertEquals(
        List.of(),
        InstancePlanner.plan(desired(CODE_2, 1, new Commands(1, 0, 0)), notifying, READY));
  }

  @Test
  void firstInterruptAsksAndASecondOneKills() {
    InstanceState busy =
        initialised().withHandled(new Commands(1, 0, 0)).withScript(Script.RUN, running(1));
    assertEquals(
        List.of(new Step.StartScript(Script.INTERRUPT, 1)),
        InstancePlanner.plan(desired(CODE_2, 1, new Commands(1, 1, 0)), busy, READY));

    InstanceState asked =
        busy.withHandled(new Commands(1, 1, 0))
            .withScript(Script.RUN, running(1).markInterrupted())
            .withScript(Script.INTERRUPT, running(1).exited(0));
    assertEquals(
        List.of(new Step.KillScripts(2)),
        InstancePlanner.plan(desired(CODE_2, 1, new Commands(1, 2, 0)), asked, READY));

    InstanceState interruptHangs =
        initialised().withHandled(new Commands(0, 1, 0)).withScript(Script.INTERRUPT, running(1));
    assertEquals(
        List.of(new Step.KillScripts(2)),
        InstancePlanner.plan(desired(CODE_2, 1, new Commands(0, 2, 0)), interruptHangs, READY));
  }

  @Test
  void interruptWithNothingRunningStartsInterruptSh() {
    assertEquals(
        List.of(new Step.StartScript(Script.INTERRUPT, 1)),
        InstancePlanner.plan(desired(CODE_2, 1, new Commands(0, 1, 0)), initialised(), READY));
  }

  @Test
  void membershipChangeNotifiesOnceAtATime() {
    assertEquals(
        List.of(new Step.Notify(2)),
        InstancePlanner.plan(desired(CODE_2, 2, Commands.NONE), initialised(), READY));
    InstanceState notifying = initialised().withNotified(2).withScript(Script.NOTIFY, running(2));
    assertEquals(
        List.of(),
        InstancePlanner.plan(desired(CODE_2, 3, Commands.NONE), notifying, READY),
        "generation 3 waits until notify.sh for 2 ended");
  }

  @Test
  void containerIsEnsuredAgainWhenItIsNotReady() {
    assertEquals(
        List.of(new Step.EnsureContainer()),
        InstancePlanner.plan(
            desired(CODE_2, 1, Commands.NONE), initialised(), new LiveFacts(false, false)));
  }
}
