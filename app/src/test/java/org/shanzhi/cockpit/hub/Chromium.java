package org.shanzhi.cockpit.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its own chromedriver: nothing is downloaded. Without the packages
 * ({@code apt-get install chromium chromium-driver}) the tests that need it are skipped, unless
 * {@code SHANZHI_REQUIRE_CHROMIUM=1} (CI), where they fail.
 */
final class Chromium {

    static final File BROWSER = new File("/usr/bin/chromium");
    static final File DRIVER = new File("/usr/bin/chromedriver");

    /** How long a test waits for the page to reach a state: two loaded cores, a browser and a hub. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private Chromium() {
    }

    static void require() {
        boolean there = BROWSER.canExecute() && DRIVER.canExecute();
        if ("1".equals(System.getenv("SHANZHI_REQUIRE_CHROMIUM"))) {
            assertThat(there).as("chromium and chromium-driver are installed (SHANZHI_REQUIRE_CHROMIUM=1)").isTrue();
        }
        Assumptions.assumeTrue(there, "chromium and chromium-driver are not installed "
                + "(apt-get install chromium chromium-driver); skipping the real-browser test");
    }

    /** A phone-sized headless window that may play the order sound without a tap first. */
    static ChromeDriver phone() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=412,915", "--autoplay-policy=no-user-gesture-required", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
