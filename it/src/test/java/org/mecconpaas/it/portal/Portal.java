package org.mecconpaas.it.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What a person does in the portal, in the portal's own terms: sign in, open a tab, read the
 * message next to a field, confirm a question. Element ids are the pages' own (see the .xhtml
 * files); everything else is found as a user would find it, by label or by text.
 */
final class Portal {
  private static final String GALLERY = System.getProperty("mec.it.gallery");

  private Portal() {}

  static void signIn(Browser b, String username, String password) {
    b.go("/login.xhtml");
    b.type(By.id("login:username"), username);
    b.type(By.id("login:password"), password);
    b.click(By.id("login:submit"));
    b.await("dashboard", Duration.ofSeconds(20), d -> b.path().endsWith("/portal/home.xhtml"));
    assertEquals(username, b.textOf("account:caller"));
  }

  static void signOut(Browser b) {
    b.click(By.id("account:logout"));
    b.await("signed out", Duration.ofSeconds(10), d -> b.all(By.id("account:caller")).isEmpty());
  }

  /** The validation message shown next to a field. */
  static String messageFor(Browser b, String clientId) {
    return b.find(
            By.xpath("//*[@id='" + clientId + "']/following::*[contains(@class,'ui-message')][1]"))
        .getText()
        .trim();
  }

  /** Answers "Yes" in the confirmation dialog that a destructive action opened. */
  static void confirm(Browser b) {
    b.click(By.cssSelector(".ui-confirm-dialog .ui-confirmdialog-yes, .ui-confirmdialog-yes"));
    b.settle();
  }

  static void openTab(Browser b, String title) {
    b.click(By.xpath("//ul[@role='tablist']//a[normalize-space()='" + title + "']"));
    b.settle();
  }

  /** The input a label names, as a screen reader finds it. */
  static By fieldLabelled(Browser b, String form, String label) {
    WebElement element =
        b.visible(By.xpath("//form[@id='" + form + "']//label[normalize-space()='" + label + "']"));
    return By.id(element.getAttribute("for"));
  }

  /** The row of a data table that holds {@code text}. */
  static WebElement rowWith(Browser b, String tableId, String text) {
    return b.visible(
        By.xpath(
            "//*[@id='"
                + tableId
                + "_data']/tr[td[normalize-space()='"
                + text
                + "' or .//*[normalize-space()='"
                + text
                + "']]]"));
  }

  /** Clicks a row's button (by the end of its id), retrying while a poll redraws the table. */
  static void clickInRow(Browser b, String tableId, String text, String button) {
    b.await(
        button + " of " + text,
        Duration.ofSeconds(15),
        d -> {
          rowWith(b, tableId, text)
              .findElement(By.cssSelector("button[id$=':" + button + "']"))
              .click();
          return true;
        });
  }

  /** With {@code -Dmec.it.gallery=DIR}, a screenshot of each step worth seeing. */
  static void shot(Browser b, String name) {
    if (GALLERY != null && !GALLERY.isBlank()) {
      b.settle();
      b.saveEvidence(Path.of(GALLERY), name);
    }
  }
}
