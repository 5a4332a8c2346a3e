package com.cinemaabyss.monolith.functions;

import com.cinemaabyss.kit.core.NotFoundException;
import com.cinemaabyss.monolith.domain.NewPayment;
import com.cinemaabyss.monolith.domain.Payment;
import com.cinemaabyss.monolith.store.PaymentStore;
import com.cinemaabyss.monolith.store.UserStore;
import com.cinemaabyss.kit.web.Created;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

@Configuration(proxyBeanMethods = false)
public class PaymentFunctions {

    @Bean
    public Supplier<Iterable<Payment>> listPayments(PaymentStore payments) {
        return payments::all;
    }

    @Bean
    public Function<Long, Payment> getPayment(PaymentStore payments) {
        return id -> payments.find(id).orElseThrow(() -> new NotFoundException("payment " + id + " not found"));
    }

    @Bean
    public Function<Long, List<Payment>> paymentsOfUser(PaymentStore payments) {
        return payments::byUser;
    }

    @Bean
    public Function<NewPayment, Message<Payment>> createPayment(PaymentStore payments, UserStore users) {
        return request -> {
            users.requireExists(request.userId());
            return Created.of(payments.create(request));
        };
    }
}
