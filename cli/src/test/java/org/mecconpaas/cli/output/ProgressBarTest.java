package org.mecconpaas.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

  private final AtomicLong clock = new AtomicLong();
  private final StringWriter err = new StringWriter();

  @Test
  void terminalRedrawsOneLineWithPercentBytesAndRate() {
    ProgressBar bar = new ProgressBar(new PrintWriter(err), true, "uploaded", clock::get);
    bar.started("site.zip", 4 * 1024 * 1024);
    clock.set(1_000_000_000L);
    bar.progressed(2 * 1024 * 1024);
    clock.set(1_050_000_000L);
    bar.progressed(3 * 1024 * 1024); // within 100 ms of the last redraw: skipped
    clock.set(2_000_000_000L);
    bar.completed(4 * 1024 * 1024);

    String[] frames = err.toString().split("\r");
    assertEquals(4, frames.length, err.toString()); // "" + start + 50% + 100%
    assertEquals(
        "site.zip  [###############...............]  50%  2.0 MiB / 4.0 MiB  2.0 MiB/s", frames[2]);
    assertTrue(frames[3].startsWith("site.zip  [##############################] 100%"));
    assertTrue(frames[3].endsWith("\n"));
  }

  @Test
  void elsewhereOnlyAFinalLineIsPrinted() {
    ProgressBar bar = new ProgressBar(new PrintWriter(err), false, "uploaded", clock::get);
    bar.started("site.zip", 2048);
    bar.progressed(1024);
    clock.set(500_000_000L);
    bar.completed(2048);

    assertEquals("uploaded site.zip: 2.0 KiB in 0.5 s (4.0 KiB/s)\n", err.toString());
  }
}
