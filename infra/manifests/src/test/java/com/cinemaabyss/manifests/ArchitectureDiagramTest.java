package com.cinemaabyss.manifests;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The C4 container diagram renders, and it shows every container the brief names. */
class ArchitectureDiagramTest {

    @Test
    void theContainerDiagramRendersWithEveryContainerOfTheBrief() throws Exception {
        String source = Files.readString(Manifests.ROOT.resolve("docs/architecture/c4-containers.puml"));
        String svg = RenderDiagrams.render(source, "c4-containers.puml");
        // SVG puts each word in its own <text>; read the words back as one text.
        String text = java.util.regex.Pattern.compile("<text[^>]*>([^<]*)</text>").matcher(svg).results()
                .map(m -> m.group(1).replace("&#160;", " ").replace('\u00a0', ' ').strip()).filter(w -> !w.isEmpty()).collect(java.util.stream.Collectors.joining(" "));
        for (String container : List.of("API gateway", "Web BFF", "Mobile/TV BFF", "Auth &amp; users", "Profile", "Catalog",
                "Subscriptions", "Payments", "Discounts &amp; loyalty", "Content aggregator", "Recommendation adapter",
                "Notifications", "Event bus", "Legacy monolith", "Monitoring &amp; logging")) {
            assertTrue(text.contains(container), "the diagram lacks " + container);
        }
        assertTrue(Files.isRegularFile(Manifests.ROOT.resolve("docs/architecture/c4-containers.svg")),
                "the rendered diagram the README links is missing: run infra/bin/render-manifests");
    }

    @Test
    void aBrokenDiagramFailsTheBuild() {
        assertThrows(IllegalStateException.class, () -> RenderDiagrams.render("@startuml\nthis is -> -> not valid\n@enduml\n", "broken"));
    }
}
