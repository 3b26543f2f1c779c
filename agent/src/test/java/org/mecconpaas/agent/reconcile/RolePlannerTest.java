package org.mecconpaas.agent.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mecconpaas.agent.desired.CodeRef;
import org.mecconpaas.agent.desired.Commands;
import org.mecconpaas.agent.desired.DesiredInstance;
import org.mecconpaas.agent.desired.Membership;
import org.mecconpaas.agent.state.InstanceState;
import org.mecconpaas.agent.state.Script;
import org.mecconpaas.agent.state.ScriptRecord;
import org.mecconpaas.catalog.CodeFormat;

class RolePlannerTest {
  private static final LiveFacts READY = new LiveFacts(true, false, true, true);

  private static CodeRef code(int version) {
    return new CodeRef(version, "sha" + version, "/agent/v1/bundles/1/" + version, CodeFormat.ZIP);
  }

  private static DesiredInstance desired(CodeRef code, long generation) {
    return new DesiredInstance(
        "s3-web-0",
        "demo/site",
        "php",
        "web",
        500,
        256,
        20010,
        code,
        Map.of(),
        new Membership(generation, List.of()),
        Commands.NONE);
  }

  /** Version {@code v} unpacked and initialised, generation 1 notified. */
  private static InstanceState ready(int v) {
    return InstanceState.INITIAL.withCode(v, "sha" + v).withInitDone(v).withNotified(1);
  }

  private static InstanceState serving(InstanceState state, int version) {
    return state.withScript(Script.START, ScriptRecord.started(version, 4242, 1));
  }

  @Test
  void aFreshRoleGetsContainerAndFilesBeforeItsCode() {
    assertEquals(
        List.of(
            new Step.EnsureContainer(), new Step.InstallRoleFiles(), new Step.FetchCode(code(1))),
        RolePlanner.plan(
            desired(code(1), 1), InstanceState.INITIAL, new LiveFacts(false, false, false, true)));
  }

  @Test
  void anInitialisedVersionIsStartedUnlessTheRoleBacksOff() {
    assertEquals(
        List.of(new Step.StartRole(1)), RolePlanner.plan(desired(code(1), 1), ready(1), READY));
    assertEquals(
        List.of(),
        RolePlanner.plan(desired(code(1), 1), ready(1), new LiveFacts(true, false, true, false)));
  }

  @Test
  void aRoleWithoutCodeStartsWithoutInit() {
    assertEquals(
        List.of(new Step.StartRole(0)),
        RolePlanner.plan(desired(null, 1), InstanceState.INITIAL.withNotified(1), READY));
  }

  @Test
  void aNewVersionIsInitialisedWhileTheOldOneServesAndThenSwitchedTo() {
    InstanceState unpacked2 = serving(ready(1), 1).withCode(2, "sha2");
    assertEquals(
        List.of(new Step.RunInit(2)), RolePlanner.plan(desired(code(2), 1), unpacked2, READY));

    InstanceState initialised2 = unpacked2.withInitDone(2);
    assertEquals(
        List.of(new Step.SwitchCode(2)),
        RolePlanner.plan(desired(code(2), 1), initialised2, READY));
  }

  @Test
  void aRefusedVersionLeavesTheLastGoodOneServingAndRestartedIfItDies() {
    InstanceState refused =
        ready(1)
            .withCode(2, "sha2")
            .withFailure(new InstanceState.Failure("2:sha2", "init.sh exited with 1"));
    assertEquals(List.of(), RolePlanner.plan(desired(code(2), 1), serving(refused, 1), READY));
    assertEquals(
        List.of(new Step.StartRole(1)), RolePlanner.plan(desired(code(2), 1), refused, READY));
  }

  @Test
  void aFirstVersionThatFailsLeavesNothingToStart() {
    InstanceState refusedFirst =
        InstanceState.INITIAL
            .withCode(1, "sha1")
            .withFailure(new InstanceState.Failure("1:sha1", "init.sh exited with 1"));
    assertEquals(List.of(), RolePlanner.plan(desired(code(1), 1), refusedFirst, READY));
  }

  @Test
  void membershipChangesReachARunningRoleOnly() {
    assertEquals(
        List.of(new Step.Notify(2)),
        RolePlanner.plan(desired(code(1), 2), serving(ready(1), 1), READY));
    assertEquals(
        List.of(new Step.StartRole(1)), RolePlanner.plan(desired(code(1), 2), ready(1), READY));
  }

  @Test
  void changedSettingsRestartTheRoleButNeverDuringASwitch() {
    LiveFacts stale = new LiveFacts(true, false, true, true, false);
    assertEquals(
        List.of(new Step.RestartRole()),
        RolePlanner.plan(desired(code(1), 1), serving(ready(1), 1), stale));
    InstanceState switching =
        serving(ready(1), 1).withScript(Script.SWITCH, ScriptRecord.started(1, 4343, 1));
    assertEquals(List.of(), RolePlanner.plan(desired(code(1), 1), switching, stale));
  }
}
