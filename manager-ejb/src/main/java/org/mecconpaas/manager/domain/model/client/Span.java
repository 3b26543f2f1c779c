package org.mecconpaas.manager.domain.model.client;

import java.util.SplittableRandom;

/** A closed range of numbers, such as the speeds a random walker picks from. */
public record Span(double min, double max) {
  public Span {
    if (!(min <= max)) {
      throw new IllegalArgumentException("a span needs min <= max");
    }
  }

  /** Uniform in [min, max]. */
  double pick(SplittableRandom random) {
    return min == max ? min : min + random.nextDouble() * (max - min);
  }
}
