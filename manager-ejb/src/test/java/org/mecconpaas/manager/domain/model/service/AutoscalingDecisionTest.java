package org.mecconpaas.manager.domain.model.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mecconpaas.manager.domain.model.service.AutoscalingDecision.Action;
import org.mecconpaas.manager.domain.model.service.AutoscalingDecision.Inputs;

class AutoscalingDecisionTest {
  private static final AutoscalingPolicy POLICY =
      new AutoscalingPolicy("backend", 200, 20, 70, 1, 3, 30);
  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

  private static AutoscalingDecision decide(int current, Inputs in, Instant lastScaled) {
    return AutoscalingDecision.decide(POLICY, current, in, lastScaled, NOW);
  }

  @Test
  void outWhenTheObjectiveIsMissedOrTheCpuRunsHot() {
    AutoscalingDecision slow = decide(1, new Inputs(450.0, 30.0, 40.0), null);
    assertEquals(Action.OUT, slow.action());
    assertEquals(2, slow.instances());
    assertTrue(slow.reason().startsWith("p95 over objective; p95 450 ms (objective 200 ms)"));
    assertTrue(slow.reason().contains("40.0 req/s"), slow.reason());

    assertEquals(Action.OUT, decide(2, new Inputs(50.0, 90.0, 10.0), null).action());
  }

  @Test
  void neverBeyondTheBoundsNorWithinTheCoolDown() {
    assertEquals(Action.HOLD, decide(3, new Inputs(900.0, 99.0, 80.0), null).action());
    AutoscalingDecision cooling = decide(1, new Inputs(900.0, 99.0, 80.0), NOW.minusSeconds(10));
    assertEquals(Action.HOLD, cooling.action());
    assertTrue(cooling.reason().startsWith("cooling down"));
    assertEquals(
        Action.OUT, decide(1, new Inputs(900.0, 99.0, 80.0), NOW.minusSeconds(31)).action());
    assertEquals(Action.IN, decide(5, new Inputs(900.0, 99.0, 80.0), null).action());
  }

  @Test
  void inOnlyWhenLatencyAndCpuAreBothComfortablyLow() {
    AutoscalingDecision idle = decide(3, new Inputs(null, 2.0, null), null);
    assertEquals(Action.IN, idle.action());
    assertEquals(2, idle.instances());
    assertTrue(idle.reason().contains("p95 unknown"), idle.reason());

    assertEquals(Action.HOLD, decide(3, new Inputs(150.0, 2.0, 5.0), null).action(), "p95 > half");
    assertEquals(Action.HOLD, decide(3, new Inputs(20.0, 40.0, 5.0), null).action(), "CPU busy");
    assertEquals(Action.HOLD, decide(1, new Inputs(20.0, 2.0, 5.0), null).action(), "at the min");
    assertEquals(Action.HOLD, decide(2, new Inputs(20.0, null, 5.0), null).action(), "no CPU");
  }

  @Test
  void policiesWithImpossibleFiguresSayWhy() {
    assertEquals(4, new AutoscalingPolicy("backend", 0, 80, 70, 0, 0, -1).violations().size());
    assertTrue(POLICY.violations().isEmpty());
  }
}
