package org.mecconpaas.manager.domain.model.service;

import java.util.List;

/**
 * The service state the reconcile loop derives from its instances: what a user reads as the
 * service's state and phase message. Pure.
 *
 * @param state the derived state
 * @param message why the service is not where it should be yet, or null
 */
public record ObservedState(ServiceState state, String message) {

  /** One instance as derivation needs it. */
  public record Member(
      String name, InstanceState state, String message, boolean removing, boolean onHealthyNode) {}

  /**
   * @param current the state recorded so far
   * @param desired RUNNING or STOPPED
   * @param wanted how many instances the spec asks for
   * @param unplaceable how many of them no node can take now
   */
  public static ObservedState derive(
      ServiceState current,
      ServiceState desired,
      int wanted,
      List<Member> members,
      int unplaceable) {
    if (desired != ServiceState.RUNNING) {
      return members.isEmpty()
          ? new ObservedState(ServiceState.STOPPED, null)
          : new ObservedState(
              ServiceState.EPILOGUE, "releasing " + members.size() + " instance(s)");
    }
    for (Member member : members) {
      if (!member.removing() && member.state() == InstanceState.FAILED) {
        return new ObservedState(
            ServiceState.ERROR, "instance " + member.name() + " failed: " + member.message());
      }
    }
    // an instance stranded on a DOWN or drained node runs nowhere a user can reach
    long running =
        members.stream()
            .filter(m -> !m.removing() && m.onHealthyNode() && m.state() == InstanceState.RUNNING)
            .count();
    boolean settled =
        running == wanted && unplaceable == 0 && members.stream().noneMatch(Member::removing);
    if (settled) {
      return new ObservedState(ServiceState.RUNNING, null);
    }
    ServiceState moving =
        current == ServiceState.RUNNING || current == ServiceState.ADAPTING
            ? ServiceState.ADAPTING
            : ServiceState.PROLOGUE;
    String message =
        unplaceable > 0
            ? "waiting for capacity: no node can take " + unplaceable + " instance(s)"
            : running + " of " + wanted + " instance(s) running";
    return new ObservedState(moving, message);
  }
}
