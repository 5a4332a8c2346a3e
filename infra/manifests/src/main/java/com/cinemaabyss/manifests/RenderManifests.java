package com.cinemaabyss.manifests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes knative/ from the Helm chart at its default values: {@code infra/bin/render-manifests}. Files the
 * chart no longer renders are removed; knative/strimzi/kafka.yaml, the cluster itself, is not the chart's.
 */
public final class RenderManifests {

    /** The folders under knative/ whose files all come from the chart. */
    public static final List<String> GENERATED = List.of("serving", "eventing", "istio", "strimzi", "observability");
    public static final String NOT_GENERATED = "strimzi/kafka.yaml";

    private RenderManifests() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Map<String, String> files = ChartRenderer.render(root.resolve("infra/helm/cinemaabyss"), Map.of());
        Path knative = root.resolve("knative");
        for (String folder : GENERATED) {
            Files.createDirectories(knative.resolve(folder));
            try (Stream<Path> existing = Files.list(knative.resolve(folder))) {
                for (Path file : existing.toList()) {
                    String relative = knative.relativize(file).toString();
                    if (!relative.equals(NOT_GENERATED) && !files.containsKey(relative)) {
                        Files.delete(file);
                    }
                }
            }
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = knative.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
        System.out.println("Rendered " + files.size() + " manifests into " + knative);
    }
}
