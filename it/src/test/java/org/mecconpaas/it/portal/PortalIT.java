package org.mecconpaas.it.portal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mecconpaas.it.portal.Portal.clickInRow;
import static org.mecconpaas.it.portal.Portal.confirm;
import static org.mecconpaas.it.portal.Portal.fieldLabelled;
import static org.mecconpaas.it.portal.Portal.messageFor;
import static org.mecconpaas.it.portal.Portal.openTab;
import static org.mecconpaas.it.portal.Portal.rowWith;
import static org.mecconpaas.it.portal.Portal.shot;
import static org.mecconpaas.it.portal.Portal.signIn;
import static org.mecconpaas.it.portal.Portal.signOut;

import jakarta.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mecconpaas.it.ApiClient;
import org.mecconpaas.it.MasterSetup;
import org.mecconpaas.it.RunningMaster;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * The portal in a real browser (headless Chromium) against the real master with an emulated edge of
 * three nodes. The first start as admin, then a newcomer's whole path: sign in, create an
 * application, add a generic service, upload a bundle, start it and watch it reach RUNNING with its
 * instance on the map, scale to three instances, read a log, stop. A second developer must find
 * nothing of the first one's anywhere. A PHP service (never started) gets settings and an
 * autoscaling policy, and a Flink service that does not run says so on its Jobs tab. Then the rest
 * of what a researcher and an operator do. The steps build on each other, hence the fixed order; a
 * failure leaves a screenshot and the page's HTML in {@code target/screenshots} ({@code
 * -Dmec.it.gallery=DIR} keeps one of every step).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
@ExtendWith(ScreenshotOnFailure.class)
class PortalIT implements ScreenshotOnFailure.Witnessed {
  private static final Duration SETTLE = Duration.ofSeconds(90);
  private static final Duration QUICK = Duration.ofSeconds(15);
  private static final String NEW_ADMIN_PASSWORD = "the admin's own password";
  private static final String ALICE_PASSWORD = "alice password 1234";
  private static final String BOB_PASSWORD = "bob password 12345";
  private static final String SERVICE_PAGE = "/portal/service.xhtml?app=lab&name=web";
  private static final String PHP_PAGE = "/portal/service.xhtml?app=lab&name=shop";
  private static final String FLINK_PAGE = "/portal/service.xhtml?app=lab&name=stream";

  private MasterSetup setup;
  private RunningMaster master;
  private ApiClient anonymous;
  private ApiClient admin;
  private ApiClient alice;
  private Browser browser;
  private Browser second;
  private Path bundle;

  @BeforeAll
  void startMasterWithEdgeAndBrowser() throws Exception {
    setup =
        MasterSetup.fresh(
            MasterSetup.pathProperty("mec.launcher"), MasterSetup.pathProperty("mec.it.work-dir"));
    master = RunningMaster.start(setup, "--nodes", "3");
    anonymous = ApiClient.anonymous(master.api());
    admin = anonymous.login("admin", setup.adminPassword());
    await("three emulated nodes UP")
        .atMost(SETTLE)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                admin.get("/nodes").expect(200).array().stream()
                        .filter(n -> n.asJsonObject().getString("state").equals("UP"))
                        .count()
                    == 3);
    bundle = bundle(setup.dataDir().getParent().resolve("hello.zip"), "hello");
    browser = Browser.open(master.url());
  }

  @AfterAll
  void stop() {
    for (AutoCloseable open : new AutoCloseable[] {second, browser, master}) {
      try {
        if (open != null) {
          open.close();
        }
      } catch (Exception e) {
        System.err.println("could not close " + open + ": " + e);
      }
    }
  }

  @Override
  public List<Browser> openBrowsers() {
    List<Browser> open = new ArrayList<>();
    if (browser != null) {
      open.add(browser);
    }
    if (second != null) {
      open.add(second);
    }
    return open;
  }

  @Test
  @Order(1)
  void theFirstAdminReplacesThePrintedPasswordAndCreatesADeveloper() throws Exception {
    browser.go("/portal/home.xhtml");
    assertTrue(browser.path().endsWith("/login.xhtml"), "anonymous users are sent to sign in");
    browser.click(By.id("login:submit"));
    // the message arrives with the form's ajax update, which replaces the element being read
    browser.await(
        "the required-field message next to the username",
        QUICK,
        d -> messageFor(browser, "login:username").equals("Type your username"));
    shot(browser, "01-login");
    signIn(browser, "admin", setup.adminPassword());
    browser.visible(By.id("live:first-start"));
    assertEquals("3 / 3", browser.textOf("count-nodes"));
    assertEquals(3, browser.all(By.cssSelector("svg.edge-map g.node")).size());
    shot(browser, "02-first-start");

    browser.click(By.id("nav-account"));
    browser.type(By.id("password:currentPassword"), setup.adminPassword());
    browser.type(By.id("password:newPassword"), "too short");
    browser.type(By.id("password:repeatPassword"), "too short");
    browser.click(By.id("password:change"));
    browser.await(
        "the length rule next to the field",
        QUICK,
        d -> messageFor(browser, "password:newPassword").contains("12 characters"));
    browser.type(By.id("password:currentPassword"), setup.adminPassword());
    browser.type(By.id("password:newPassword"), NEW_ADMIN_PASSWORD);
    browser.type(By.id("password:repeatPassword"), NEW_ADMIN_PASSWORD);
    browser.click(By.id("password:change"));
    browser.await("changed", QUICK, d -> browser.text().contains("Password changed"));
    anonymous.login("admin", NEW_ADMIN_PASSWORD);

    browser.click(By.id("nav-users"));
    browser.type(By.id("create:username"), "Not A Label");
    browser.click(By.id("create:submit"));
    browser.await(
        "validation message next to the username",
        QUICK,
        d -> messageFor(browser, "create:username").contains("a-z"));
    browser.type(By.id("create:username"), "alice");
    browser.type(By.id("create:password"), ALICE_PASSWORD);
    browser.click(By.id("create:submit"));
    browser.await(
        "alice in the accounts table",
        QUICK,
        d -> browser.byId("list:users").getText().contains("alice"));
    shot(browser, "03-users");
    browser.click(By.id("nav-dashboard"));
    assertTrue(browser.all(By.id("live:first-start")).isEmpty(), "the first start is over");
    signOut(browser);
  }

  @Test
  @Order(2)
  void aNewcomerDeploysAGenericServiceAndSeesItRunOnTheMap() throws Exception {
    signIn(browser, "alice", ALICE_PASSWORD);
    assertTrue(browser.all(By.id("nav-users")).isEmpty(), "no operator pages for alice");
    browser.click(By.id("nav-applications"));
    browser.type(By.id("create:name"), "lab");
    browser.type(By.id("create:description"), "portal test");
    browser.click(By.id("create:submit"));
    browser.await("application page", QUICK, d -> browser.path().endsWith("/application.xhtml"));
    assertEquals("lab", browser.textOf("app-name"));

    browser.type(By.id("add:serviceName"), "web");
    // generic is the default type: one master, no further node
    shot(browser, "04-add-service");
    browser.click(By.id("add:submit"));
    browser.await("service page", QUICK, d -> browser.path().endsWith("/service.xhtml"));
    assertEquals("INIT", serviceState());
    openTab(browser, "Metrics");
    assertTrue(browser.textOf("tabs:metrics:charts").contains("No instances"));
    assertEquals(0, browser.all(By.cssSelector("[id='tabs:metrics:charts'] canvas")).size());

    openTab(browser, "Code");
    upload(bundle);
    browser.await(
        "version 1 in the table",
        Duration.ofSeconds(30),
        d -> browser.byId("tabs:code:versions").getText().contains("hello.zip"));
    assertTrue(browser.textOf("tabs:code:versions").contains("active"));

    browser.click(By.id("actions:start"));
    browser.await(
        "RUNNING after PROLOGUE",
        SETTLE,
        d -> serviceState().equals("RUNNING") && runningMarkers() == 1);
    openTab(browser, "Instances");
    assertEquals(1, instanceRows());
    alice = anonymous.login("alice", ALICE_PASSWORD);
    String endpoint =
        alice.get("/applications/lab/services/web").expect(200).object().getString("endpoint");
    assertTrue(endpoint.matches("http://[0-9.]+:\\d+"), endpoint);
    browser.await(
        "the endpoint as a link in the head",
        QUICK,
        d -> browser.byId("live:endpoint").getText().equals(endpoint));
    assertTrue(browser.byId("live:endpoint").getAttribute("href").startsWith(endpoint));
    shot(browser, "05-running");

    browser.click(By.id("actions:run"));
    openTab(browser, "Logs");
    browser.await(
        "run.sh's output in the followed log",
        SETTLE,
        d -> browser.byId("tabs:logs:text").getText().contains("hello from master"));
    shot(browser, "06-logs");

    // the charts appear with the poll on the page opened before the instance existed
    openTab(browser, "Metrics");
    browser.await(
        "the instance's own CPU and memory, labelled with its name and role, over a clock",
        SETTLE,
        d -> {
          List<String> cpu = chartLines("cpu");
          List<String> times = timeLabels("cpu");
          return cpu.size() == 1
              && cpu.get(0).matches("s\\d+-master-\\d+ \\(master\\)")
              && chartedInstances("memory") == 1
              && !times.isEmpty()
              && times.stream().allMatch(t -> t.matches("\\d\\d:\\d\\d:\\d\\d"));
        });
    assertTrue(browser.all(By.id("tabs:metrics:requests")).isEmpty(), "run.sh serves no requests");
  }

  @Test
  @Order(3)
  void scalingToThreeShowsThreeInstancesOnTheMapAndInTheTable() throws Exception {
    String endpoint =
        alice.get("/applications/lab/services/web").expect(200).object().getString("endpoint");
    browser.go("/portal/application.xhtml?name=lab");
    WebElement link =
        rowWith(browser, "services:table", "web").findElement(By.cssSelector("a[id$=':endpoint']"));
    assertEquals(endpoint, link.getText(), "the applications' service list links the endpoint");

    browser.go(SERVICE_PAGE);
    WebElement nodes = browser.visible(fieldLabelled(browser, "tabs:scale", "node"));
    nodes.sendKeys(Keys.chord(Keys.CONTROL, "a"), "99");
    browser.click(By.id("tabs:scale:apply"));
    browser.await(
        "the refusal next to the roles",
        QUICK,
        d -> !browser.byId("tabs:scale:roles").getText().isBlank());
    assertEquals(1, instanceRows(), "nothing changed");
    nodes = browser.visible(fieldLabelled(browser, "tabs:scale", "node"));
    nodes.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2");
    browser.click(By.id("tabs:scale:apply"));
    browser.await(
        "three instances RUNNING on the map",
        SETTLE,
        d -> serviceState().equals("RUNNING") && runningMarkers() == 3 && instanceRows() == 3);
    assertEquals(3, markers(), "one marker per instance");
    shot(browser, "07-three-instances");

    openTab(browser, "Logs");
    browser.click(By.id("tabs:logs:instance"));
    assertEquals(
        3,
        browser.all(By.cssSelector("[id='tabs:logs:instance_items'] li")).size(),
        "every instance's log can be read");
    browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
    openTab(browser, "Events");
    assertTrue(browser.textOf("tabs:events:timeline").contains("service.state"));
    openTab(browser, "Metrics");
    browser.await(
        "every instance's CPU and memory charted",
        SETTLE,
        d ->
            chartedInstances("cpu") == 3
                && chartedInstances("memory") == 3
                && browser.all(By.id("tabs:metrics:no-figures")).isEmpty());
    assertEquals(2, browser.all(By.cssSelector("[id='tabs:metrics:charts'] canvas")).size());
    browser.js("arguments[0].scrollIntoView();", browser.byId("tabs:metrics:charts"));
    shot(browser, "08-metrics");
  }

  @Test
  @Order(4)
  void aSecondDeveloperSeesNothingOfTheFirstOnesAnywhere() throws Exception {
    admin
        .post(
            "/users",
            Json.createObjectBuilder()
                .add("username", "bob")
                .add("role", "DEVELOPER")
                .add("password", BOB_PASSWORD)
                .build())
        .expect(201);
    second = Browser.open(master.url());
    signIn(second, "bob", BOB_PASSWORD);
    assertEquals("0", second.textOf("count-applications"));
    assertEquals("0", second.textOf("count-instances"));
    for (String page :
        List.of(
            "/portal/home.xhtml",
            "/portal/applications.xhtml",
            "/portal/application.xhtml?name=lab",
            SERVICE_PAGE,
            "/portal/catalog.xhtml",
            "/portal/account.xhtml",
            "/portal/admin/nodes.xhtml",
            "/portal/admin/users.xhtml")) {
      second.go(page);
      second.settle();
      String text = second.text();
      assertFalse(text.contains("hello.zip"), page + " shows alice's code: " + text);
      assertFalse(text.contains("portal test"), page + " shows alice's application: " + text);
      assertFalse(text.contains("lab/web"), page + " shows alice's service: " + text);
      assertFalse(text.contains("alice"), page + " shows alice: " + text);
      assertFalse(text.matches("(?s).*\\bs\\d+-(master|node)-\\d.*"), page + " shows an instance");
    }
    second.go(SERVICE_PAGE);
    assertTrue(second.text().contains("Service not found"));
    second.go("/portal/application.xhtml?name=lab");
    assertTrue(second.text().contains("Application not found"));
    second.go("/portal/admin/nodes.xhtml");
    assertTrue(second.text().contains("Operators only"), second.text());

    second.go("/portal/home.xhtml");
    WebElement busy =
        second.visible(By.cssSelector("svg.edge-map g.node:not([data-containers='0'])"));
    String name = busy.getAttribute("data-node");
    second.click(By.id("map-node-" + name));
    second.await(
        "detail of " + name,
        QUICK,
        d -> second.byId("live:node-detail").getText().contains("Node " + name));
    String detail = second.textOf("live:node-detail");
    assertTrue(detail.contains("None of your instances runs here"), detail);
    shot(second, "09-bob-sees-the-node-not-the-instances");
    signOut(second);
  }

  @Test
  @Order(5)
  void everyPageWorksByKeyboardOnALaptopAndATablet() {
    for (String page :
        List.of(
            "/portal/home.xhtml",
            "/portal/applications.xhtml",
            "/portal/application.xhtml?name=lab",
            SERVICE_PAGE,
            "/portal/catalog.xhtml",
            "/portal/account.xhtml")) {
      browser.go(page);
      for (Dimension size : List.of(Browser.LAPTOP, Browser.TABLET)) {
        browser.resize(size);
        browser.settle();
        Number overflow =
            (Number)
                browser.js(
                    "return document.documentElement.scrollWidth"
                        + " - document.documentElement.clientWidth;");
        assertTrue(overflow.intValue() <= 0, page + " scrolls sideways at " + size);
      }
      if (page.equals(SERVICE_PAGE)) {
        shot(browser, "10-service-page-on-a-tablet");
      }
      browser.resize(Browser.LAPTOP);
    }

    browser.go("/portal/home.xhtml");
    browser.byId("main").click();
    // from the skip link onwards, Tab reaches a node of the map; Enter opens its detail
    String name = tabTo(By.cssSelector("svg.edge-map g.node"), 40).getAttribute("data-node");
    browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
    browser.await(
        "node detail opened from the keyboard",
        QUICK,
        d -> browser.byId("live:node-detail").getText().contains("Node " + name));
    shot(browser, "11-node-detail");
  }

  @Test
  @Order(6)
  void stoppingAsksFirstThenReleasesEveryInstance() {
    browser.go(SERVICE_PAGE);
    browser.click(By.id("actions:stop"));
    browser.click(By.cssSelector(".ui-confirmdialog-no"));
    browser.settle();
    assertEquals("RUNNING", serviceState(), "No keeps it running");
    browser.click(By.id("actions:stop"));
    confirm(browser);
    browser.await(
        "STOPPED without instances",
        SETTLE,
        d -> serviceState().equals("STOPPED") && markers() == 0 && instanceRows() == 0);
    browser.await(
        "it can start again", QUICK, d -> browser.find(By.id("actions:start")).isEnabled());
  }

  @Test
  @Order(7)
  void codeVersionsAreEnabledDownloadedAndDeleted() throws Exception {
    browser.go(SERVICE_PAGE);
    openTab(browser, "Code");
    upload(bundle(setup.dataDir().getParent().resolve("second.zip"), "second"));
    browser.await(
        "version 2 waits to be enabled",
        Duration.ofSeconds(30),
        d -> rowWith(browser, "tabs:code:versions", "second.zip").getText().contains("Enable"));
    clickInRow(browser, "tabs:code:versions", "second.zip", "enable");
    browser.await(
        "version 2 active",
        QUICK,
        d -> rowWith(browser, "tabs:code:versions", "second.zip").getText().contains("active"));

    clickInRow(browser, "tabs:code:versions", "hello.zip", "download");
    Path downloaded = browser.downloads().resolve("hello.zip");
    await("the download").atMost(QUICK).until(() -> Files.exists(downloaded));
    await().atMost(QUICK).until(() -> Files.size(downloaded) == Files.size(bundle));
    assertArrayEquals(Files.readAllBytes(bundle), Files.readAllBytes(downloaded));

    browser.go(SERVICE_PAGE);
    openTab(browser, "Code");
    clickInRow(browser, "tabs:code:versions", "hello.zip", "delete");
    confirm(browser);
    browser.await(
        "version 1 gone",
        QUICK,
        d -> !browser.byId("tabs:code:versions").getText().contains("hello.zip"));
    shot(browser, "12-code-versions");
  }

  @Test
  @Order(8)
  void aPhpServicesSettingsAreSavedOnlyWhenEveryOneIsValid() throws Exception {
    alice
        .post(
            "/applications/lab/services",
            Json.createObjectBuilder().add("name", "shop").add("type", "php").build())
        .expect(201);
    browser.go(PHP_PAGE);
    assertTrue(browser.textOf("endpoint-line").contains("No endpoint yet"));
    openTab(browser, "Settings");
    By memory = fieldLabelled(browser, "tabs:settings", "memory_limit");
    By upload = fieldLabelled(browser, "tabs:settings", "upload_max_filesize");
    browser.type(memory, "512M");
    browser.type(upload, "4096M");
    browser.click(By.id("tabs:settings:save"));
    browser.await(
        "the bound next to upload_max_filesize",
        QUICK,
        d ->
            messageFor(browser, browser.find(upload).getAttribute("id"))
                .contains("between 1 and 512"));
    assertTrue(
        browser.all(By.cssSelector("[id='tabs:settings'] .ui-message-error")).size() == 1,
        "memory_limit has no message");
    assertEquals("512M", browser.find(memory).getAttribute("value"), "what was typed stays");
    assertEquals(
        "{}",
        alice.get("/applications/lab/services/shop/settings").expect(200).object().toString(),
        "nothing saved, not even the valid one");
    shot(browser, "12a-settings-refused");

    browser.type(upload, "64M");
    browser.click(By.id("tabs:settings:save"));
    browser.await(
        "saved", QUICK, d -> browser.byId("messages").getText().contains("Settings saved"));
    var stored = alice.get("/applications/lab/services/shop/settings").expect(200).object();
    assertEquals("512M", stored.getString("memory_limit"));
    assertEquals("64M", stored.getString("upload_max_filesize"));
    browser.go(PHP_PAGE);
    openTab(browser, "Settings");
    assertEquals(
        "64M",
        browser
            .find(fieldLabelled(browser, "tabs:settings", "upload_max_filesize"))
            .getAttribute("value"));
    assertNoSidewaysScroll();
  }

  @Test
  @Order(9)
  void anAutoscalingPolicyIsCheckedSavedShownAndRemoved() throws Exception {
    browser.go(PHP_PAGE);
    openTab(browser, "Autoscaling");
    assertTrue(browser.textOf("policy-state").contains("no policy"));
    assertEquals(
        "200", browser.byId("tabs:autoscaling:p95").getAttribute("value"), "defaults shown");
    assertEquals("backend", browser.textOf("tabs:autoscaling:role_label"));

    browser.type(By.id("tabs:autoscaling:p95"), "0");
    browser.click(By.id("tabs:autoscaling:save"));
    browser.await(
        "the range next to the p95 objective",
        QUICK,
        d -> messageFor(browser, "tabs:autoscaling:p95").contains("1 to 60000"));
    browser.type(By.id("tabs:autoscaling:p95"), "300");
    browser.type(By.id("tabs:autoscaling:cpuLow"), "80");
    browser.click(By.id("tabs:autoscaling:save"));
    browser.await(
        "the manager's refusal next to the CPU marks",
        QUICK,
        d -> messageFor(browser, "tabs:autoscaling:cpuHigh").contains("cpuLowPercent"));
    assertEquals(404, alice.get("/applications/lab/services/shop/autoscaling").status());

    browser.type(By.id("tabs:autoscaling:cpuLow"), "25");
    browser.type(By.id("tabs:autoscaling:max"), "3");
    browser.click(By.id("tabs:autoscaling:save"));
    browser.await(
        "the policy shown",
        QUICK,
        d -> browser.byId("policy-state").getText().contains("backend between 1 and 3 instances"));
    assertTrue(browser.textOf("policy-state").contains("300 ms"));
    var policy = alice.get("/applications/lab/services/shop/autoscaling").expect(200).object();
    assertEquals(300, policy.getInt("p95Millis"));
    assertEquals(25, policy.getInt("cpuLowPercent"));
    assertEquals(3, policy.getInt("maxInstances"));
    shot(browser, "12b-autoscaling");

    browser.go(PHP_PAGE);
    openTab(browser, "Autoscaling");
    assertEquals("300", browser.byId("tabs:autoscaling:p95").getAttribute("value"));
    openTab(browser, "Events");
    assertTrue(browser.textOf("tabs:events:timeline").contains("autoscale.policy"));
    openTab(browser, "Autoscaling");
    browser.click(By.id("tabs:autoscaling:remove"));
    confirm(browser);
    browser.await(
        "removed", QUICK, d -> browser.byId("policy-state").getText().contains("no policy"));
    assertEquals(404, alice.get("/applications/lab/services/shop/autoscaling").status());
    assertNoSidewaysScroll();
  }

  @Test
  @Order(10)
  void theJobsTabOfAFlinkServiceThatDoesNotRunSaysSo() throws Exception {
    alice
        .post(
            "/applications/lab/services",
            Json.createObjectBuilder().add("name", "stream").add("type", "flink").build())
        .expect(201);
    browser.go(FLINK_PAGE);
    assertTrue(
        browser.all(By.xpath("//ul[@role='tablist']//a[normalize-space()='Settings']")).isEmpty(),
        "flink has no settings");
    openTab(browser, "Jobs");
    assertTrue(
        browser.visible(By.id("jobs-unavailable")).getText().contains("no running JobManager"),
        browser.textOf("jobs-unavailable"));
    browser.click(By.id("tabs:jobsubmit:submit"));
    browser.await(
        "the refusal at the top",
        QUICK,
        d -> browser.byId("messages").getText().contains("no running JobManager"));
    // the poll asks again while the tab is shown (a fresh element), and still says why
    browser.js("document.getElementById('jobs-unavailable').dataset.seen = 'yes';");
    browser.await(
        "the jobs list redrawn by the poll",
        QUICK,
        d ->
            browser.find(By.id("jobs-unavailable")).getAttribute("data-seen") == null
                && browser.byId("jobs-unavailable").getText().contains("no running JobManager"));
    assertFalse(browser.text().contains("Exception"), browser.text());
    shot(browser, "12c-jobs-without-jobmanager");
    assertNoSidewaysScroll();
  }

  @Test
  @Order(11)
  void applicationsAreRenamedAndDeletedAfterAConfirmation() {
    browser.click(By.id("nav-applications"));
    browser.type(By.id("create:name"), "scratch");
    browser.click(By.id("create:submit"));
    browser.await("created", QUICK, d -> browser.path().endsWith("/application.xhtml"));
    browser.click(By.id("nav-applications"));
    browser.type(By.id("create:name"), "lab");
    browser.click(By.id("create:submit"));
    browser.await(
        "a second lab is refused next to the name",
        QUICK,
        d -> messageFor(browser, "create:name").contains("already"));

    clickInRow(browser, "list:applications", "scratch", "rename");
    browser.type(By.id("rename:newName"), "sandbox");
    shot(browser, "13-rename");
    browser.click(By.id("rename:save"));
    browser.await(
        "renamed", QUICK, d -> browser.byId("list:applications").getText().contains("sandbox"));

    clickInRow(browser, "list:applications", "sandbox", "delete");
    assertTrue(browser.visible(By.cssSelector(".ui-confirm-dialog")).getText().contains("sandbox"));
    confirm(browser);
    browser.await(
        "deleted", QUICK, d -> !browser.byId("list:applications").getText().contains("sandbox"));
    assertTrue(browser.textOf("list:applications").contains("lab"));
  }

  @Test
  @Order(12)
  void anOperatorDrainsANodeIssuesAJoinTokenAndDisablesAnAccount() throws Exception {
    second = second == null ? Browser.open(master.url()) : second;
    signIn(second, "admin", NEW_ADMIN_PASSWORD);
    second.click(By.id("nav-nodes"));
    clickInRow(second, "nodes:table", "n1", "drain");
    confirm(second);
    second.await(
        "n1 DRAINING",
        QUICK,
        d -> rowWith(second, "nodes:table", "n1").getText().contains("DRAINING"));
    clickInRow(second, "nodes:table", "n1", "undrain");
    second.await(
        "n1 UP", QUICK, d -> rowWith(second, "nodes:table", "n1").getText().contains("UP"));

    second.type(By.id("enroll:tokenNode"), "pi-01");
    second.click(By.id("enroll:issue"));
    String token = second.visible(By.id("issued-join-token")).getText();
    assertTrue(token.startsWith("join_"), token);
    shot(second, "14-nodes");
    second.click(By.id("enroll:dismiss"));
    second.await("the token is gone", QUICK, d -> second.all(By.id("issued-join-token")).isEmpty());
    assertTrue(rowWith(second, "enroll:tokens", "pi-01").getText().contains("open"));

    Browser bobs = Browser.open(master.url());
    try {
      signIn(bobs, "bob", BOB_PASSWORD);
      second.click(By.id("nav-users"));
      clickInRow(second, "list:users", "bob", "disable");
      confirm(second);
      second.await(
          "bob disabled",
          QUICK,
          d -> rowWith(second, "list:users", "bob").getText().contains("disabled"));
      bobs.await(
          "the next poll of bob's dashboard ends his session",
          QUICK,
          d -> bobs.path().endsWith("/login.xhtml") && bobs.text().contains("disabled"));
    } finally {
      bobs.close();
    }
    assertEquals(
        401,
        anonymous
            .post(
                "/auth/tokens",
                Json.createObjectBuilder()
                    .add("username", "bob")
                    .add("password", BOB_PASSWORD)
                    .build())
            .status(),
        "a disabled account cannot sign in");
    clickInRow(second, "list:users", "bob", "enable");
    second.await(
        "bob active again",
        QUICK,
        d -> rowWith(second, "list:users", "bob").getText().contains("active"));
    anonymous.login("bob", BOB_PASSWORD);
  }

  @Test
  @Order(13)
  void apiTokensAreShownOnceAndRevoked() throws Exception {
    browser.click(By.id("nav-account"));
    browser.type(By.id("tokens:tokenName"), "laptop");
    browser.type(By.id("tokens:tokenPassword"), "not my password");
    browser.click(By.id("tokens:create"));
    browser.await(
        "a wrong password next to the field",
        QUICK,
        d -> messageFor(browser, "tokens:tokenPassword").contains("not your password"));
    browser.type(By.id("tokens:tokenName"), "laptop");
    browser.type(By.id("tokens:tokenPassword"), ALICE_PASSWORD);
    browser.click(By.id("tokens:create"));
    String token = browser.visible(By.id("issued-token")).getText();
    shot(browser, "15-token");
    ApiClient withToken = anonymous.withToken(token);
    assertEquals(200, withToken.get("/applications").status());
    browser.click(By.id("tokens:dismiss"));
    browser.await("shown once", QUICK, d -> !browser.text().contains(token));

    clickInRow(browser, "tokens:list", "laptop", "revoke");
    confirm(browser);
    browser.await("revoked", QUICK, d -> !browser.byId("tokens:list").getText().contains("laptop"));
    assertEquals(401, withToken.get("/applications").status());
  }

  @Test
  @Order(14)
  void aPageWhoseSessionEndedGoesToTheSignInPage() {
    browser.go("/portal/home.xhtml");
    browser.driver().manage().deleteAllCookies();
    browser.await(
        "the next poll leads to the sign-in page",
        QUICK,
        d -> browser.path().endsWith("/login.xhtml"));
  }

  // ---------------------------------------------------------------------------------------------

  /** The page as it stands fits a laptop and a tablet without scrolling sideways. */
  private void assertNoSidewaysScroll() {
    for (Dimension size : List.of(Browser.LAPTOP, Browser.TABLET)) {
      browser.resize(size);
      browser.settle();
      Number overflow =
          (Number)
              browser.js(
                  "return document.documentElement.scrollWidth"
                      + " - document.documentElement.clientWidth;");
      assertTrue(overflow.intValue() <= 0, browser.path() + " scrolls sideways at " + size);
    }
    browser.resize(Browser.LAPTOP);
  }

  private void upload(Path file) {
    WebElement input = browser.find(By.cssSelector("input[type=file][id$='bundle_input']"));
    input.sendKeys(file.toString());
  }

  private String serviceState() {
    return browser.textOf("service-state").trim();
  }

  private long runningMarkers() {
    return browser.all(By.cssSelector("svg.edge-map circle.marker[data-state='RUNNING']")).size();
  }

  private long markers() {
    return browser.all(By.cssSelector("svg.edge-map circle.marker")).size();
  }

  private int instanceRows() {
    return browser.all(By.cssSelector("[id='tabs:overview:instances_data'] tr[data-ri]")).size();
  }

  /** The labels of a chart's lines that have points, as Chart.js drew them on the Metrics tab. */
  private List<String> chartLines(String chart) {
    return strings(
        browser.js(
            drawn(chart)
                + "return c ? c.data.datasets.filter(d => d.data.length > 0).map(d => d.label) : [];"));
  }

  private long chartedInstances(String chart) {
    return chartLines(chart).size();
  }

  /** The labels under a chart's time axis. */
  private List<String> timeLabels(String chart) {
    return strings(
        browser.js(drawn(chart) + "return c ? c.scales.x.ticks.map(t => t.label) : [];"));
  }

  private static String drawn(String chart) {
    return "const canvas = document.querySelector(\"[id='tabs:metrics:"
        + chart
        + "'] canvas\"); const c = canvas && Chart.getChart(canvas);";
  }

  private static List<String> strings(Object array) {
    return ((List<?>) array).stream().map(String::valueOf).toList();
  }

  /** Presses Tab until an element matching {@code target} has the focus. */
  private WebElement tabTo(By target, int limit) {
    for (int i = 0; i < limit; i++) {
      try {
        WebElement focused = browser.driver().switchTo().activeElement();
        if (browser.all(target).contains(focused)) {
          return focused;
        }
        focused.sendKeys(Keys.TAB);
      } catch (StaleElementReferenceException redrawnByThePoll) {
        i--; // the poll kept the focus on the same element; look again
      }
    }
    throw new AssertionError("Tab never reached " + target);
  }

  /** A generic-service bundle: run.sh says hello on stdout and stays up until stopped. */
  private static Path bundle(Path file, String greeting) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      add(zip, "init.sh", "#!/bin/sh\necho init $MY_ROLE\n");
      add(zip, "run.sh", "#!/bin/sh\necho \"" + greeting + " from $MY_ROLE\"\nexec sleep 600\n");
      add(zip, "notify.sh", "#!/bin/sh\necho notified\n");
      add(zip, "interrupt.sh", "#!/bin/sh\necho interrupted\n");
    }
    return file;
  }

  private static void add(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
