package com.cinemaabyss.discounts.store;

import com.cinemaabyss.discounts.events.BillingEvents;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClawBackTest {

    private static BillingEvents.PaymentRefunded refund(long refundedTotal, long paid, boolean full) {
        return new BillingEvents.PaymentRefunded(1, 1, 1, refundedTotal, refundedTotal, paid, "EUR", full);
    }

    @Test
    void pointsComeBackInProportionToWhatIsRefundedInAll() {
        assertEquals(3, CheckoutSaga.clawBackTarget(7, refund(400, 799, false)), "7 x 400 / 799 = 3.5, rounded down");
        assertEquals(0, CheckoutSaga.clawBackTarget(7, refund(100, 799, false)));
        assertEquals(7, CheckoutSaga.clawBackTarget(7, refund(799, 799, false)));
        assertEquals(7, CheckoutSaga.clawBackTarget(7, refund(10, 799, true)), "full takes everything");
        assertEquals(7, CheckoutSaga.clawBackTarget(7, refund(900, 799, false)), "never more than earned");
    }
}
