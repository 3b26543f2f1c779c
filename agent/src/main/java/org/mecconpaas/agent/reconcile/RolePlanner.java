package org.mecconpaas.agent.reconcile;

import java.util.ArrayList;
import java.util.List;
import org.mecconpaas.agent.desired.DesiredInstance;
import org.mecconpaas.agent.state.InstanceState;
import org.mecconpaas.agent.state.Script;
import org.mecconpaas.agent.state.ScriptRecord;

/**
 * Computes what to do for an instance of a catalog role (docs/role-runners.md). Pure, like {@link
 * InstancePlanner}, whose generic rules it shares for container and code.
 *
 * <p>Order: container, role files, code, init.sh for the desired version, then start.sh (or
 * switch.sh when start.sh serves an older version), then notify.sh. Unlike a generic bundle, a new
 * code version never stops the role first: it is unpacked beside the served one and initialised
 * while the old one keeps serving, so a version that fails init.sh leaves the old one serving
 * ({@link InstanceState#initDoneVersion()} stays the last good version until the new one's init.sh
 * succeeded). Roles of services without code serve version 0 and run no init.sh.
 */
public final class RolePlanner {
  private RolePlanner() {}

  public static List<Step> plan(DesiredInstance desired, InstanceState state, LiveFacts facts) {
    List<Step> steps = new ArrayList<>();
    if (!facts.containerReady()) {
      steps.add(new Step.EnsureContainer());
    }
    if (facts.jobInFlight()) {
      return steps;
    }
    if (!facts.roleFilesReady()) {
      steps.add(new Step.InstallRoleFiles());
    }
    String codeKey = desired.code() == null ? "none" : desired.code().key();
    if (state.failure() != null) {
      if (state.failure().codeKey().equals(codeKey)) {
        // refused version: the role keeps serving the last good one, and keeps hearing of members;
        // a role that takes code and never had a good version has nothing to serve
        if (desired.code() == null || state.initDoneVersion() > 0) {
          planServing(desired, state, facts, steps, state.initDoneVersion());
        }
        return steps;
      }
      steps.add(new Step.ClearFailure());
    }
    if (desired.code() != null && !codeKey.equals(unpackedKey(state))) {
      steps.add(new Step.FetchCode(desired.code()));
      return steps;
    }
    if (state.initDoneVersion() != desired.codeVersion()) {
      if (!state.isRunning(Script.INIT) && !state.isRunning(Script.SWITCH)) {
        steps.add(new Step.RunInit(desired.codeVersion()));
      }
      return steps;
    }
    planServing(desired, state, facts, steps, desired.codeVersion());
    return steps;
  }

  private static void planServing(
      DesiredInstance desired,
      InstanceState state,
      LiveFacts facts,
      List<Step> steps,
      int version) {
    if (version < 0) {
      return; // nothing initialised to serve
    }
    if (!state.isRunning(Script.START)) {
      if (facts.roleMayStart()) {
        steps.add(new Step.StartRole(version));
      }
      return;
    }
    if (servedVersion(state) != version && !state.isRunning(Script.SWITCH)) {
      steps.add(new Step.SwitchCode(version));
      return;
    }
    if (!facts.roleEnvCurrent() && !state.isRunning(Script.SWITCH)) {
      steps.add(new Step.RestartRole());
      return;
    }
    long generation = desired.membership().generation();
    if (generation != state.notifiedGeneration() && !state.isRunning(Script.NOTIFY)) {
      steps.add(new Step.Notify(generation));
    }
  }

  /**
   * The code version start.sh serves (switched versions included), or -1 when it is not running.
   */
  static int servedVersion(InstanceState state) {
    return state
        .script(Script.START)
        .filter(ScriptRecord::running)
        .map(record -> (int) record.seq())
        .orElse(-1);
  }

  private static String unpackedKey(InstanceState state) {
    return state.codeSha256() == null ? "" : state.codeVersion() + ":" + state.codeSha256();
  }
}
