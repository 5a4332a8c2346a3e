package com.cinemaabyss.manifests;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The repository's manifests as tests see them: files under knative/, and YAML documents with the file they came from. */
final class Manifests {

    static final Path ROOT = findRoot(Path.of("").toAbsolutePath());
    static final Path KNATIVE = ROOT.resolve("knative");
    static final Path CHART = ROOT.resolve("infra/helm/cinemaabyss");

    record Doc(String file, Map<String, Object> yaml) {
        String kind() {
            return String.valueOf(yaml.get("kind"));
        }

        String apiVersion() {
            return String.valueOf(yaml.get("apiVersion"));
        }

        @SuppressWarnings("unchecked")
        String name() {
            return String.valueOf(((Map<String, Object>) yaml.get("metadata")).get("name"));
        }
    }

    private Manifests() {
    }

    /**
     * The chart rendered with a values file on top of its defaults, as {@code helm template -f file} does (the way
     * the README applies an overlay such as values-breaker-demo.yaml), as {@code relative path -> text}.
     */
    static Map<String, String> renderWithValuesFile(Path valuesFile) {
        if (!Files.isRegularFile(valuesFile)) {
            throw new IllegalArgumentException("no values file " + valuesFile);
        }
        return ChartRenderer.split(new com.marcnuri.helm.Helm(CHART).template().withName("cinemaabyss")
                .withValuesFile(valuesFile).call());
    }

    /** Every file under knative/, as {@code relative path -> text}. */
    static Map<String, String> knativeFiles() {
        Map<String, String> files = new java.util.TreeMap<>();
        try (Stream<Path> paths = Files.walk(KNATIVE)) {
            for (Path file : paths.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                files.put(KNATIVE.relativize(file).toString(), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The chart's default values.yaml. */
    static Map<String, Object> values() {
        try {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(CHART.resolve("values.yaml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Doc> docs(Map<String, String> files) {
        List<Doc> docs = new ArrayList<>();
        files.forEach((file, text) -> {
            for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
                if (doc != null) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> map = (Map<String, Object>) doc;
                    docs.add(new Doc(file, map));
                }
            }
        });
        return docs;
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Map<String, Object> yaml, String... path) {
        Object node = yaml;
        for (String step : path) {
            node = node instanceof List<?> list ? list.get(Integer.parseInt(step)) : ((Map<String, Object>) node).get(step);
            if (node == null) {
                return null;
            }
        }
        return (T) node;
    }

    private static Path findRoot(Path from) {
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("knative")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root above " + from);
    }
}
