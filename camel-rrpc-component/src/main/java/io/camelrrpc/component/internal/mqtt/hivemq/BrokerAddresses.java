package io.camelrrpc.component.internal.mqtt.hivemq;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The brokers a {@code brokerUrl} names: one address, or a comma-separated list of the nodes of a cluster, e.g.
 * {@code tcp://node1:1883,tcp://node2:1883}. A connection tries them in this order. All use the same scheme, so the
 * TLS settings and the WebSocket path apply to each.
 */
public final class BrokerAddresses {

    private final List<BrokerAddress> addresses;

    private BrokerAddresses(List<BrokerAddress> addresses) {
        this.addresses = List.copyOf(addresses);
    }

    /**
     * @throws IllegalArgumentException naming the address at fault and what to write instead: an empty entry, an
     *                                  address that is not a broker URL, one listed twice, or schemes that differ
     */
    public static BrokerAddresses parse(String brokerUrl) {
        if (brokerUrl == null || brokerUrl.isBlank()) {
            throw new IllegalArgumentException("brokerUrl is empty: set it to tcp://host:port, or to a comma-separated"
                                               + " list of the nodes of a cluster");
        }
        String[] entries = brokerUrl.split(",", -1);
        List<BrokerAddress> addresses = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            if (entry.isEmpty()) {
                throw new IllegalArgumentException("brokerUrl '" + brokerUrl + "' has an empty address at position "
                                                   + (i + 1) + ": remove the extra comma");
            }
            BrokerAddress address = BrokerAddress.parse(entry);
            if (!seen.add(address.url())) {
                throw new IllegalArgumentException("brokerUrl '" + brokerUrl + "' lists " + address.url()
                                                   + " twice: name each node once");
            }
            if (!addresses.isEmpty() && !address.scheme().equals(addresses.get(0).scheme())) {
                throw new IllegalArgumentException("brokerUrl '" + brokerUrl + "' mixes " + addresses.get(0).scheme()
                                                   + ":// and " + address.scheme() + "://: every node of the list needs"
                                                   + " the same scheme (the TLS settings apply to each)");
            }
            addresses.add(address);
        }
        return new BrokerAddresses(addresses);
    }

    public int size() {
        return addresses.size();
    }

    BrokerAddress get(int index) {
        return addresses.get(index);
    }

    /** Whether the connections use TLS ({@code ssl://}, {@code wss://}). */
    public boolean tls() {
        return addresses.get(0).tls();
    }

    /** Whether MQTT runs over WebSocket ({@code ws://}, {@code wss://}). */
    public boolean webSocket() {
        return addresses.get(0).webSocket();
    }

    @Override
    public String toString() {
        return String.join(",", addresses.stream().map(BrokerAddress::url).toList());
    }
}
