package com.cinemaabyss.monolith.functions;

import com.cinemaabyss.kit.core.NotFoundException;
import com.cinemaabyss.monolith.domain.NewUser;
import com.cinemaabyss.monolith.domain.User;
import com.cinemaabyss.monolith.store.UserStore;
import com.cinemaabyss.kit.web.Created;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Function;
import java.util.function.Supplier;

@Configuration(proxyBeanMethods = false)
public class UserFunctions {

    @Bean
    public Supplier<Iterable<User>> listUsers(UserStore users) {
        return users::all;
    }

    @Bean
    public Function<Long, User> getUser(UserStore users) {
        return id -> users.find(id).orElseThrow(() -> new NotFoundException("user " + id + " not found"));
    }

    @Bean
    public Function<NewUser, Message<User>> createUser(UserStore users) {
        return request -> Created.of(users.create(request));
    }
}
