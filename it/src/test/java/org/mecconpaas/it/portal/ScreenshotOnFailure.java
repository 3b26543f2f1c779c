package org.mecconpaas.it.portal;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Saves a screenshot and the HTML of every open browser of a failed test under {@code
 * mec.it.screenshots} (the build's {@code target/screenshots}). The test class says which browsers
 * are open through {@link Witnessed}.
 */
public final class ScreenshotOnFailure implements TestWatcher {

  /** A test class whose browsers should be photographed when one of its tests fails. */
  public interface Witnessed {
    List<Browser> openBrowsers();
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    Object test = context.getRequiredTestInstance();
    if (!(test instanceof Witnessed witnessed)) {
      return;
    }
    String dir = System.getProperty("mec.it.screenshots", "target/screenshots");
    String name =
        context.getRequiredTestClass().getSimpleName()
            + "-"
            + context.getRequiredTestMethod().getName();
    List<Browser> browsers = witnessed.openBrowsers();
    for (int i = 0; i < browsers.size(); i++) {
      browsers.get(i).saveEvidence(Path.of(dir), name + (i == 0 ? "" : "-" + i));
    }
    System.err.println("screenshots of the failed test are in " + Path.of(dir).toAbsolutePath());
  }
}
