package com.cinemaabyss.monolith.functions;

import com.cinemaabyss.kit.core.NotFoundException;
import com.cinemaabyss.monolith.domain.NewUser;
import com.cinemaabyss.monolith.domain.User;
import com.cinemaabyss.monolith.store.UserStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

@Configuration(proxyBeanMethods = false)
public class UserFunctions {

    @Bean
    public Supplier<List<User>> listUsers(UserStore users) {
        return users::all;
    }

    @Bean
    public Function<Long, User> getUser(UserStore users) {
        return id -> users.find(id).orElseThrow(() -> new NotFoundException("user " + id + " not found"));
    }

    @Bean
    public Function<NewUser, User> createUser(UserStore users) {
        return users::create;
    }
}
