package org.mecconpaas.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mecconpaas.manager.application.ServiceOperations.PlacementRequest;
import org.mecconpaas.manager.domain.model.RuleViolation.FieldError;
import org.mecconpaas.manager.domain.model.placement.GeoPoint;
import org.mecconpaas.manager.domain.model.service.PlacementConstraints;
import org.mecconpaas.manager.domain.model.service.PlacementPolicy;
import org.mecconpaas.portal.interfaces.web.PlacementForm;

class PlacementFormTest {
  private static final PlacementConstraints NONE = new PlacementConstraints(null, null, null, null);

  @Test
  void labelsAreSplitOnCommasWithBlanksAndRepeatsDropped() {
    assertEquals(
        List.of("gpu", "outdoor"), List.copyOf(PlacementForm.parseLabels(" gpu, ,outdoor,gpu ,")));
    assertEquals(Set.of(), PlacementForm.parseLabels(""));
    assertEquals(Set.of(), PlacementForm.parseLabels(null));
  }

  @Test
  void aNewServiceShowsSpreadAndTheDefaultRadius() {
    PlacementForm form = PlacementForm.of(PlacementPolicy.SPREAD, NONE);

    assertEquals(new PlacementRequest("spread", null, null, null, null, Set.of()), form.request());
    assertEquals(200.0, form.getNearRadiusMeters());
    assertEquals("", form.getLabels());
  }

  @Test
  void nearSendsItsPointAndRadiusButNotTheUserDistance() {
    PlacementForm form = PlacementForm.of(PlacementPolicy.SPREAD, NONE);
    form.setPolicy("near");
    form.setNearLatitude(52.1);
    form.setNearLongitude(4.3);
    form.setMaxUserDistanceMeters(500.0);
    form.setLabels("gpu");

    assertEquals(
        new PlacementRequest("near", 52.1, 4.3, 200.0, null, Set.of("gpu")), form.request());
  }

  @Test
  void nearUsersSendsOnlyTheUserDistance() {
    PlacementForm form =
        PlacementForm.of(
            PlacementPolicy.NEAR,
            new PlacementConstraints(new GeoPoint(52.1, 4.3), 300.0, null, Set.of()));
    form.setPolicy("near-users");
    form.setMaxUserDistanceMeters(150.0);

    assertEquals(
        new PlacementRequest("near-users", null, null, null, 150.0, Set.of()), form.request());
    assertEquals(52.1, form.getNearLatitude(), "what was typed stays for a switch back");
  }

  @Test
  void storedConstraintsAreShownAndDescribed() {
    PlacementConstraints stored =
        new PlacementConstraints(new GeoPoint(52.1, 4.3), 250.0, null, Set.of("outdoor", "gpu"));
    PlacementForm form = PlacementForm.of(PlacementPolicy.NEAR, stored);

    assertEquals("near", form.getPolicy());
    assertEquals("gpu, outdoor", form.getLabels());
    assertEquals(250.0, form.getNearRadiusMeters());
    assertEquals(
        "near 52.10000, 4.30000 (within 250 m), on nodes labelled gpu, outdoor",
        PlacementForm.describe(PlacementPolicy.NEAR, stored));
    assertEquals(
        "near-users (users at most 80 m away)",
        PlacementForm.describe(
            PlacementPolicy.NEAR_USERS, new PlacementConstraints(null, null, 80.0, null)));
  }

  @Test
  void theManagersRefusalsGoNextToTheFieldTheyName() {
    assertEquals("policy", input("placementPolicy", "placementPolicy must be one of spread"));
    assertEquals("latitude", input("near", "latitude must be within -90..90 and ..."));
    assertEquals("radius", input("near", "no node within 200 m of 52.1, 4.3"));
    assertEquals("latitude", input("placement", "near needs a point: near.latitude and ..."));
    assertEquals("radius", input("placement", "near.radiusMeters must be between 0 and 100000"));
    assertEquals("maxDistance", input("placement", "maxUserDistanceMeters must be between 0"));
    assertEquals("labels", input("placement", "node labels are lower-case words of letters"));
    assertNull(input("placement", "something else"));
    assertNull(input("name", "anything"));
  }

  private static String input(String field, String message) {
    return PlacementForm.inputFor(new FieldError(field, message));
  }
}
