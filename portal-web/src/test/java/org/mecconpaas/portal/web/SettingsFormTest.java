package org.mecconpaas.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mecconpaas.catalog.ServiceCatalog;
import org.mecconpaas.catalog.SettingSpec;
import org.mecconpaas.portal.interfaces.web.SettingsForm;

class SettingsFormTest {
  private static final List<SettingSpec> PHP =
      ServiceCatalog.standard().find("php").orElseThrow().settings();

  @Test
  void oneFieldPerCatalogSettingFilledWithWhatIsStored() {
    SettingsForm form = SettingsForm.of(PHP, Map.of("memory_limit", "256M"));

    assertEquals(
        List.of("memory_limit", "upload_max_filesize", "max_execution_time", "display_errors"),
        form.getFields().stream().map(SettingsForm.Field::getName).toList());
    SettingsForm.Field memory = form.getFields().get(0);
    assertEquals("256M", memory.getValue());
    assertEquals("256M", memory.getStored());
    assertEquals("16 to 1024, e.g. 16M", memory.getHint());
    assertEquals(List.of(), memory.getChoices());
    SettingsForm.Field errors = form.getFields().get(3);
    assertEquals(null, errors.getValue(), "not set");
    assertEquals(List.of("Off", "On"), errors.getChoices(), "a choice is offered as a menu");
    assertEquals("Off or On", errors.getHint());
  }

  @Test
  void aSaveSendsOnlyWhatChangedAndRemovesWhatWasEmptied() {
    SettingsForm form =
        SettingsForm.of(PHP, Map.of("memory_limit", "256M", "max_execution_time", "30"));
    assertEquals(Map.of(), form.changes(), "nothing typed, nothing to save");

    form.getFields().get(0).setValue(" 512M "); // changed, with stray blanks
    form.getFields().get(1).setValue(""); // was not set, stays unset
    form.getFields().get(2).setValue("  "); // emptied: removed
    form.getFields().get(3).setValue("On"); // newly set

    Map<String, String> expected = new HashMap<>();
    expected.put("memory_limit", "512M");
    expected.put("max_execution_time", null);
    expected.put("display_errors", "On");
    assertEquals(expected, form.changes());
  }

  @Test
  void aRefusalOfOneSettingGoesNextToItsOwnInput() {
    SettingsForm form = SettingsForm.of(PHP, Map.of());

    assertEquals(
        Map.of(
            "memory_limit", "tabs:settings:fields:0:value",
            "upload_max_filesize", "tabs:settings:fields:1:value",
            "max_execution_time", "tabs:settings:fields:2:value",
            "display_errors", "tabs:settings:fields:3:choice"),
        form.clientIds("tabs:settings:fields"));
  }

  @Test
  void aTypeWithoutSettingsHasAnEmptyForm() {
    SettingsForm form = SettingsForm.of(List.of(), Map.of("stale", "1"));
    assertEquals(List.of(), form.getFields());
    assertEquals(Map.of(), form.changes());
  }
}
