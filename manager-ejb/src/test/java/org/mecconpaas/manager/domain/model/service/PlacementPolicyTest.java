package org.mecconpaas.manager.domain.model.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlacementPolicyTest {
  @Test
  void labelsAreTheOnesOfTheApi() {
    assertEquals(
        List.of("spread", "pack", "near", "near-users"),
        Arrays.stream(PlacementPolicy.values()).map(PlacementPolicy::label).toList());
  }

  @ParameterizedTest
  @EnumSource(PlacementPolicy.class)
  void eachLabelLeadsBackToItsPolicy(PlacementPolicy policy) {
    assertEquals(Optional.of(policy), PlacementPolicy.ofLabel(policy.label()));
  }

  @Test
  void nearUsersIsNotNear() {
    assertEquals(Optional.of(PlacementPolicy.NEAR_USERS), PlacementPolicy.ofLabel("near-users"));
    assertEquals(Optional.of(PlacementPolicy.NEAR), PlacementPolicy.ofLabel("near"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "SPREAD", "NEAR_USERS", "near_users", "spread ", "random"})
  void otherLabelsAreUnknown(String label) {
    assertTrue(PlacementPolicy.ofLabel(label).isEmpty(), label);
  }
}
