package com.cinemaabyss.bench;

import java.util.List;

/** One benchmark's part of the report: its Markdown and its headline figures. */
record Section(String title, String markdown, List<Figure> figures) {
}
