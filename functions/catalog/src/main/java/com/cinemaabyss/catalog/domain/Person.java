package com.cinemaabyss.catalog.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.cinemaabyss.kit.core.InvalidInputException;

/** Someone in a title's cast or crew. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Person(String name, String role, String character) {

    public Person {
        name = Fields.text(name, 200, "people[].name");
        if (role == null || !Fields.ROLES.contains(role)) {
            throw new InvalidInputException("field 'people[].role' must be one of director, actor, writer, producer, composer");
        }
        character = Fields.optionalText(character, 200, "people[].character", false);
    }
}
