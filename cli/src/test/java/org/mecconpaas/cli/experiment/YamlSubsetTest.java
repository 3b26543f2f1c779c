package org.mecconpaas.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlSubsetTest {

  @Test
  void readsNestedMappingsSequencesFlowCollectionsQuotesAndComments() {
    Object tree =
        YamlSubset.parse(
            """
            ---
            # a comment
            name: walk   # trailing comment
            quoted: "a # not a comment"
            single: 'it''s'
            empty:
            services:
              - name: echo
                roles: {master: 1, node: 2}
                placement:
                  policy: near-users
              - name: "pack"
            speed: [0.5, 2]
            nested: [[1, 2], {a: b}]
            list:
            - x
            - y
            """);
    Map<?, ?> map = (Map<?, ?>) tree;
    assertEquals("walk", map.get("name"));
    assertEquals("a # not a comment", map.get("quoted"));
    assertEquals("it's", map.get("single"));
    assertTrue(map.containsKey("empty"));
    assertNull(map.get("empty"));
    List<?> services = (List<?>) map.get("services");
    assertEquals(2, services.size());
    Map<?, ?> echo = (Map<?, ?>) services.get(0);
    assertEquals(Map.of("master", "1", "node", "2"), echo.get("roles"));
    assertEquals(Map.of("policy", "near-users"), echo.get("placement"));
    assertEquals(Map.of("name", "pack"), services.get(1));
    assertEquals(List.of("0.5", "2"), map.get("speed"));
    assertEquals(List.of(List.of("1", "2"), Map.of("a", "b")), map.get("nested"));
    assertEquals(List.of("x", "y"), map.get("list"));
  }

  @Test
  void refusesWhatItDoesNotSupportWithTheLine() {
    assertEquals(
        "line 2: tabs cannot indent YAML; use spaces",
        assertThrows(IllegalArgumentException.class, () -> YamlSubset.parse("a:\n\tb: 1\n"))
            .getMessage());
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> YamlSubset.parse("a: 1\na: 2\n"))
            .getMessage()
            .contains("line 2: key 'a' appears twice"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> YamlSubset.parse("a: &x 1\n"))
            .getMessage()
            .contains("anchors"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> YamlSubset.parse("a: |\n  text\n"))
            .getMessage()
            .contains("multi-line"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> YamlSubset.parse("a: 1\n   b: 2\n"))
            .getMessage()
            .contains("line 2"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> YamlSubset.parse("a: [1, 2\n"))
            .getMessage()
            .contains("line 1"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> YamlSubset.parse("just text\n"))
            .getMessage()
            .contains("expected 'key: value'"));
  }

  @Test
  void anEmptyDocumentIsNull() {
    assertNull(YamlSubset.parse("# nothing\n\n"));
  }
}
