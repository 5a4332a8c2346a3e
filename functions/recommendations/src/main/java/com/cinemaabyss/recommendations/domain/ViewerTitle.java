package com.cinemaabyss.recommendations.domain;

/** What one profile did with one title, as far as the events told: watched, finished, favourite, its rating (0: none). */
public record ViewerTitle(long titleId, boolean viewed, boolean finished, boolean favorite, int rating) {

    /**
     * How much the title says about the profile's taste, for its favourite genres: a favourite 3, a liked rating
     * (7..10) 2..5, a disliked one (1..4) -2, finished 2, only started 1.
     */
    public double affinity() {
        double a = favorite ? 3 : 0;
        if (rating >= Signal.LIKED) {
            a += rating - 5;
        } else if (rating > 0 && rating <= 4) {
            a -= 2;
        }
        if (finished) {
            a += 2;
        } else if (viewed) {
            a += 1;
        }
        return a;
    }
}
