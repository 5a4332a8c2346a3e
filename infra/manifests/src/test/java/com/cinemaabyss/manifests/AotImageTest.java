package com.cinemaabyss.manifests;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The aot-image profile (root pom.xml) and infra/bin/image agree: the entrypoint runs the runtime and reads the cache
 * where the profile puts what the script made, with the flags of the plain image, on the layout the cache was trained on.
 */
class AotImageTest {

    @Test
    void theEntrypointRunsTheImagesOwnRuntimeWithTheCacheTheScriptTrained() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Manifests.ROOT.resolve("pom.xml").toFile());
        Element plain = jib(pom.getDocumentElement(), "build");
        Element profile = null;
        for (Element candidate : descendants(pom.getDocumentElement(), "profile")) {
            if (text(candidate, "id").equals("aot-image")) {
                profile = candidate;
            }
        }
        assertTrue(profile != null, "no aot-image profile in the root pom");
        Element aot = jib(profile, "build");

        assertEquals("packaged", text(child(plain, "configuration"), "containerizingMode"), "the layout the cache is trained on: /app/classpath, /app/libs");
        Map<String, String> into = new LinkedHashMap<>();
        for (Element path : descendants(aot, "path")) {
            into.put(text(path, "from"), text(path, "into"));
        }
        assertEquals(Map.of("${project.build.directory}/image/jre", "/opt/cinemaabyss/jre",
                "${project.build.directory}/image/aot", "/opt/cinemaabyss/aot"), into);

        List<String> entrypoint = descendants(aot, "arg").stream().map(Node::getTextContent).toList();
        List<String> flags = descendants(plain, "jvmFlag").stream().map(Node::getTextContent).toList();
        List<String> expected = new ArrayList<>(List.of("/opt/cinemaabyss/jre/bin/java", "-XX:AOTCache=/opt/cinemaabyss/aot/app.aot"));
        expected.addAll(flags);
        expected.addAll(List.of("-cp", "@/app/jib-classpath-file", "@/app/jib-main-class-file"));
        assertEquals(expected, entrypoint, "the plain image's flags, the runtime and cache from the extra directories");

        String script = Files.readString(Manifests.ROOT.resolve("infra/bin/image"));
        assertTrue(script.contains("--output \"$image/jre\"") && script.contains("-XX:AOTCacheOutput=$image/aot/app.aot")
                && script.contains("mkdir -p \"$image/aot\""), "infra/bin/image writes target/image/jre and target/image/aot/app.aot");
        assertTrue(script.contains("AOTMode=on"), "infra/bin/image checks that the image's JVM takes its cache");
        assertTrue(script.contains("<image.first-request>") && script.contains("$first_request"),
                "infra/bin/image trains on the first request a module names");
        assertTrue(script.contains("> \"$image/rootfs.entrypoint\""), "infra/bin/image writes the entrypoint the benchmark runs");
        assertTrue(script.contains("$module/src/image/training.env"), "infra/bin/image gives the training the module's Secrets' stand-ins");
    }

    @Test
    void theImagesWorkflowBuildsEveryModuleThatNamesAnImageThroughTheScript() throws Exception {
        String workflow = Files.readString(Manifests.ROOT.resolve(".github/workflows/images.yml"));
        assertTrue(workflow.contains("for module in $(grep -l '<image.name>' */*/pom.xml | xargs -n1 dirname)"), workflow);
        assertTrue(workflow.contains("mvn -B -DskipTests install") && workflow.contains("IMAGE_PREBUILT=true infra/bin/image \"$module\" jib:build"),
                "the build is installed once, and each image skips its own: " + workflow);
        try (var poms = Files.walk(Manifests.ROOT, 3)) {
            List<String> named = poms.filter(p -> p.getFileName().toString().equals("pom.xml"))
                    .filter(p -> Manifests.ROOT.relativize(p).getNameCount() == 3)
                    .filter(p -> read(p).contains("<image.name>")).map(p -> read(p).replaceAll("(?s).*<image.name>(.*?)</image.name>.*", "$1"))
                    .sorted().toList();
            List<String> services = Manifests.docs(Manifests.knativeFiles()).stream()
                    .filter(doc -> doc.kind().equals("Service") && doc.apiVersion().startsWith("serving.knative.dev/"))
                    .map(Manifests.Doc::name).sorted().toList();
            assertEquals(services, named, "a module names an image for each Knative Service, and the loop finds them two folders down");
        }
    }

    private static String read(java.nio.file.Path path) {
        try {
            return Files.readString(path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Element jib(Element scope, String under) {
        for (Element plugin : descendants(scope, "plugin")) {
            if (text(plugin, "artifactId").equals("jib-maven-plugin") && isUnder(plugin, under)) {
                return plugin;
            }
        }
        throw new AssertionError("no jib-maven-plugin in " + scope.getTagName());
    }

    private static boolean isUnder(Node node, String ancestor) {
        for (Node at = node.getParentNode(); at != null; at = at.getParentNode()) {
            if (ancestor.equals(at.getNodeName())) {
                return true;
            }
        }
        return false;
    }

    private static List<Element> descendants(Element scope, String tag) {
        NodeList nodes = scope.getElementsByTagName(tag);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static Element child(Element scope, String tag) {
        for (Node node = scope.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(tag)) {
                return element;
            }
        }
        throw new AssertionError("no <" + tag + "> in <" + scope.getTagName() + ">");
    }

    private static String text(Element scope, String child) {
        for (Node node = scope.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(child)) {
                return element.getTextContent().trim();
            }
        }
        return "";
    }
}
