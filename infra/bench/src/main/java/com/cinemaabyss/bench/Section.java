package com.cinemaabyss.bench;

import java.util.List;

/**
 * One benchmark's part of the report: its Markdown, its headline figures, and what in this run makes its figures
 * doubtful ({@code warnings}, shown at the top of the report; empty when nothing does).
 */
record Section(String title, String markdown, List<Figure> figures, List<String> warnings) {

    Section {
        figures = List.copyOf(figures);
        warnings = List.copyOf(warnings);
    }

    Section(String title, String markdown, List<Figure> figures) {
        this(title, markdown, figures, List.of());
    }
}
