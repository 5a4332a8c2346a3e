package com.cinemaabyss.manifests;

import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Renders every PlantUML diagram of a folder to SVG; a diagram PlantUML cannot read fails the build. */
public final class RenderDiagrams {

    private RenderDiagrams() {
    }

    public static void main(String[] args) throws IOException {
        Path sources = Path.of(args[0]);
        Path target = Path.of(args.length > 1 ? args[1] : args[0]);
        Files.createDirectories(target);
        List<Path> diagrams;
        try (Stream<Path> files = Files.list(sources)) {
            diagrams = files.filter(f -> f.toString().endsWith(".puml")).sorted().toList();
        }
        for (Path diagram : diagrams) {
            String name = diagram.getFileName().toString().replaceFirst("\\.puml$", ".svg");
            Files.writeString(target.resolve(name), render(Files.readString(diagram), diagram.toString()));
        }
        System.out.println("Rendered " + diagrams.size() + " diagram(s) into " + target);
    }

    static String render(String source, String name) throws IOException {
        SourceStringReader reader = new SourceStringReader(source);
        ByteArrayOutputStream svg = new ByteArrayOutputStream();
        reader.outputImage(svg, new FileFormatOption(FileFormat.SVG));
        String text = svg.toString(java.nio.charset.StandardCharsets.UTF_8);
        if (text.contains("Syntax Error") || reader.getBlocks().stream().anyMatch(b -> b.getDiagram().getClass().getSimpleName().contains("Error"))) {
            throw new IllegalStateException(name + " is not a valid PlantUML diagram");
        }
        return text;
    }
}
