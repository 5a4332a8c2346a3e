package com.cinemaabyss.bench;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ColdStartTest {

    static final List<String> SHIPPED = List.of("-XX:+UseSerialGC", "-Dspring.aot.enabled=true", "-XX:TieredStopAtLevel=1");

    static Map<ColdStart.Variant, ColdStart.Result> catalogLadder(double baseline, double shipped, double cached) {
        Map<ColdStart.Variant, ColdStart.Result> results = new LinkedHashMap<>();
        results.put(new ColdStart.Variant("plain `java -jar` (baseline)", List.of(), false, false, true), result(baseline));
        results.put(new ColdStart.Variant("+ Spring AOT", List.of("-Dspring.aot.enabled=true"), true, false, false), result(shipped + 1));
        results.put(new ColdStart.Variant(ColdStart.Variant.SHIPPED, SHIPPED, true, false, true), result(shipped));
        results.put(new ColdStart.Variant("as shipped + JDK AOT cache (**not shipped**)", SHIPPED, true, true, false), result(cached));
        return results;
    }

    private static ColdStart.Result result(double seconds) {
        return new ColdStart.Result(Samples.of(seconds), Samples.of(200));
    }

    @Test
    void theHeadlineIsTheShippedVariantNotTheAotCache() {
        Section section = ColdStart.section(Settings.full(), SHIPPED, Map.of("catalog", catalogLadder(10, 6, 2.5)), List.of());
        Figure headline = section.figures().getFirst();
        assertEquals("movies function: shipped cold start / plain Spring Boot", headline.label());
        assertEquals(List.of(0.6), headline.ratio().values(), "6 s shipped over 10 s plain, not the 2.5 s of the AOT cache");
        assertEquals(1, section.figures().size(), "the AOT-cache variant is no headline");
        assertTrue(section.markdown().contains("Movies function as shipped: **6.00 s** to the first 200"), section.markdown());
        assertTrue(section.markdown().contains("| as shipped + JDK AOT cache (**not shipped**) | 2.50 | 200 | 0.25 |"), section.markdown());
        assertTrue(section.markdown().contains("`-XX:+UseSerialGC -Dspring.aot.enabled=true -XX:TieredStopAtLevel=1`"), section.markdown());
    }

    @Test
    void otherFunctionsAreShippedAgainstPlainToo() {
        Map<ColdStart.Variant, ColdStart.Result> events = new LinkedHashMap<>();
        events.put(new ColdStart.Variant("plain `java -jar` (baseline)", List.of(), false, false, true), result(8));
        events.put(new ColdStart.Variant(ColdStart.Variant.SHIPPED, SHIPPED, true, false, true), result(4));
        Section section = ColdStart.section(Settings.quick(), SHIPPED, Map.of("events", events), List.of("gateway (about 60 s needed, 20 s left)"));
        assertEquals("events: shipped cold start / plain Spring Boot", section.figures().getFirst().label());
        assertEquals(0.5, section.figures().getFirst().ratio().median());
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
