package io.camelrrpc.examples.device;

import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A simulated air conditioner, like the one in Tencent's RRPC sample: {@code open} and {@code closed} switch it on
 * and off and answer {@code ok}; JSON commands answer its state as JSON:
 * <ul>
 * <li>{@code {"cmd":"getState"}}</li>
 * <li>{@code {"cmd":"setTemp","value":22}} (16 to 30 °C)</li>
 * <li>{@code {"cmd":"setMode","value":"heat"}} (cool, heat, fan, dry or auto)</li>
 * </ul>
 * Anything else answers {@code {"error":"...","message":"..."}}. Safe for concurrent calls.
 */
public class AirConditioner {

    static final int MIN_TEMPERATURE = 16;
    static final int MAX_TEMPERATURE = 30;
    static final Set<String> MODES = Set.of("cool", "heat", "fan", "dry", "auto");
    private static final ObjectMapper JSON = new ObjectMapper();

    private boolean on;
    private int targetTemperature = 26;
    private String mode = "cool";

    /** Answers one command. */
    public synchronized String handle(String command) {
        String text = command == null ? "" : command.trim();
        switch (text) {
            case "open":
                on = true;
                return "ok";
            case "closed":
                on = false;
                return "ok";
            default:
                return handleJson(text);
        }
    }

    private String handleJson(String text) {
        JsonNode request;
        try {
            request = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return error("unknown_command", "Expected open, closed or a JSON command, got '" + text + "'");
        }
        String cmd = request == null ? "" : request.path("cmd").asText();
        JsonNode value = request == null ? null : request.get("value");
        return switch (cmd) {
            case "getState" -> state();
            case "setTemp" -> setTemperature(value);
            case "setMode" -> setMode(value);
            default -> error("unknown_command", "Unknown command '" + cmd + "'; use getState, setTemp or setMode");
        };
    }

    private String setTemperature(JsonNode value) {
        if (value == null || !value.canConvertToExactIntegral()
            || value.asInt() < MIN_TEMPERATURE || value.asInt() > MAX_TEMPERATURE) {
            return error("invalid_value", "setTemp needs an integer value from " + MIN_TEMPERATURE + " to "
                                          + MAX_TEMPERATURE);
        }
        targetTemperature = value.asInt();
        return state();
    }

    private String setMode(JsonNode value) {
        if (value == null || !MODES.contains(value.asText())) {
            return error("invalid_value", "setMode needs one of " + MODES);
        }
        mode = value.asText();
        return state();
    }

    private String state() {
        ObjectNode state = JSON.createObjectNode()
                .put("power", on ? "on" : "off")
                .put("targetTemperature", targetTemperature)
                .put("mode", mode);
        return state.toString();
    }

    private static String error(String error, String message) {
        return JSON.createObjectNode().put("error", error).put("message", message).toString();
    }
}
