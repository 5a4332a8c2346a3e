package com.cinemaabyss.bench;

import java.util.ArrayList;
import java.util.List;

/** A Markdown table, built row by row. */
final class Table {

    private final List<String> lines = new ArrayList<>();

    Table(String... headers) {
        lines.add("| " + String.join(" | ", headers) + " |");
        lines.add("|" + " --- |".repeat(headers.length));
    }

    Table row(Object... cells) {
        List<String> texts = new ArrayList<>();
        for (Object cell : cells) {
            texts.add(String.valueOf(cell));
        }
        lines.add("| " + String.join(" | ", texts) + " |");
        return this;
    }

    @Override
    public String toString() {
        return String.join("\n", lines) + "\n";
    }
}
