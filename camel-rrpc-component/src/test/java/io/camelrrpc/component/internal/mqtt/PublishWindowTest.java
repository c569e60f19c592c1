package io.camelrrpc.component.internal.mqtt;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublishWindowTest {

    @Test
    void holdsBackPublishesBeyondCapacityAndReleasesThemInOrder() {
        PublishWindow window = new PublishWindow(2);
        List<Integer> started = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            window.submit(() -> started.add(n));
        }
        assertThat(started).containsExactly(0, 1);
        assertThat(window.waiting()).isEqualTo(3);
        window.release();
        assertThat(started).containsExactly(0, 1, 2);
        window.release();
        window.release();
        assertThat(started).containsExactly(0, 1, 2, 3, 4);
        assertThat(window.inFlight()).isEqualTo(2);
    }

    @Test
    void publishThatFailsAtOnceFreesItsSlot() {
        PublishWindow window = new PublishWindow(1);
        List<Integer> started = new ArrayList<>();
        window.submit(() -> {
            started.add(0);
            return false;
        });
        window.submit(() -> started.add(1));
        assertThat(started).containsExactly(0, 1);
        assertThat(window.inFlight()).isEqualTo(1);
    }
}
