package com.cinemaabyss.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ColdStartTest {

    static final List<String> SHIPPED = List.of("-XX:+UseSerialGC", "-Dspring.aot.enabled=true", "-XX:TieredStopAtLevel=1");

    static Map<ColdStart.Variant, ColdStart.Result> catalogLadder(double baseline, double shipped, double cached) {
        Map<ColdStart.Variant, ColdStart.Result> results = new LinkedHashMap<>();
        results.put(new ColdStart.Variant("plain `java -jar` (baseline)", List.of(), false, false, true), result(baseline));
        results.put(new ColdStart.Variant("+ Spring AOT", List.of("-Dspring.aot.enabled=true"), true, false, false), result(shipped + 1));
        results.put(new ColdStart.Variant(ColdStart.Variant.SHIPPED, SHIPPED, true, false, false), result(shipped));
        results.put(new ColdStart.Variant(ColdStart.Variant.IMAGE, SHIPPED, false, true, true), result(cached));
        return results;
    }

    private static ColdStart.Result result(double seconds) {
        return new ColdStart.Result(Samples.of(seconds), Samples.of(200));
    }

    @Test
    void theHeadlineIsTheImageInfraBinImageBuiltWhereThereIsOne() {
        Section section = ColdStart.section(Settings.full(), SHIPPED, Map.of("catalog", new ColdStart.Measured("/api/movies?id=1", catalogLadder(10, 6, 2.5))), List.of());
        Figure headline = section.figures().getFirst();
        assertEquals("movies function: shipped cold start / plain Spring Boot", headline.label());
        assertEquals(List.of(0.25), headline.ratio().values(), "the image's 2.5 s over 10 s plain, not the plain Jib image's 6 s");
        assertEquals(1, section.figures().size());
        assertTrue(section.markdown().contains("Movies function as shipped: **2.50 s** to the first 200"), section.markdown());
        assertTrue(section.markdown().contains("| plain Jib image (its JVM flags + manifest options) | 6.00 | 200 | 0.60 |"), section.markdown());
        assertTrue(section.markdown().contains("`-XX:+UseSerialGC -Dspring.aot.enabled=true -XX:TieredStopAtLevel=1`"), section.markdown());
        assertTrue(section.markdown().contains("| catalog | `/api/movies?id=1` | plain `java -jar` (baseline) |"), section.markdown());
    }

    @Test
    void anImagesEntrypointIsRunAsInfraBinImageWroteItForTheUnpackedImageAndAFunctionWithoutOneHasNoImageRow(@TempDir Path image)
            throws IOException {
        assertEquals(Optional.empty(), ColdStart.imageEntrypoint(image), "nothing built");
        Path rootfs = image.resolve("rootfs").toAbsolutePath();
        List<String> entrypoint = List.of(rootfs + "/opt/cinemaabyss/jre/bin/java", "-XX:AOTCache=" + rootfs + "/opt/cinemaabyss/aot/app.aot",
                "-Dspring.aot.enabled=true", "-cp", "@" + rootfs + "/app/jib-classpath-file", "@" + rootfs + "/app/jib-main-class-file");
        Files.write(image.resolve("rootfs.entrypoint"), entrypoint);
        assertEquals(Optional.empty(), ColdStart.imageEntrypoint(image), "no cache in the unpacked image");
        Files.createDirectories(rootfs.resolve("opt/cinemaabyss/aot"));
        Files.write(rootfs.resolve("opt/cinemaabyss/aot/app.aot"), new byte[] {1});
        assertEquals(Optional.of(entrypoint), ColdStart.imageEntrypoint(image));
    }

    @Test
    void aFunctionIsFirstAskedWhatItsPomNamesElseItsReadinessProbe() {
        assertEquals("/api/movies?id=1", Rig.firstRequest("""
                <properties>
                  <image.name>catalog</image.name>
                  <image.first-request>/api/movies?id=1</image.first-request>
                </properties>
                """, "/api/movies/health"));
        assertEquals("/api/v1/discounts/health", Rig.firstRequest("<properties><image.name>discounts</image.name></properties>",
                "/api/v1/discounts/health"));
    }

    @Test
    void aColdStartRunAloneMeasuresEveryKnativeServiceAndAFullRunTheFourOnTheSplit() {
        List<String> services = List.of("monolith", "catalog", "events", "identity", "gateway", "web-bff");
        assertEquals(List.of("catalog", "events", "gateway", "monolith"), BenchmarkSuite.coldStartOrder(services, false));
        assertEquals(List.of("catalog", "events", "gateway", "identity", "web-bff", "monolith"), BenchmarkSuite.coldStartOrder(services, true));
    }

    @Test
    void aModulesTrainingEnvGivesNameValuePairsAndLeavesCommentsOut() {
        assertEquals(Map.of("MEDIA_SIGNING_KEY", "a=b", "EMPTY", ""), Rig.parseEnv(List.of("# a comment", "", "MEDIA_SIGNING_KEY=a=b",
                "EMPTY=", "not an assignment")));
    }

    @Test
    void otherFunctionsAreShippedAgainstPlainToo() {
        Map<ColdStart.Variant, ColdStart.Result> events = new LinkedHashMap<>();
        events.put(new ColdStart.Variant("plain `java -jar` (baseline)", List.of(), false, false, true), result(8));
        events.put(new ColdStart.Variant(ColdStart.Variant.SHIPPED, SHIPPED, true, false, true), result(4));
        Section section = ColdStart.section(Settings.quick(), SHIPPED, Map.of("events", new ColdStart.Measured("/api/events/health", events)), List.of("gateway (about 60 s needed, 20 s left)"));
        assertEquals("events: shipped cold start / plain Spring Boot", section.figures().getFirst().label());
        assertEquals(0.5, section.figures().getFirst().ratio().median());
        assertTrue(section.figures().getFirst().verdict().startsWith("missed"), "every function carries the 0.3× aim");
        assertFalse(section.markdown().contains("Movies function as shipped"), "no movies function measured");
        assertTrue(section.markdown().contains("gateway (about 60 s needed, 20 s left)"), section.markdown());
    }

    @Test
    void shippedOptionsAreTheManifestsThenJibsFlagsOnce() {
        String pom = """
                <container>
                  <jvmFlags>
                    <jvmFlag>-XX:+ExitOnOutOfMemoryError</jvmFlag>
                    <jvmFlag>-Dspring.aot.enabled=true</jvmFlag>
                  </jvmFlags>
                </container>
                """;
        List<String> jib = Rig.jibJvmFlags(pom);
        assertEquals(List.of("-XX:+ExitOnOutOfMemoryError", "-Dspring.aot.enabled=true"), jib);
        assertEquals(List.of("-XX:+UseSerialGC", "-Dspring.aot.enabled=true", "-XX:+ExitOnOutOfMemoryError"),
                ColdStart.shipped(List.of("-XX:+UseSerialGC", "-Dspring.aot.enabled=true"), jib));
    }
}
