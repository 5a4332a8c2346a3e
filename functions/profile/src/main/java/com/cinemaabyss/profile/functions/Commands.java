package com.cinemaabyss.profile.functions;

import com.cinemaabyss.profile.domain.NewProfile;
import com.cinemaabyss.profile.domain.ProfileUpdate;
import com.cinemaabyss.profile.domain.ProgressReport;

import java.util.Optional;

/**
 * The inputs of profile's function beans: always the account (the verified token's user) and, for a profile's library,
 * the profile the request named (empty: the account's first).
 */
public final class Commands {

    private Commands() {
    }

    public record CreateProfile(long accountId, String authorization, NewProfile profile) {
    }

    public record ProfileRef(long accountId, long profileId) {
    }

    public record UpdateProfile(long accountId, long profileId, ProfileUpdate update) {
    }

    public record TitleRef(long accountId, Optional<Long> profileId, long titleId) {
    }

    public record Rate(long accountId, Optional<Long> profileId, long titleId, int rating) {
    }

    public record Progress(long accountId, Optional<Long> profileId, ProgressReport report) {
    }

    /** A page of a profile's list: {@code limit} items after {@code cursor} (null: from the newest). */
    public record ListPage(long accountId, Optional<Long> profileId, int limit, String cursor) {
    }
}
