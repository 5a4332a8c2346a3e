package com.cinemaabyss.platform;

import com.cinemaabyss.platform.KnativeWiring.ManifestException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One YAML document of a manifest folder and the file it came from. Fields are addressed by dotted paths
 * ({@code spec.delivery.retry}, list items by index); a key that itself holds dots, such as an annotation name,
 * is matched whole. Every error names the file, the kind and name of the document, and the field.
 */
record ManifestDocument(Path file, Map<?, ?> root) {

    /** Every document of every *.yaml / *.yml file in {@code dir}, files in name order (multi-document YAML allowed). */
    static List<ManifestDocument> readAll(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ManifestException("no manifest folder " + dir);
        }
        List<ManifestDocument> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList()) {
                documents.addAll(read(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    private static List<ManifestDocument> read(Path file) throws IOException {
        List<ManifestDocument> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
                if (doc instanceof Map<?, ?> map) {
                    documents.add(new ManifestDocument(file, map));
                } else if (doc != null) {
                    throw new ManifestException(file + ": a manifest must be a YAML mapping");
                }
            }
        } catch (YAMLException e) {
            throw new ManifestException(file + ": not valid YAML: " + e.getMessage());
        }
        return documents;
    }

    boolean is(String apiGroup, String kind) {
        return kind.equals(root.get("kind")) && String.valueOf(root.get("apiVersion")).startsWith(apiGroup);
    }

    boolean has(String path) {
        return find(root, path) != null;
    }

    String text(String path) {
        Object value = require(path);
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw error(path + " must be a single value");
        }
        return String.valueOf(value);
    }

    int integer(String path) {
        String value = text(path);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw error(path + " is not a number: " + value);
        }
    }

    List<?> list(String path) {
        if (require(path) instanceof List<?> list) {
            return list;
        }
        throw error(path + " must be a list");
    }

    Map<?, ?> map(String path) {
        if (require(path) instanceof Map<?, ?> map) {
            return map;
        }
        throw error(path + " must be a mapping");
    }

    ManifestException error(String message) {
        Object name = root.get("metadata") instanceof Map<?, ?> m ? m.get("name") : null;
        return new ManifestException(file + " (" + root.get("kind") + " " + (name == null ? "?" : name) + "): " + message);
    }

    private Object require(String path) {
        Object value = find(root, path);
        if (value == null) {
            throw error("missing field " + path);
        }
        return value;
    }

    private static Object find(Object node, String path) {
        if (path.isEmpty()) {
            return node;
        }
        if (node instanceof Map<?, ?> map) {
            if (map.containsKey(path)) {
                return map.get(path);
            }
            for (int dot = path.indexOf('.'); dot > 0; dot = path.indexOf('.', dot + 1)) {
                Object child = map.get(path.substring(0, dot));
                Object found = child == null ? null : find(child, path.substring(dot + 1));
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (node instanceof List<?> list) {
            int dot = path.indexOf('.');
            String index = dot < 0 ? path : path.substring(0, dot);
            if (!index.chars().allMatch(Character::isDigit) || index.isEmpty() || Integer.parseInt(index) >= list.size()) {
                return null;
            }
            return find(list.get(Integer.parseInt(index)), dot < 0 ? "" : path.substring(dot + 1));
        }
        return null;
    }
}
