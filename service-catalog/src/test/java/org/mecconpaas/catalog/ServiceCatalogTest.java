package org.mecconpaas.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceCatalogTest {

  private final ServiceCatalog catalog = ServiceCatalog.standard();

  @Test
  void offersTheConPaasServiceTypesWithTheirRoles() {
    assertEquals(
        List.of("generic", "php", "java", "mysql", "storage", "taskfarm", "mapreduce", "flink"),
        catalog.types().stream().map(ServiceType::name).toList());
    assertEquals(
        List.of("namenode", "datanode", "resourcemanager", "nodemanager"),
        catalog.find("mapreduce").orElseThrow().roles().stream().map(RoleSpec::name).toList());
    assertEquals(
        List.of("proxy", "web", "backend"),
        catalog.find("php").orElseThrow().roles().stream().map(RoleSpec::name).toList());
  }

  @Test
  void defaultStartSetOfGenericIsOneMasterAndNoNodes() {
    assertEquals(
        Map.of("master", 1, "node", 0), catalog.find("generic").orElseThrow().defaultStartSet());
  }

  @Test
  void unknownTypeIsAbsent() {
    assertEquals(Optional.empty(), catalog.find("cobol"));
  }

  @Test
  void roleCountsOutsideBoundsOrUnknownRolesAreViolations() {
    ServiceType flink = catalog.find("flink").orElseThrow();
    assertTrue(flink.violations(Map.of("taskmanager", 4)).isEmpty());
    assertEquals(1, flink.violations(Map.of("jobmanager", 2)).size());
    assertEquals(1, flink.violations(Map.of("taskmanager", 0)).size());
    assertTrue(flink.violations(Map.of("worker", 1)).get(0).contains("no role 'worker'"));
  }

  @Test
  void codeFormatsFollowTheServiceType() {
    assertTrue(catalog.find("java").orElseThrow().accepts(CodeFormat.WAR));
    assertFalse(catalog.find("java").orElseThrow().accepts(CodeFormat.ZIP));
    assertTrue(catalog.find("generic").orElseThrow().accepts(CodeFormat.TAR_GZ));
    assertTrue(catalog.find("storage").orElseThrow().codeFormats().isEmpty());
  }

  @Test
  void fileNamesMapToFormats() {
    assertEquals(Optional.of(CodeFormat.TAR_GZ), CodeFormat.ofFileName("app.TGZ"));
    assertEquals(Optional.of(CodeFormat.TAR_GZ), CodeFormat.ofFileName("app.tar.gz"));
    assertEquals(Optional.of(CodeFormat.WAR), CodeFormat.ofFileName("shop.war"));
    assertEquals(Optional.empty(), CodeFormat.ofFileName("notes.txt"));
    assertEquals(Optional.empty(), CodeFormat.ofFileName(".zip"));
  }

  @Test
  void roleBoundsMustBeConsistent() {
    assertThrows(IllegalArgumentException.class, () -> new RoleSpec("x", "", 2, 1, 1));
  }
}
