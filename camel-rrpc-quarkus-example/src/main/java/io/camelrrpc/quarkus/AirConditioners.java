package io.camelrrpc.quarkus;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated air conditioners of one product, one per device name: {@code open} and {@code closed} switch a
 * device on and off and answer {@code ok} (like the Spring Boot example's and Tencent's RRPC sample), {@code state}
 * answers {@code on} or {@code off}. Safe for concurrent calls.
 */
public class AirConditioners {

    private final Map<String, Boolean> powerByDevice = new ConcurrentHashMap<>();

    /** The device's answer to one command. */
    public String handle(String deviceName, String command) {
        String text = command == null ? "" : command.trim();
        return switch (text) {
            case "open" -> switchPower(deviceName, true);
            case "closed" -> switchPower(deviceName, false);
            case "state" -> powerByDevice.getOrDefault(deviceName, false) ? "on" : "off";
            default -> "unknown command '" + text + "': use open, closed or state";
        };
    }

    private String switchPower(String deviceName, boolean on) {
        powerByDevice.put(deviceName, on);
        return "ok";
    }
}
