package io.camelrrpc.component.internal.mqtt;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionTableTest {

    @Test
    void matchesLikeABroker() {
        assertThat(SubscriptionTable.matches("$rrpc/txd/+/+/+", "$rrpc/txd/P/D/1")).isTrue();
        assertThat(SubscriptionTable.matches("$rrpc/txd/+/+/+", "$rrpc/txd/P/D/")).as("empty level").isTrue();
        assertThat(SubscriptionTable.matches("$rrpc/txd/+/+/+", "$rrpc/txd//D/1")).as("empty level").isTrue();
        assertThat(SubscriptionTable.matches("$rrpc/txd/+/+/+", "$rrpc/txd/P/D")).isFalse();
        assertThat(SubscriptionTable.matches("$rrpc/txd/+/+/+", "$rrpc/txd/P/D/1/2")).isFalse();
        assertThat(SubscriptionTable.matches("$rrpc/txd/+/+/+", "$rrpc/rxd/P/D/1")).isFalse();
        assertThat(SubscriptionTable.matches("a/#", "a")).isTrue();
        assertThat(SubscriptionTable.matches("a/#", "a/b/c")).isTrue();
        assertThat(SubscriptionTable.matches("#", "a/b")).isTrue();
        assertThat(SubscriptionTable.matches("/sys/+/+/rrpc/response/+", "/sys/p/d/rrpc/response/9")).isTrue();
        assertThat(SubscriptionTable.matches("$rrpc/txd/+/+/+", "#####")).isFalse();
    }

    @Test
    void findsIndexedAndOtherSubscriptions() {
        SubscriptionTable table = new SubscriptionTable();
        Subscription device = Subscription.of("$rrpc/txd/P/D/+", 0, (t, p) -> { });
        Subscription all = Subscription.of("$rrpc/txd/+/+/+", 0, (t, p) -> { });
        Subscription shared = Subscription.shared("g", "rrpc/rxd/P/+/+", 0, (t, p) -> { });
        table.add(device);
        table.add(all);
        table.add(shared);

        assertThat(matching(table, "$rrpc/txd/P/D/1")).containsExactlyInAnyOrder(device, all);
        assertThat(matching(table, "$rrpc/txd/P/E/1")).containsExactly(all);
        assertThat(matching(table, "rrpc/rxd/P/E/1")).containsExactly(shared);

        table.remove(device);
        assertThat(matching(table, "$rrpc/txd/P/D/1")).containsExactly(all);
    }

    private static List<Subscription> matching(SubscriptionTable table, String topic) {
        List<Subscription> found = new ArrayList<>();
        table.forEachMatch(topic, found::add);
        return found;
    }
}
