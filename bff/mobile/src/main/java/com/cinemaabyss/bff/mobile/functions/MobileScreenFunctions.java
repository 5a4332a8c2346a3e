package com.cinemaabyss.bff.mobile.functions;

import com.cinemaabyss.bff.kit.Queries;
import com.cinemaabyss.bff.kit.Screens;
import com.cinemaabyss.bff.mobile.MobileBffSettings;
import com.cinemaabyss.bff.mobile.screens.AccountScreen;
import com.cinemaabyss.bff.mobile.screens.BrowseScreen;
import com.cinemaabyss.bff.mobile.screens.DeviceClass;
import com.cinemaabyss.bff.mobile.screens.HomeScreen;
import com.cinemaabyss.bff.mobile.screens.Shaping;
import com.cinemaabyss.bff.mobile.screens.TitleScreen;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.Function;

/** The apps' screens, one function bean each, for the device class the app names: the kit gathers, these shape. */
@Configuration(proxyBeanMethods = false)
public class MobileScreenFunctions {

    static final Screens.HomeSizes PHONE_HOME = new Screens.HomeSizes(10, 10, 12);
    static final Screens.HomeSizes TV_HOME = new Screens.HomeSizes(10, 10, 20);
    static final int SIMILAR = 8;
    static final int RECEIPTS = 5;

    /** A screen's query and the device it is for. */
    public record OnDevice<Q>(Q query, DeviceClass device) {
    }

    @Bean
    public Function<OnDevice<Queries.Home>, HomeScreen> mobileHome(Screens screens, MobileBffSettings settings) {
        return on -> HomeScreen.of(screens.home(on.query().caller(), on.query().profileId(),
                on.device() == DeviceClass.TV ? TV_HOME : PHONE_HOME), shaping(settings, on.device()));
    }

    @Bean
    public Function<OnDevice<Queries.Browse>, BrowseScreen> mobileBrowse(Screens screens, MobileBffSettings settings) {
        return on -> BrowseScreen.of(screens.browse(on.query().caller(), on.query().query()), shaping(settings, on.device()));
    }

    @Bean
    public Function<OnDevice<Queries.Title>, TitleScreen> mobileTitle(Screens screens, MobileBffSettings settings) {
        return on -> {
            Queries.Title query = on.query();
            return TitleScreen.of(screens.title(query.caller(), query.id(), query.profileId(), query.episodeId(), SIMILAR),
                    query.caller(), shaping(settings, on.device()), SIMILAR);
        };
    }

    @Bean
    public Function<OnDevice<Queries.Account>, AccountScreen> mobileAccount(Screens screens) {
        return on -> AccountScreen.of(screens.account(on.query().caller(), RECEIPTS));
    }

    private static Shaping shaping(MobileBffSettings settings, DeviceClass device) {
        return new Shaping(device, settings.images(device));
    }
}
