package org.mecconpaas.manager;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** A fresh {@link TestingMaster} (database, data directory, clock) for every test. */
public abstract class MasterTestSupport {
  @TempDir protected Path dataDir;
  protected TestingMaster master;

  @BeforeEach
  void startMaster() {
    master = TestingMaster.start(dataDir);
  }

  @AfterEach
  void stopMaster() {
    if (master != null) {
      master.close();
    }
  }

  /** Runs a use case in its own transaction, for {@code assertThrows}. */
  protected Executable tx(Runnable work) {
    return () -> master.run(work);
  }
}
