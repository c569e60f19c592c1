package io.camelrrpc.component.internal.correlation;

import java.util.HashMap;
import java.util.Map;

import io.camelrrpc.component.internal.late.RecentCalls;
import io.camelrrpc.component.spi.CallStatistics;

/** A correlator's counters, remembered calls and pending calls now, as the public {@link CallStatistics}. */
public final class CallStatisticsSnapshot {

    private CallStatisticsSnapshot() {
    }

    public static CallStatistics of(ReplyCorrelator correlator) {
        CorrelationStatistics stats = correlator.statistics();
        RecentCalls recent = correlator.recentCalls();
        Map<String, Integer> pendingByDevice = new HashMap<>();
        correlator.forEachPending(address -> pendingByDevice.merge(address.device(), 1, Integer::sum));
        long lateReplies = recent.lateReplies();
        long duplicateReplies = recent.duplicateReplies();
        return new CallStatistics(stats.calls(), stats.replies(), stats.timeouts(), stats.failures(),
                stats.rejections(), lateReplies, duplicateReplies,
                stats.unmatchedReplies() - lateReplies - duplicateReplies, stats.misaddressedReplies(),
                stats.malformedReplies(), stats.oversizedReplies(), recent.timedOutCalls(), correlator.pendingCalls(),
                pendingByDevice);
    }
}
