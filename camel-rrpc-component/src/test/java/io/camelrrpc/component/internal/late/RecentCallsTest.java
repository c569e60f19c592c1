package io.camelrrpc.component.internal.late;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.camelrrpc.component.spi.ReplyDropReason;
import io.camelrrpc.component.spi.RrpcAddress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Late, duplicate and unmatched replies told apart, within bounded memory and each producer's window. */
class RecentCallsTest {

    private final AtomicLong clock = new AtomicLong();
    private final List<LateReply> delivered = new ArrayList<>();
    private final RecentCalls recent = new RecentCalls(Runnable::run, clock::get);
    private final LateReplies forward = new LateReplies(60_000, delivered::add);

    @Test
    void aReplyWithinTheWindowIsLateAndHandedOnWithItsCallsTimeoutAndLateness() {
        RrpcAddress call = address("1");
        recent.timedOut(call, 4000, forward);
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(250));

        assertThat(recent.dropped(call, bytes("done"))).isEqualTo(ReplyDropReason.LATE);

        assertThat(delivered).singleElement().satisfies(late -> {
            assertThat(late.address()).isEqualTo(call);
            assertThat(late.payload()).asString(StandardCharsets.UTF_8).isEqualTo("done");
            assertThat(late.timeoutMillis()).isEqualTo(4000);
            assertThat(late.lateByMillis()).isEqualTo(250);
        });
        assertThat(recent.dropped(call, bytes("done again"))).as("a second copy").isEqualTo(ReplyDropReason.DUPLICATE);
        assertThat(recent.lateReplies()).isEqualTo(1);
        assertThat(recent.duplicateReplies()).isEqualTo(1);
    }

    @Test
    void aReplyAfterTheWindowIsUnmatchedAndTheCallForgotten() {
        recent.timedOut(address("1"), 4000, new LateReplies(100, delivered::add));
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(101));

        assertThat(recent.dropped(address("1"), bytes("too late"))).isEqualTo(ReplyDropReason.UNMATCHED);
        recent.timedOut(address("2"), 4000, forward);
        assertThat(recent.timedOutCalls()).as("the expired call is forgotten").isEqualTo(1);
        assertThat(delivered).isEmpty();
    }

    @Test
    void withoutATargetLateRepliesAreOnlyCounted() {
        recent.timedOut(address("1"), 4000, LateReplies.countOnly(60_000));

        assertThat(recent.dropped(address("1"), bytes("late"))).isEqualTo(ReplyDropReason.LATE);
        assertThat(recent.lateReplies()).isEqualTo(1);
    }

    @Test
    void atMostTheCapacityOfTimedOutCallsIsRemembered() {
        for (int i = 0; i <= RecentCalls.TIMED_OUT_CAPACITY; i++) {
            recent.timedOut(address(Integer.toString(i)), 4000, forward);
        }

        assertThat(recent.timedOutCalls()).isEqualTo(RecentCalls.TIMED_OUT_CAPACITY);
        assertThat(recent.dropped(address("0"), bytes("oldest"))).isEqualTo(ReplyDropReason.UNMATCHED);
        assertThat(recent.dropped(address("1"), bytes("kept"))).isEqualTo(ReplyDropReason.LATE);
    }

    @Test
    void anotherDevicesReplyToATimedOutCallIsMisaddressedAndTheCallStaysLate() {
        recent.timedOut(address("1"), 4000, forward);

        assertThat(recent.dropped(new RrpcAddress("P", "other", "1"), bytes("x"))).isEqualTo(ReplyDropReason.MISADDRESSED);
        assertThat(recent.dropped(address("1"), bytes("mine"))).isEqualTo(ReplyDropReason.LATE);
    }

    @Test
    void answeredCallsMakeDuplicatesAndUnknownIdsAreUnmatched() {
        recent.answered("42");

        assertThat(recent.dropped(address("42"), bytes("again"))).isEqualTo(ReplyDropReason.DUPLICATE);
        assertThat(recent.dropped(address("43"), bytes("who?"))).isEqualTo(ReplyDropReason.UNMATCHED);
    }

    private static RrpcAddress address(String processId) {
        return new RrpcAddress("P", "D", processId);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
