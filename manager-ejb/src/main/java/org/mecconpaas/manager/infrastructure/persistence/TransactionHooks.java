package org.mecconpaas.manager.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Ties file-system work to the fate of the current transaction: files are part of what a request
 * changes, but the file system does not roll back by itself.
 */
@ApplicationScoped
public class TransactionHooks {
  @Resource private TransactionSynchronizationRegistry registry;

  /** Without a transaction (unit tests) actions run at once, as if it had committed. */
  public static TransactionHooks immediate() {
    return new TransactionHooks();
  }

  public void afterCommit(Runnable action) {
    after(action, true);
  }

  public void afterRollback(Runnable action) {
    after(action, false);
  }

  private void after(Runnable action, boolean onCommit) {
    if (registry == null || registry.getTransactionKey() == null) {
      if (onCommit) {
        action.run();
      }
      return;
    }
    registry.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if ((status == Status.STATUS_COMMITTED) == onCommit) {
              action.run();
            }
          }
        });
  }
}
