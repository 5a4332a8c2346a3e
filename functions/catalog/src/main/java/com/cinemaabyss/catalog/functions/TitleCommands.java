package com.cinemaabyss.catalog.functions;

import com.cinemaabyss.catalog.domain.SeasonDraft;
import com.cinemaabyss.catalog.domain.TitleDraft;

/** The inputs of the title functions that take more than one thing. */
public final class TitleCommands {

    private TitleCommands() {
    }

    /** {@code PUT /api/v1/titles/{id}}: the whole title. */
    public record UpdateTitle(long id, TitleDraft draft) {
    }

    /** {@code PUT /api/v1/titles/{id}/seasons/{number}}: one season of a series, added or replaced whole. */
    public record PutSeason(long id, int number, SeasonDraft season) {
    }
}
