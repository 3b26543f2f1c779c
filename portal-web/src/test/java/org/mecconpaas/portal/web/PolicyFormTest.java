package org.mecconpaas.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mecconpaas.catalog.ServiceCatalog;
import org.mecconpaas.catalog.ServiceType;
import org.mecconpaas.manager.application.Autoscaler.PolicyRequest;
import org.mecconpaas.manager.domain.model.RuleViolation.FieldError;
import org.mecconpaas.manager.domain.model.service.AutoscalingPolicy;
import org.mecconpaas.portal.interfaces.web.PolicyForm;

class PolicyFormTest {
  private static final ServiceType PHP = ServiceCatalog.standard().find("php").orElseThrow();

  @Test
  void withoutAPolicyTheFormShowsTheAutoscalersDefaults() {
    PolicyForm form = PolicyForm.of(PHP, null);

    assertEquals(new PolicyRequest("backend", 200, 20, 70, 1, 4, 30), form.request());
  }

  @Test
  void aStoredPolicyIsShownAsStored() {
    PolicyForm form = PolicyForm.of(PHP, new AutoscalingPolicy("web", 350, 10, 80, 2, 6, 60));

    assertEquals(new PolicyRequest("web", 350, 10, 80, 2, 6, 60), form.request());
  }

  @Test
  void anotherRoleStartsFromThatRolesBounds() {
    PolicyForm form = PolicyForm.of(PHP, null);
    form.setMinInstances(3);
    form.setMaxInstances(12);
    form.setRole("web");
    form.roleChanged(PHP);

    assertEquals(1, form.getMinInstances());
    assertEquals(4, form.getMaxInstances());
    assertEquals(200, form.getP95Millis(), "the figures stay as typed");
  }

  @Test
  void onlyRolesWhoseCountCanChangeAreOffered() {
    assertEquals(List.of("web", "backend"), PolicyForm.scalableRoles(PHP));
    assertEquals(
        List.of("web"),
        PolicyForm.scalableRoles(ServiceCatalog.standard().find("java").orElseThrow()));
  }

  @Test
  void theManagersRefusalsGoNextToTheFigureTheyName() {
    assertEquals("p95", input("policy", "p95Millis must be between 1 and 60000"));
    assertEquals("cpuHigh", input("policy", "need 0 <= cpuLowPercent < cpuHighPercent <= 100"));
    assertEquals("max", input("policy", "need 1 <= minInstances <= maxInstances"));
    assertEquals("cooldown", input("policy", "cooldownSeconds must be between 0 and 3600"));
    assertEquals("max", input("maxInstances", "role backend allows 1 to 16 instances"));
    assertEquals("role", input("role", "service type php has no role 'db'"));
    assertNull(input("policy", "something else"), "at the top of the page");
    assertNull(input("type", "service type generic does not autoscale"));
  }

  @Test
  void describedInWords() {
    assertEquals(
        "backend between 1 and 4 instances: out when the p95 response time exceeds 200 ms or CPU"
            + " exceeds 70 %, in when CPU is under 20 %; at most one change every 30 s",
        PolicyForm.describe(new AutoscalingPolicy("backend", 200, 20, 70, 1, 4, 30)));
  }

  private static String input(String field, String message) {
    return PolicyForm.inputFor(new FieldError(field, message));
  }
}
