package org.mecconpaas.agent.reconcile;

import org.mecconpaas.agent.desired.CodeRef;
import org.mecconpaas.agent.state.Script;

/** One action of a reconcile plan for an instance. */
public sealed interface Step {

  /** Create the container, or adopt the existing one; idempotent. */
  record EnsureContainer() implements Step {}

  /** Download, verify and unpack the code in the background; blocks the instance meanwhile. */
  record FetchCode(CodeRef code) implements Step {}

  /** The desired code changed since the failure: try again. */
  record ClearFailure() implements Step {}

  /** Write agents.json and start init.sh for this code version (or note that there is none). */
  record RunInit(int codeVersion) implements Step {}

  /** Write agents.json for this generation and start notify.sh. */
  record Notify(long generation) implements Step {}

  /** Start run.sh, interrupt.sh or cleanup.sh for the command counter {@code seq}. */
  record StartScript(Script script, long seq) implements Step {}

  /** Do not execute the command, and say why in the instance's message. */
  record Refuse(Script script, long seq, String reason) implements Step {}

  /** Copy the catalog role's scripts into the instance (a role instance, not generic). */
  record InstallRoleFiles() implements Step {}

  /** Start the role's start.sh serving this (initialised) code version. */
  record StartRole(int codeVersion) implements Step {}

  /**
   * The role runs an older code version: run switch.sh for this one, or restart start.sh when the
   * role has no switch.sh.
   */
  record SwitchCode(int codeVersion) implements Step {}

  /** The service's settings changed: start.sh starts again with them (roles read them at start). */
  record RestartRole() implements Step {}

  /** The second interrupt: SIGKILL the process groups of every running script. */
  record KillScripts(long interruptSeq) implements Step {}
}
