package org.mecconpaas.it.portal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromium-driver. Both paths are fixed, so
 * Selenium Manager is never asked to find (or download) anything; each browser gets a fresh profile
 * in a temporary directory, removed on {@link #close()}.
 */
public final class Browser implements AutoCloseable {
  static final File CHROMIUM = new File("/usr/bin/chromium");
  static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

  /** The laptop the portal is laid out for; tablets are checked with {@link #resize}. */
  public static final Dimension LAPTOP = new Dimension(1280, 800);

  public static final Dimension TABLET = new Dimension(768, 1024);

  private final String baseUrl;
  private final Path profile;
  private final ChromeDriverService service;
  private final ChromeDriver driver;

  private Browser(String baseUrl, Path profile, ChromeDriverService service, ChromeDriver driver) {
    this.baseUrl = baseUrl;
    this.profile = profile;
    this.service = service;
    this.driver = driver;
  }

  /** A fresh browser for the portal at {@code baseUrl}, e.g. {@code http://127.0.0.1:41234}. */
  public static Browser open(String baseUrl) throws IOException {
    if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
      throw new IllegalStateException(
          "browser tests need Debian's chromium and chromium-driver: apt-get install -y chromium"
              + " chromium-driver");
    }
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.getPath());
    Path profile = Files.createTempDirectory("mec-chromium-");
    Path downloads = Files.createDirectories(profile.resolve("downloads"));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.setExperimentalOption(
        "prefs",
        java.util.Map.of(
            "download.default_directory",
            downloads.toString(),
            "download.prompt_for_download",
            false));
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + profile,
        "--window-size=" + LAPTOP.width + "," + LAPTOP.height);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER)
            .usingAnyFreePort()
            .withLogOutput(java.io.OutputStream.nullOutputStream())
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return new Browser(baseUrl, profile, service, driver);
  }

  /** Where the browser saves downloads. */
  public Path downloads() {
    return profile.resolve("downloads");
  }

  public WebDriver driver() {
    return driver;
  }

  /** Opens a page of the portal, e.g. {@code /portal/home.xhtml}. */
  public Browser go(String path) {
    driver.get(baseUrl + path);
    return this;
  }

  public String path() {
    return java.net.URI.create(driver.getCurrentUrl()).getPath();
  }

  public WebElement find(By by) {
    return driver.findElement(by);
  }

  public List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  public WebElement byId(String id) {
    return driver.findElement(By.id(id));
  }

  /** The text of an element that the live poll may replace while it is being read. */
  public String textOf(String id) {
    return await("text of #" + id, Duration.ofSeconds(5), d -> d.findElement(By.id(id)).getText());
  }

  /** Waits for a condition, retrying past elements that a poll replaced meanwhile. */
  public <T> T await(String what, Duration limit, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, limit, Duration.ofMillis(250))
        .ignoring(StaleElementReferenceException.class)
        .ignoring(NoSuchElementException.class)
        .withMessage(what)
        .until(condition);
  }

  public WebElement visible(By by) {
    return await(
        by + " visible", Duration.ofSeconds(15), ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Clicks once the element can take the click (not covered by a dialog that is opening). */
  public void click(By by) {
    await(
        by + " clickable",
        Duration.ofSeconds(15),
        d -> {
          WebElement element = ExpectedConditions.elementToBeClickable(by).apply(d);
          if (element == null) {
            return false;
          }
          try {
            element.click();
            return true;
          } catch (ElementClickInterceptedException covered) {
            return false;
          }
        });
  }

  /** Replaces a field's text. */
  public void type(By by, String text) {
    WebElement field = visible(by);
    field.clear();
    field.sendKeys(text);
  }

  /** Waits until no PrimeFaces request is in flight. */
  public void settle() {
    await(
        "PrimeFaces ajax queue empty",
        Duration.ofSeconds(20),
        d ->
            Boolean.TRUE.equals(
                js(
                    "return document.readyState === 'complete' && (!window.PrimeFaces ||"
                        + " !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty());")));
  }

  public Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  public void resize(Dimension size) {
    driver.manage().window().setSize(size);
  }

  /** The text of the whole page as a user reads it. */
  public String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** A screenshot and the page's HTML, for a failed test. */
  public void saveEvidence(Path dir, String name) {
    try {
      Files.createDirectories(dir);
      byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      Files.write(dir.resolve(name + ".png"), png);
      Files.writeString(
          dir.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      System.err.println("could not save the screenshot " + name + ": " + e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      deleteTree(profile);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
