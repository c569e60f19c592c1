package io.camelrrpc.component.internal.threads;

import java.util.concurrent.ExecutorService;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.ThreadPoolProfile;

/**
 * The thread pool an option names: an {@link ExecutorService} bean, used as it is and never shut down here; or a Camel
 * {@link org.apache.camel.spi.ThreadPoolProfile}, from which a pool is made, owned and shut down on {@link #stop}.
 * Without a name, a pool is made from the caller's default profile.
 */
public final class NamedThreadPool {

    private final String option;
    private final String name;
    private final ThreadPoolProfile defaultProfile;
    private ExecutorService pool;
    private boolean owned;

    /**
     * @param option         the option that names the pool, for error messages
     * @param name           a bean or profile name ({@code #name} too), or {@code null} for the default
     * @param defaultProfile the pool to make without a name
     */
    public NamedThreadPool(String option, String name, ThreadPoolProfile defaultProfile) {
        this.option = option;
        this.name = name == null ? null : name.replaceFirst("^#(bean:)?", "");
        this.defaultProfile = defaultProfile;
    }

    /**
     * Looks the pool up, or makes it.
     *
     * @param  source                   who uses it, for Camel's management of the pools it makes
     * @param  threadName               names the threads of a pool made here
     * @throws IllegalArgumentException when the name is neither an ExecutorService bean nor a ThreadPoolProfile
     */
    public ExecutorService start(CamelContext camelContext, Object source, String threadName) {
        ExecutorServiceManager executors = camelContext.getExecutorServiceManager();
        ExecutorService bean = name == null ? null
                : camelContext.getRegistry().lookupByNameAndType(name, ExecutorService.class);
        owned = bean == null;
        if (bean != null) {
            pool = bean;
        } else if (name == null) {
            pool = executors.newThreadPool(source, threadName, defaultProfile);
        } else if (executors.getThreadPoolProfile(name) != null) {
            pool = executors.newThreadPool(source, threadName + " " + name, name);
        } else {
            throw new IllegalArgumentException(
                    option + " '" + name + "' names neither an ExecutorService bean nor a ThreadPoolProfile of the"
                                               + " CamelContext");
        }
        return pool;
    }

    /** Shuts the pool down gracefully if it was made here; a bean is left to its owner. */
    public void stop(CamelContext camelContext) {
        if (pool != null && owned) {
            camelContext.getExecutorServiceManager().shutdownGraceful(pool);
        }
        pool = null;
    }
}
