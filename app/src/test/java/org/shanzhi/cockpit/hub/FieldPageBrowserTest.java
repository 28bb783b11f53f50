package org.shanzhi.cockpit.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.shanzhi.cockpit.domain.Fixtures;

/**
 * The field page in a real browser against a real hub: a unit logs in with its own credential, receives an order
 * dispatched through the API, accepts it, goes on while the hub is down (arrives, starts, reports with a photo scaled
 * on the phone: all waiting as 未发送, kept when the page is closed) and sees each applied exactly once when the hub is
 * back on the same data and port; declines with a reason, reports where it is, has a refused action shown and
 * dropped, is told the hub's time rules, and is told when its credential is revoked.
 */
class FieldPageBrowserTest {

    @TempDir
    Path data;
    @TempDir
    Path files;
    TestHub hub;
    ChromeDriver page;
    WebDriverWait wait;

    @BeforeEach
    void start() {
        Chromium.require();
        startHub(HubRuntime.Config.local(data));
        page = Chromium.phone();
        wait = new WebDriverWait(page, Chromium.PATIENCE);
        wait.ignoring(StaleElementReferenceException.class); // the page redraws its cards on every change
    }

    @AfterEach
    void stop() {
        if (page != null) {
            page.quit();
        }
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void aUnitTakesAnOrderRoundAndItsOfflineActionsAreAppliedOnce() throws Exception {
        logIn();
        wait.until(d -> text("who").startsWith("网格员一 · 在岗待命"));
        wait.until(d -> text("hub-time").matches("\\d\\d:\\d\\d:\\d\\d")); // the hub's time, not the phone's
        assertThat(page.findElement(By.id("skew")).isDisplayed()).as("the phone's clock is the hub's here").isFalse();

        String incident = openCase("1");
        String order = dispatch(incident);
        wait.until(d -> card(order).getText().contains("井盖缺失"));
        assertThat(card(order).getText()).contains("任务：前往处置");
        picture("new-order");
        awaitOrder(order, o -> o.get("state").asText().equals("DELIVERED")); // the page said it arrived
        assertThat((Boolean) js("return document.getElementById('alarm').played.length > 0")).as("the sound played").isTrue();

        tap(order, "ACCEPTED");
        awaitOrder(order, o -> o.get("state").asText().equals("ACCEPTED"));
        tap(order, "EN_ROUTE");
        awaitOrder(order, o -> o.get("state").asText().equals("EN_ROUTE"));
        assertThat(hub.post("/api/v1/instructions", Role.LEADER, "{\"incidentId\":\"" + incident
                + "\",\"text\":\"注意安全，设置围挡\"}", "instruction-1").status()).isEqualTo(201);
        wait.until(d -> card(order).getText().contains("街道指挥中心批示：注意安全，设置围挡"));

        // the link goes: the unit goes on, arrives, starts and reports with a photo; it all waits on the phone
        int port = hub.runtime.port();
        hub.close();
        hub = null;
        wait.until(d -> d.findElement(By.id("link")).getText().equals("未连接"));
        tap(order, "ON_SITE");
        tap(order, "WORKING");
        tap(order, "REPORTED");
        page.findElement(By.id("report-note")).sendKeys("井盖已更换");
        page.findElement(By.id("report-photos")).sendKeys(photo(2400, 1200).toString());
        wait.until(d -> d.findElements(By.cssSelector("#report-thumbs img")).size() == 1);
        page.findElement(By.id("report-go")).click();
        wait.until(d -> d.findElement(By.id("outbox")).getText().startsWith("未发送 3"));
        assertThat(card(order).getText()).contains("到场 · 未发送").contains("开始处置 · 未发送").contains("反馈 · 未发送");
        picture("offline");

        // the phone closes the page; the hub returns on the same data and port; the page is opened again
        page.get("about:blank");
        hub = new TestHub(HubRuntime.Config.local(data).withPort(port));
        page.get(hub.runtime.baseUrl() + "/field/");
        JsonNode reported = awaitOrder(order, o -> o.get("state").asText().equals("REPORTED"));
        wait.until(d -> !d.findElement(By.id("outbox")).isDisplayed());
        wait.until(d -> card(order).getText().contains("已反馈"));
        assertThat(card(order).getText()).as("the 批示, read again from the hub").contains("注意安全，设置围挡");

        // each action applied once, in order, the photo scaled on the phone to 1600 px
        assertThat(states(reported))
                .containsExactly("SENT", "DELIVERED", "ACCEPTED", "EN_ROUTE", "ON_SITE", "WORKING", "REPORTED");
        assertThat(advancesInTheJournal(order))
                .containsExactly("DELIVERED", "ACCEPTED", "EN_ROUTE", "ON_SITE", "WORKING", "REPORTED");
        assertThat(reported.get("note").asText()).isEqualTo("井盖已更换");
        assertThat(reported.get("photos")).hasSize(1);
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(photoBytes(reported.get("photos").get(0).asText())));
        assertThat(stored.getWidth()).isEqualTo(1600);
        assertThat(stored.getHeight()).isEqualTo(800);

        // a revoked credential: the hub ends the page's stream, the page says so at once and asks for a new one
        TestHub.Reply revoked = TestHub.call(new Request.Builder().delete()
                .url(hub.runtime.baseUrl() + "/api/v1/units/U-1/credential")
                .header("Authorization", "Bearer " + hub.token(Role.LEADER)).build());
        assertThat(revoked.status()).isEqualTo(204);
        wait.until(d -> d.findElement(By.id("login-error")).getText().equals("凭证已失效，请向指挥中心重新领取"));
        assertThat(page.findElement(By.id("main")).isDisplayed()).isFalse();
    }

    @Test
    void aDeclineCarriesItsReasonAPositionIsTappedAndARefusedActionIsShownAndDropped() {
        // the shared field-unit token is no unit's: the page asks for the unit's own
        page.get(hub.runtime.baseUrl() + "/field/");
        page.findElement(By.id("token")).sendKeys(hub.token(Role.FIELD_UNIT));
        page.findElement(By.id("login-go")).click();
        wait.until(d -> text("login-error").equals("这不是单兵的登录凭证，请向指挥中心领取本单兵的凭证"));

        logIn();
        String declined = dispatch(openCase("1"));
        tap(declined, "DECLINED");
        wait.until(d -> d.findElement(By.id("decline")).isDisplayed());
        page.findElement(By.xpath("//div[@id='decline-reasons']/button[text()='正在处置其他事件']")).click();
        page.findElement(By.id("decline-text")).sendKeys("在东社区");
        page.findElement(By.id("decline-go")).click();
        JsonNode d = awaitOrder(declined, o -> o.get("state").asText().equals("DECLINED"));
        assertThat(d.get("reason").asText()).isEqualTo("正在处置其他事件：在东社区");

        // a tap on the map, then 上报我在这里: the unit's position on the hub
        JsonNode before = hub.get("/api/v1/units/U-1", Role.VIEWER).json().get("at");
        WebElement map = page.findElement(By.id("map"));
        new Actions(page).moveToElement(map, map.getSize().width / 4, 0).click().perform();
        wait.until(d2 -> d2.findElement(By.id("here")).isDisplayed());
        page.findElement(By.id("here")).click();
        await().atMost(Chromium.PATIENCE).until(() ->
                !hub.get("/api/v1/units/U-1", Role.VIEWER).json().get("at").equals(before));

        // the phone loses its link, the seat takes the order back meanwhile: the unit's 签收 is refused when it
        // arrives, shown with the hub's reason, and leaves the outbox
        String cancelled = dispatch(openCase("2"));
        awaitOrder(cancelled, o -> o.get("state").asText().equals("DELIVERED"));
        offline(true);
        assertThat(hub.post("/api/v1/orders/" + cancelled + "/advance", Role.OPERATOR, "{\"state\":\"CANCELLED\"}",
                "cancel-2").status()).isEqualTo(200);
        tap(cancelled, "ACCEPTED");
        wait.until(d2 -> d2.findElement(By.id("outbox")).getText().startsWith("未发送 1"));
        offline(false);
        wait.until(d2 -> d2.findElement(By.id("notice")).getText().startsWith("「签收」未被指挥中心接受："));
        wait.until(d2 -> !d2.findElement(By.id("outbox")).isDisplayed());
        wait.until(d2 -> card(cancelled).getText().contains("撤回"));
        assertThat(states(hub.get("/api/v1/orders/" + cancelled, Role.VIEWER).json()))
                .containsExactly("SENT", "DELIVERED", "CANCELLED");
    }

    @Test
    void aPhoneClockFarFromTheHubsIsToldTheHubsTimeRules() {
        hub.close();
        Instant hubNow = Instant.now().minus(Duration.ofMinutes(47));
        startHub(HubRuntime.Config.local(data.resolve("behind")).withClock(s -> HubClock.simulated(hubNow, 1)));
        logIn();
        wait.until(d -> d.findElement(By.id("skew")).isDisplayed());
        assertThat(text("skew")).isEqualTo("手机时间与指挥中心相差约 47 分钟，以上方指挥中心时间为准");
        LocalTime shown = LocalTime.parse(text("hub-time"));
        LocalTime hubTime = LocalTime.ofInstant(Instant.now().minus(Duration.ofMinutes(47)), ZoneId.of("Asia/Shanghai"));
        long apart = Math.abs(Duration.between(shown, hubTime).toSeconds());
        assertThat(Math.min(apart, 86_400 - apart)).as("the hub's time is shown, not the phone's").isLessThan(60);
    }

    @Test
    void wherePhoneGivesItsLocationThePageReportsIt() {
        // a browser gives a page its location only with the user's leave: here given beforehand, at a place
        page.executeCdpCommand("Browser.grantPermissions", Map.of("origin", hub.runtime.baseUrl(),
                "permissions", List.of("geolocation")));
        page.executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", 39.8201, "longitude", 116.4012,
                "accuracy", 10));
        logIn();
        await().atMost(Chromium.PATIENCE).until(() -> {
            JsonNode at = hub.get("/api/v1/units/U-1", Role.VIEWER).json().get("at");
            return at.get("lon").asDouble() == 116.4012 && at.get("lat").asDouble() == 39.8201;
        });
        assertThat(text("map-help")).isEqualTo("位置自动上报中；也可点地图手动上报");
    }

    // --- the hub's side ----------------------------------------------------------------------------

    void startHub(HubRuntime.Config config) {
        hub = new TestHub(config);
        assertThat(hub.ingest(Fixtures.inventory()).status()).isEqualTo(200);
    }

    String credential(String unitId) {
        TestHub.Reply r = hub.post("/api/v1/units/" + unitId + "/credential", Role.LEADER, "", "cred-" + unitId);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("token").asText();
    }

    String openCase(String n) {
        TestHub.Reply opened = hub.post("/api/v1/incidents", Role.OPERATOR,
                "{\"title\":\"井盖缺失\",\"category\":\"井盖缺失\",\"severity\":\"HIGH\",\"at\":{\"lon\":116.385,\"lat\":39.815}}",
                "open-" + n);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String id = opened.json().get("events").get(0).get("payload").get("incidentId").asText();
        assertThat(hub.post("/api/v1/incidents/" + id + "/advance", Role.OPERATOR, "{\"state\":\"PENDING_DISPATCH\"}",
                "adv-" + n).status()).isEqualTo(200);
        return id;
    }

    String dispatch(String incidentId) {
        TestHub.Reply r = hub.post("/api/v1/incidents/" + incidentId + "/orders", Role.OPERATOR,
                "{\"unitId\":\"U-1\"}", "order-" + incidentId);
        assertThat(r.status()).as(r.body()).isBetween(200, 201);
        return r.json().get("events").get(0).get("payload").get("orderId").asText();
    }

    JsonNode awaitOrder(String id, Function<JsonNode, Boolean> reached) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Chromium.PATIENCE).until(() -> {
            last[0] = hub.get("/api/v1/orders/" + id, Role.VIEWER).json();
            return reached.apply(last[0]);
        });
        return last[0];
    }

    static List<String> states(JsonNode order) {
        List<String> out = new ArrayList<>();
        order.get("steps").forEach(s -> out.add(s.get("state").asText()));
        return out;
    }

    /** The order's steps as the journal holds them: one OrderAdvanced per action the hub applied. */
    List<String> advancesInTheJournal(String orderId) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : hub.get("/api/v1/events?since=0&limit=10000", Role.VIEWER).json().get("events")) {
            JsonNode p = e.get("payload");
            if (e.get("type").asText().equals("OrderAdvanced") && p.get("orderId").asText().equals(orderId)) {
                assertThat(p.get("by").asText()).isEqualTo("U-1");
                out.add(p.get("state").asText());
            }
        }
        return out;
    }

    byte[] photoBytes(String id) throws Exception {
        Request request = new Request.Builder().url(hub.runtime.baseUrl() + "/api/v1/photos/" + id)
                .header("Authorization", "Bearer " + hub.token(Role.VIEWER)).build();
        try (Response r = TestHub.HTTP.newCall(request).execute()) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith("image/jpeg");
            return r.body().bytes();
        }
    }

    // --- the page's side ---------------------------------------------------------------------------

    void logIn() {
        String token = credential("U-1");
        page.get(hub.runtime.baseUrl() + "/field/");
        page.findElement(By.id("token")).sendKeys(token);
        page.findElement(By.id("login-go")).click();
        wait.until(d -> d.findElement(By.id("link")).getText().equals("在线"));
    }

    /** The browser's network off or on again, the hub running on. */
    void offline(boolean off) {
        page.executeCdpCommand("Network.enable", Map.of());
        page.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", off, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    Path photo(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.DARK_GRAY);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        Path file = files.resolve("manhole.jpg");
        ImageIO.write(image, "jpg", file.toFile());
        return file;
    }

    WebElement card(String order) {
        return page.findElement(By.cssSelector("[data-order='" + order + "']"));
    }

    WebElement action(String order, String state) {
        List<WebElement> found = page.findElements(By.cssSelector("[data-order='" + order + "'] [data-action='" + state + "']"));
        return found.isEmpty() ? null : found.get(0);
    }

    void tap(String order, String state) {
        wait.until(d -> {
            page.findElement(By.cssSelector("[data-order='" + order + "'] [data-action='" + state + "']")).click();
            return true;
        });
    }

    String text(String id) {
        return page.findElement(By.id(id)).getText();
    }

    /** The page as the phone shows it, under app/target/field/ for a look (nothing compares it). */
    void picture(String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "field"));
        Files.write(dir.resolve(name + ".png"), page.getScreenshotAs(OutputType.BYTES));
    }

    Object js(String script) {
        return ((JavascriptExecutor) page).executeScript(script);
    }
}
