package com.cinemaabyss.subscriptions.domain;

/** What a payment bought: the plan, its period and profiles, and the price paid (what a renewal charges again). */
public record Plan(String planId, Period period, int maxProfiles, long amount, String currency) {
}
