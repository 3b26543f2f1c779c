package org.mecconpaas.agent.reconcile;

/** How a background code installation ended. */
sealed interface InstallOutcome {
  /** The code is unpacked in the work directory. */
  record Installed(int version, String sha256) implements InstallOutcome {}

  /** The archive is unusable (checksum, unsafe, malformed): FAILED until the code changes. */
  record Rejected(String message) implements InstallOutcome {}

  /** Download or disk trouble: retried with back-off. */
  record Retry(String message) implements InstallOutcome {}
}
