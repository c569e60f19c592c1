package io.camelrrpc.component;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Looks into exception chains, e.g. a context start failure that wraps the component's exception. */
final class Causes {

    private Causes() {
    }

    /** The first exception of that type in the chain, failing the test when there is none. */
    static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " among the causes of " + failure, failure);
    }

    /** The whole stack trace with every cause and suppressed exception, as a log would print it. */
    static String fullText(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
