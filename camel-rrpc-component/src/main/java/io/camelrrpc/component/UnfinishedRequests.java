package io.camelrrpc.component;

import java.util.concurrent.TimeUnit;

/**
 * Counts a consumer's requests from when it takes them until their reply is published (or dropped), so that a stop
 * can wait for them. Those outside the route (queued for a worker, or their reply being published) are counted apart:
 * Camel's inflight registry counts the others.
 */
final class UnfinishedRequests {

    private int count;
    private int outsideRoute;

    /** A request was taken and waits for a worker. */
    synchronized void taken() {
        count++;
        outsideRoute++;
    }

    /** Its exchange enters the route. */
    synchronized void entered() {
        outsideRoute--;
    }

    /** Its route is done; its reply is being published. */
    synchronized void replying() {
        outsideRoute++;
    }

    /** Its reply was published, or it ends without one. */
    synchronized void done() {
        count--;
        outsideRoute--;
        if (count == 0) {
            notifyAll();
        }
    }

    synchronized int count() {
        return count;
    }

    synchronized int outsideRoute() {
        return outsideRoute;
    }

    /** Waits until none is left. @return false if some are left when the time is up */
    synchronized boolean awaitNone(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (count > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }
}
