package com.cinemaabyss.notifications.campaigns;

import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.notifications.domain.Channel;
import com.cinemaabyss.notifications.domain.Kind;
import com.cinemaabyss.notifications.domain.Language;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code POST /api/v1/campaigns}: a marketing template, a channel and a segment. Segment lists are bounded; an empty
 * or absent list does not narrow. {@code countries} are ISO 3166-1 alpha-2 codes of where accounts were opened from
 * (identity's user.registered; see the README).
 */
public record CampaignRequest(String template, String channel, Segment segment) {

    static final int MAX_PLANS = 20;
    static final int MAX_COUNTRIES = 50;
    private static final Pattern PLAN = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    public record Segment(List<String> plans, List<String> countries, List<String> languages) {
    }

    /** What the request asks for, checked. */
    public record Checked(Kind template, Channel channel, Set<String> plans, Set<Language> languages, Set<String> countries) {
    }

    public Checked check() {
        if (template == null || template.isBlank()) {
            throw new InvalidInputException("template is required (one of " + marketingTemplates() + ")");
        }
        Kind kind = Kind.of(template).filter(Kind::campaign)
                .orElseThrow(() -> new InvalidInputException("template must be one of " + marketingTemplates()));
        Channel ch = parseChannel(channel);
        if (!kind.on(ch)) {
            throw new InvalidInputException("template " + kind.code() + " cannot be sent by " + ch.code());
        }
        Set<String> planSet = new LinkedHashSet<>();
        Set<Language> languageSet = new LinkedHashSet<>();
        Set<String> countrySet = new LinkedHashSet<>();
        if (segment != null) {
            if (segment.countries() != null) {
                if (segment.countries().size() > MAX_COUNTRIES) {
                    throw new InvalidInputException("segment.countries holds at most " + MAX_COUNTRIES + " countries");
                }
                for (String country : segment.countries()) {
                    if (country == null || !COUNTRY.matcher(country).matches()) {
                        throw new InvalidInputException("segment.countries: each is an ISO 3166-1 alpha-2 code in capitals, e.g. RU");
                    }
                    countrySet.add(country);
                }
            }
            if (segment.plans() != null) {
                if (segment.plans().size() > MAX_PLANS) {
                    throw new InvalidInputException("segment.plans holds at most " + MAX_PLANS + " plans");
                }
                for (String plan : segment.plans()) {
                    if (plan == null || !PLAN.matcher(plan).matches()) {
                        throw new InvalidInputException("segment.plans: each plan id is 1..64 of a-z, 0-9 and '-'");
                    }
                    planSet.add(plan);
                }
            }
            if (segment.languages() != null) {
                if (segment.languages().size() > Language.values().length) {
                    throw new InvalidInputException("segment.languages holds at most " + Language.values().length + " languages");
                }
                for (String language : segment.languages()) {
                    languageSet.add(Language.parse(language, "segment.languages"));
                }
            }
        }
        return new Checked(kind, ch, planSet, languageSet, countrySet);
    }

    public static Channel parseChannel(String value) {
        if (value != null) {
            for (Channel c : Channel.values()) {
                if (c.code().equals(value)) {
                    return c;
                }
            }
        }
        throw new InvalidInputException("channel must be one of email, push, sms");
    }

    private static String marketingTemplates() {
        List<String> codes = new java.util.ArrayList<>();
        for (Kind kind : Kind.values()) {
            if (kind.campaign()) {
                codes.add(kind.code());
            }
        }
        return String.join(", ", codes).toLowerCase(Locale.ROOT);
    }
}
