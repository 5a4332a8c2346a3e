package com.cinemaabyss.bff.web.functions;

import com.cinemaabyss.bff.kit.Queries;
import com.cinemaabyss.bff.kit.Screens;
import com.cinemaabyss.bff.web.screens.AccountScreen;
import com.cinemaabyss.bff.web.screens.BrowseScreen;
import com.cinemaabyss.bff.web.screens.HomeScreen;
import com.cinemaabyss.bff.web.screens.TitleScreen;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.Function;

/** The web client's screens, one function bean each: the kit gathers, these shape. */
@Configuration(proxyBeanMethods = false)
public class WebScreenFunctions {

    static final Screens.HomeSizes HOME = new Screens.HomeSizes(10, 10, 20);
    static final int SIMILAR = 12;
    static final int RECEIPTS = 20;

    @Bean
    public Function<Queries.Home, HomeScreen> webHome(Screens screens) {
        return query -> HomeScreen.of(screens.home(query.caller(), query.profileId(), HOME));
    }

    @Bean
    public Function<Queries.Browse, BrowseScreen> webBrowse(Screens screens) {
        return query -> BrowseScreen.of(screens.browse(query.caller(), query.query()));
    }

    @Bean
    public Function<Queries.Title, TitleScreen> webTitle(Screens screens) {
        return query -> TitleScreen.of(screens.title(query.caller(), query.id(), query.profileId(), query.episodeId(), SIMILAR),
                query.caller());
    }

    @Bean
    public Function<Queries.Account, AccountScreen> webAccount(Screens screens) {
        return query -> AccountScreen.of(screens.account(query.caller(), RECEIPTS));
    }
}
