package com.cinemaabyss.catalog.domain;

import com.cinemaabyss.kit.core.InvalidInputException;

import java.time.Instant;

/** A licence window a provider offers for one region: from (inclusive) before to (exclusive), RFC 3339 in UTC. */
public record Licence(String region, String from, String to) {

    public Licence {
        region = Fields.region(region, "licences[].region");
        Instant start = Fields.instant(from, "licences[].from");
        Instant end = Fields.instant(to, "licences[].to");
        if (!start.isBefore(end)) {
            throw new InvalidInputException("field 'licences[]' of region " + region + " must have from before to");
        }
        from = start.toString();
        to = end.toString();
    }
}
