package com.cinemaabyss.manifests;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders infra/helm/cinemaabyss with the real Helm engine (helm-java) and splits the result into the files
 * of knative/: each document names its file in a leading {@code # file: ...} comment.
 */
public final class ChartRenderer {

    private static final Pattern FILE = Pattern.compile("(?m)^# file: (\\S+)\\n");

    private ChartRenderer() {
    }

    /** The rendered documents as {@code relative path -> YAML text}, in rendering order. */
    public static Map<String, String> render(Path chart, Map<String, String> values) {
        TemplateCommand template = new Helm(chart).template().withName("cinemaabyss");
        values.forEach(template::set);
        return split(template.call());
    }

    static Map<String, String> split(String rendered) {
        Map<String, String> files = new LinkedHashMap<>();
        for (String document : documents(rendered)) {
            Matcher file = FILE.matcher(document);
            if (!file.find()) {
                throw new IllegalStateException("a rendered document does not say which file it belongs in:\n" + document);
            }
            String text = document.substring(file.end()).strip() + "\n";
            if (files.put(file.group(1), text) != null) {
                throw new IllegalStateException("two documents render to " + file.group(1));
            }
        }
        return files;
    }

    private static List<String> documents(String rendered) {
        List<String> documents = new ArrayList<>();
        for (String part : rendered.split("(?m)^---\\s*$")) {
            String withoutSource = part.replaceAll("(?m)^# Source: .*\\n", "").strip();
            if (!withoutSource.isEmpty()) {
                documents.add(withoutSource + "\n");
            }
        }
        return documents;
    }
}
