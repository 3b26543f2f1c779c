package org.mecconpaas.agent.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.mecconpaas.agent.desired.DesiredInstance;
import org.mecconpaas.agent.state.InstanceState;
import org.mecconpaas.agent.state.Script;

/**
 * Computes what to do for one instance. Pure: the same inputs always give the same plan, so the
 * rules of the protocol are tested here without containers or processes.
 *
 * <p>Order: container, then code, then init.sh (once per code version; nothing else runs before it
 * succeeded), then commands, then notify.sh.
 */
public final class InstancePlanner {
  private InstancePlanner() {}

  public static List<Step> plan(DesiredInstance desired, InstanceState state, LiveFacts facts) {
    List<Step> steps = new ArrayList<>();
    if (!facts.containerReady()) {
      steps.add(new Step.EnsureContainer());
    }
    if (facts.jobInFlight()) {
      return steps;
    }
    String codeKey = desired.code() == null ? "none" : desired.code().key();
    if (state.failure() != null) {
      if (state.failure().codeKey().equals(codeKey)) {
        return steps; // the same code would fail the same way
      }
      steps.add(new Step.ClearFailure());
    }
    if (desired.code() != null && !codeKey.equals(unpackedKey(state))) {
      steps.add(new Step.FetchCode(desired.code()));
      return steps;
    }
    if (state.initDoneVersion() != desired.codeVersion()) {
      if (!state.isRunning(Script.INIT)) {
        steps.add(new Step.RunInit(desired.codeVersion()));
      }
      return steps;
    }
    planCommands(desired, state, steps);
    long generation = desired.membership().generation();
    if (generation != state.notifiedGeneration() && !state.isRunning(Script.NOTIFY)) {
      steps.add(new Step.Notify(generation));
    }
    return steps;
  }

  /**
   * Interrupt first (it is how a user stops what blocks a run), then run, then cleanup. Run and
   * cleanup are refused while a user script runs; a short notify.sh only defers them.
   */
  private static void planCommands(DesiredInstance desired, InstanceState state, List<Step> steps) {
    List<Script> running =
        state.scripts().entrySet().stream()
            .filter(e -> e.getValue().running() && e.getKey() != Script.NOTIFY)
            .map(java.util.Map.Entry::getKey)
            .collect(Collectors.toCollection(ArrayList::new));
    long interrupt = desired.commands().interrupt();
    if (interrupt > state.handled().interrupt()) {
      boolean interruptedBefore =
          state.isRunning(Script.INTERRUPT)
              || state.scripts().values().stream().anyMatch(r -> r.running() && r.interrupted());
      if (!running.isEmpty() && interruptedBefore) {
        steps.add(new Step.KillScripts(interrupt));
      } else {
        steps.add(new Step.StartScript(Script.INTERRUPT, interrupt));
        running.add(Script.INTERRUPT);
      }
    }
    for (Script command : List.of(Script.RUN, Script.CLEANUP)) {
      long wanted = desired.commands().get(command);
      if (wanted <= state.handled().get(command)) {
        continue;
      }
      if (!running.isEmpty()) {
        steps.add(new Step.Refuse(command, wanted, refusal(command, running)));
      } else if (!state.isRunning(Script.NOTIFY)) {
        steps.add(new Step.StartScript(command, wanted));
        running.add(command);
      }
    }
  }

  private static String refusal(Script command, List<Script> running) {
    return command.key()
        + " refused: "
        + running.stream().map(Script::fileName).collect(Collectors.joining(", "))
        + " still running";
  }

  private static String unpackedKey(InstanceState state) {
    return state.codeSha256() == null ? "" : state.codeVersion() + ":" + state.codeSha256();
  }
}
