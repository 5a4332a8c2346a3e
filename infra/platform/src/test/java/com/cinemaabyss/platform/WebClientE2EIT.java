package com.cinemaabyss.platform;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web client in a real browser (Debian's headless chromium through its chromedriver) against the whole platform,
 * one viewer's journey through the gateway: sign up, home, a search narrowed by a facet, a title page, a subscription
 * bought with the promo code WELCOME10 and the sandbox's card, the film played (hls.js loads the signed stream from the
 * media origin and the video element decodes pictures), a favourite, the film in continue watching on home, and the
 * account page with the plan and the receipt. The page may not log a single console error on the way (a failed
 * request, a CSP violation, an exception).
 *
 * <p>With {@code -Dwebclient.screenshots=true} (or {@code WEB_CLIENT_SCREENSHOTS=true}) the main screens are saved to
 * {@code docs/screenshots/} for the README.
 */
class WebClientE2EIT {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));
    private static final Duration SETTLE = Duration.ofSeconds(60);

    private static URI site;
    private static Path root;
    private static Path profileDir;
    private static ChromeDriver browser;
    private static WebDriverWait wait;
    private static final List<String> consoleErrors = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        // Missing browser: a failure that says what to do, never a skipped test.
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "the browser tests need Debian's chromium and "
                + "chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER + "): run infra/bin/ensure-browser (infra/bin/test does) or set "
                + "CHROMIUM_BIN and CHROMEDRIVER_BIN");
        LocalPlatform platform = E2EPlatform.platform();
        site = platform.url("gateway");
        root = PlatformOptions.findRoot(Path.of("").toAbsolutePath());
        profileDir = Files.createTempDirectory("cinemaabyss-chromium");

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--user-data-dir=" + profileDir, "--no-first-run", "--no-default-browser-check", "--password-store=basic",
                // Nothing but the platform on loopback: no updates, sync, translation, safe browsing or QUIC probes.
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--disable-default-apps", "--disable-extensions", "--disable-features=Translate,OptimizationHints,MediaRouter",
                "--autoplay-policy=no-user-gesture-required", "--mute-audio");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(new File("target/chromedriver.log"))
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, SETTLE, Duration.ofMillis(100));
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profileDir != null) {
            try (var files = Files.walk(profileDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void aViewerSignsUpFindsAFilmSubscribesWatchesItAndSeesItOnHomeAndTheAccountPage() {
        try {
            journey();
        } catch (Throwable failure) {
            keepEvidence();
            throw failure;
        }
    }

    private void journey() {
        // Sign up: the new viewer lands on home, signed in, without a plan.
        open("/#/signup");
        String email = "browser-" + UUID.randomUUID().toString().substring(0, 8) + "@e2e.test";
        type(By.id("email"), email);
        type(By.id("username"), "Vera <b>Browser</b>");
        type(By.id("password"), "a long enough passphrase for the browser");
        click(By.id("auth-submit"));
        waitFor("signed in on home", driver -> "#/".equals(hash()) && present(By.id("subscription")));
        awaitScreen("home with its new releases", () -> present(By.cssSelector("#new-releases .card")) && !present(By.cssSelector(".degraded")));
        assertTrue(text(By.id("subscription")).contains("no active plan"), text(By.id("subscription")));
        assertTrue(browser.findElements(By.cssSelector("[data-when=signed-in]")).stream().allMatch(WebElement::isDisplayed),
                "the account link and sign-out show once signed in");

        // Search, then narrow by a facet: the query and the filter are in the URL, the facet marked as the current one.
        open("/#/browse");
        type(By.id("search"), "stalker");
        click(By.cssSelector("form.search button[type=submit]"));
        waitFor("the search in the URL", driver -> hash().contains("q=stalker"));
        awaitScreen("search results for stalker", () -> present(By.cssSelector("#results .card")));
        click(By.cssSelector("a[data-facet=genre][data-value=Drama]"));
        waitFor("the Drama facet applied", driver -> hash().contains("genre=Drama") && present(By.cssSelector("a[data-facet=genre][aria-current=true]")));
        // Tarkovsky's film of 1979 (the legacy movies, synced into the catalog, have a "Stalker" without a year).
        WebElement stalker = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//ul[@id='results']//a[contains(@class,'card')]"
                + "[.//span[@class='card-title' and normalize-space()='Stalker']][.//span[@class='card-meta' and starts-with(normalize-space(),'1979')]]")));
        long titleId = Long.parseLong(stalker.getDomAttribute("data-title-id"));
        screenshot("search");

        // The title page: details, and what watching needs (a plan, with its price).
        stalker.click();
        waitFor("Stalker's title page", driver -> hash().equals("#/title/" + titleId) && present(By.cssSelector("article h1")));
        assertEquals("Stalker", text(By.cssSelector("article h1")));
        awaitScreen("the title page with availability and plans", () -> present(By.cssSelector("a[data-plan]")) && !present(By.cssSelector(".degraded")));
        assertTrue(text(By.id("availability")).contains("needs a plan"), text(By.id("availability")));
        assertTrue(text(By.cssSelector(".facts")).contains("1979"), text(By.cssSelector(".facts")));
        screenshot("title");

        // Subscribe with WELCOME10 and the sandbox's card that succeeds: 10 % off the yearly plan, paid, active.
        click(By.cssSelector("a[data-plan=premium-year]"));
        waitFor("the subscribe form", driver -> present(By.id("promo")));
        assertEquals("premium-year", new Select(browser.findElement(By.id("plan"))).getFirstSelectedOption().getDomAttribute("value"));
        type(By.id("promo"), "WELCOME10");
        new Select(browser.findElement(By.id("card"))).selectByValue("tok_visa");
        click(By.id("get-quote"));
        waitFor("the quote", driver -> present(By.id("final-price")));
        assertTrue(text(By.id("quote")).contains("WELCOME10"), "the discount is named: " + text(By.id("quote")));
        assertTrue(text(By.id("final-price")).contains("161.99"), "179.99 less 10 %: " + text(By.id("final-price")));
        click(By.id("pay"));
        waitFor("the plan to be active", driver -> present(By.id("subscribed")) || present(By.id("payment-failed")));
        assertTrue(text(By.id("subscribed")).contains("premium-year"), text(By.id("checkout-result")));

        // Play: the title is playable now; hls.js parses the manifest and loads fragments from the media origin, and the
        // video element decodes pictures and plays on, saving the position as progress.
        click(By.id("watch-now"));
        waitFor("the title page again", driver -> present(By.id("availability")));
        awaitScreen("the play button", () -> present(By.id("play")));
        click(By.id("play"));
        waitFor("the manifest parsed", driver -> "parsed".equals(attribute(By.id("player-status"), "data-manifest"))
                || "failed".equals(attribute(By.id("player-status"), "data-manifest")));
        assertEquals("parsed", attribute(By.id("player-status"), "data-manifest"), text(By.id("player-status")));
        waitFor("a fragment loaded and decoded", driver -> Integer.parseInt(attribute(By.id("player-status"), "data-fragments")) >= 1
                && "loaded".equals(attribute(By.id("player-status"), "data-media")));
        waitFor("progress saved while playing", driver -> attribute(By.id("progress-status"), "data-position") != null);
        Map<?, ?> video = (Map<?, ?>) ((JavascriptExecutor) browser).executeScript("const v = document.getElementById('video');"
                + "return {time: v.currentTime, width: v.videoWidth, frames: v.getVideoPlaybackQuality().totalVideoFrames, duration: v.duration};");
        assertTrue(((Number) video.get("time")).doubleValue() > 0 && ((Number) video.get("width")).intValue() == 256
                && ((Number) video.get("frames")).intValue() > 0, "the video plays real pictures: " + video);
        screenshot("player");

        // Leaving the player saves the position; back on the title page, the film becomes a favourite.
        click(By.id("back-to-title"));
        waitFor("the title page again", driver -> present(By.id("availability")));
        awaitScreen("the favourite toggle (the viewer's part of the title screen)", () -> present(By.id("favorite")));
        assertEquals("false", attribute(By.id("favorite"), "aria-pressed"));
        click(By.id("favorite"));
        waitFor("the favourite saved", driver -> "true".equals(attribute(By.id("favorite"), "aria-pressed")));
        open("/#/");
        open("/#/title/" + titleId);
        awaitScreen("the favourite still there when the title screen is fetched again",
                () -> present(By.id("favorite")) && "true".equals(attribute(By.id("favorite"), "aria-pressed")));

        // Home: the film in continue watching, the plan active.
        open("/#/");
        awaitScreen("Stalker in continue watching", () -> present(By.cssSelector("#continue-watching .card[data-title-id='" + titleId + "']")));
        assertTrue(text(By.id("subscription")).contains("premium-year"), text(By.id("subscription")));
        assertTrue(attribute(By.cssSelector("#continue-watching .card[data-title-id='" + titleId + "']"), "href").contains("at="),
                "continue watching resumes where the viewer stopped");
        screenshot("home");

        // The account: who, the plan, the receipt of what was paid. The name shows as typed, markup and all.
        open("/#/account");
        awaitScreen("the account page with everything", () -> present(By.id("account-subscription")) && !present(By.cssSelector(".degraded")));
        assertTrue(text(By.id("user-heading")).equals("Vera <b>Browser</b>"), "text, never markup: " + text(By.id("user-heading")));
        assertEquals("premium-year", text(By.id("plan-id")));
        assertTrue(text(By.id("plan-status")).startsWith("active"), text(By.id("plan-status")));
        awaitScreen("the receipt", () -> present(By.cssSelector("#receipts tbody tr")));
        String receipt = text(By.cssSelector("#receipts tbody tr"));
        assertTrue(receipt.contains("161.99") && receipt.contains("succeeded"), receipt);
        screenshot("account");

        // Signed out, the account page sends the viewer to sign in.
        click(By.id("sign-out"));
        open("/#/account");
        waitFor("sign in instead of the account", driver -> hash().startsWith("#/signin"));

        List<String> errors = consoleErrors();
        assertTrue(errors.isEmpty(), "the page logged errors: " + errors);
    }

    private static void open(String path) {
        browser.get(site.resolve(path).toString());
    }

    private static String hash() {
        return (String) ((JavascriptExecutor) browser).executeScript("return location.hash;");
    }

    private static void waitFor(String what, Function<WebDriver, Boolean> done) {
        wait.withMessage(what).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class).until(done);
    }

    /**
     * A screen a viewer would reload until it is whole: a BFF answer with a part missing ({@code degraded}, never
     * cached) is fetched again every few seconds, as when a function is still warming up on a busy machine. The screen
     * is rendered afresh in the same page rather than reloaded: a reload while the client is renewing its short-lived
     * token (8 s here) would drop the rotated refresh token, and using the old one again ends the login on purpose.
     */
    private static void awaitScreen(String what, java.util.function.BooleanSupplier whole) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (true) {
            long reloadAt = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < reloadAt) {
                if (!browser.findElements(By.cssSelector("main[aria-busy]")).isEmpty()) {
                    E2EViewer.sleep(100);
                    continue;
                }
                if (whole.getAsBoolean()) {
                    return;
                }
                E2EViewer.sleep(100);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + SETTLE.toSeconds() + " s; the page shows: " + text(By.id("view")));
            }
            ((JavascriptExecutor) browser).executeScript("window.dispatchEvent(new HashChangeEvent('hashchange'));");
        }
    }

    private static boolean present(By by) {
        return !browser.findElements(by).isEmpty();
    }

    private static void type(By by, String text) {
        WebElement field = wait.until(ExpectedConditions.elementToBeClickable(by));
        field.clear();
        field.sendKeys(text);
    }

    private static void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    private static String text(By by) {
        return browser.findElement(by).getText().strip();
    }

    private static String attribute(By by, String name) {
        return browser.findElement(by).getDomAttribute(name);
    }

    /** Every SEVERE entry of the browser's console since the last look: errors, failed requests, CSP violations. */
    private static List<String> consoleErrors() {
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                consoleErrors.add(entry.getMessage());
            }
        }
        return consoleErrors;
    }

    private static void screenshot(String name) {
        if (!Boolean.parseBoolean(System.getProperty("webclient.screenshots", System.getenv().getOrDefault("WEB_CLIENT_SCREENSHOTS", "false")))) {
            return;
        }
        save(root.resolve("docs").resolve("screenshots").resolve(name + ".png"));
    }

    /** On a failure: what the browser showed, its page and its console, in target/web-client/. */
    private static void keepEvidence() {
        if (browser == null) {
            return;
        }
        try {
            Path dir = Files.createDirectories(Path.of("target", "web-client"));
            save(dir.resolve("failure.png"));
            Files.writeString(dir.resolve("failure.html"), browser.getPageSource());
            Files.writeString(dir.resolve("console.txt"), String.join("\n", consoleErrors()));
        } catch (IOException | RuntimeException e) {
            System.err.println("could not keep the browser's evidence: " + e);
        }
    }

    private static void save(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static {
        // Selenium Manager would look for (and download) a driver when none is given: one always is.
        System.setProperty("SE_AVOID_STATS", "true");
    }
}
