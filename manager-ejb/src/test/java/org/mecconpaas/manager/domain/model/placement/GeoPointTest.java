package org.mecconpaas.manager.domain.model.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GeoPointTest {
  @Test
  void distancesOnACampus() {
    GeoPoint library = new GeoPoint(52.1570, 4.4850);
    // 0.001 degree of latitude is about 111 m everywhere
    assertEquals(111.2, library.distanceMeters(new GeoPoint(52.1580, 4.4850)), 0.5);
    // a degree of longitude shrinks with the cosine of the latitude (52.157: 0.6137)
    assertEquals(68.3, library.distanceMeters(new GeoPoint(52.1570, 4.4860)), 0.5);
    assertEquals(0, library.distanceMeters(library));
  }

  @Test
  void positionsOutsideTheGlobeAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new GeoPoint(91, 0));
    assertThrows(IllegalArgumentException.class, () -> new GeoPoint(0, -181));
    assertThrows(IllegalArgumentException.class, () -> new GeoPoint(Double.NaN, 0));
  }
}
