package io.camelrrpc.component;

import org.apache.camel.support.DefaultHeaderFilterStrategy;

/**
 * The default header filter of rrpc endpoints: no {@code Camel*}/{@code camel*}/{@code org.apache.camel.*} header
 * leaves as an MQTT 5 user property, and no such user property becomes a header.
 */
public class RrpcHeaderFilterStrategy extends DefaultHeaderFilterStrategy {

    public RrpcHeaderFilterStrategy() {
        setOutFilterStartsWith(CAMEL_FILTER_STARTS_WITH);
        setInFilterStartsWith(CAMEL_FILTER_STARTS_WITH);
    }
}
