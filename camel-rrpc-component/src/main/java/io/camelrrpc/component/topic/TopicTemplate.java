package io.camelrrpc.component.topic;

import java.util.ArrayList;
import java.util.List;

/**
 * An RRPC topic layout such as {@code $rrpc/rxd/{productId}/{deviceName}/{processId}}: each placeholder fills
 * one whole topic level and appears exactly once; the other levels are literal. It builds topics and
 * subscription filters, and reads the address back out of a received topic.
 */
public final class TopicTemplate {

    /** Tencent IoT Hub's request topic, published by the server, subscribed by the device. */
    public static final String TENCENT_REQUEST = "$rrpc/rxd/{productId}/{deviceName}/{processId}";
    /** Tencent IoT Hub's reply topic, published by the device. */
    public static final String TENCENT_REPLY = "$rrpc/txd/{productId}/{deviceName}/{processId}";

    private static final String PRODUCT_ID = "{productId}";
    private static final String DEVICE_NAME = "{deviceName}";
    private static final String PROCESS_ID = "{processId}";

    private final String template;
    private final String[] levels;
    private final int productLevel;
    private final int deviceLevel;
    private final int processLevel;

    private TopicTemplate(String template, String[] levels, int productLevel, int deviceLevel, int processLevel) {
        this.template = template;
        this.levels = levels;
        this.productLevel = productLevel;
        this.deviceLevel = deviceLevel;
        this.processLevel = processLevel;
    }

    /**
     * Parses and checks a template.
     *
     * @param  option                   the option the template came from, named in error messages
     * @param  template                 the template text
     * @throws IllegalArgumentException when a placeholder is missing, repeated or shares a level with other text,
     *                                  or a literal level holds a wildcard
     */
    public static TopicTemplate parse(String option, String template) {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException(option + " must not be empty");
        }
        String[] levels = template.split("/", -1);
        int product = -1;
        int device = -1;
        int process = -1;
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            switch (level) {
                case PRODUCT_ID -> product = once(option, template, PRODUCT_ID, product, i);
                case DEVICE_NAME -> device = once(option, template, DEVICE_NAME, device, i);
                case PROCESS_ID -> process = once(option, template, PROCESS_ID, process, i);
                default -> requireLiteral(option, template, level);
            }
        }
        requirePresent(option, template, PRODUCT_ID, product);
        requirePresent(option, template, DEVICE_NAME, device);
        requirePresent(option, template, PROCESS_ID, process);
        return new TopicTemplate(template, levels, product, device, process);
    }

    private static int once(String option, String template, String placeholder, int seen, int level) {
        if (seen >= 0) {
            throw new IllegalArgumentException(
                    option + " '" + template + "' uses " + placeholder + " twice; each placeholder must appear once");
        }
        return level;
    }

    private static void requirePresent(String option, String template, String placeholder, int level) {
        if (level < 0) {
            throw new IllegalArgumentException(
                    option + " '" + template + "' lacks " + placeholder + "; it needs {productId}, {deviceName} and"
                                               + " {processId}, each as a whole topic level, e.g. "
                                               + TENCENT_REQUEST);
        }
    }

    private static void requireLiteral(String option, String template, String level) {
        if (level.contains("{") || level.contains("}")) {
            throw new IllegalArgumentException(
                    option + " '" + template + "' has level '" + level + "': a placeholder must fill a whole level and"
                                               + " be one of {productId}, {deviceName}, {processId}");
        }
        if (level.contains("+") || level.contains("#") || level.indexOf('\u0000') >= 0) {
            throw new IllegalArgumentException(
                    option + " '" + template + "' has wildcard or NUL in level '" + level
                                               + "'; literal levels cannot contain '+', '#' or NUL");
        }
    }

    /** Builds the topic of one message. The values must already be valid topic levels. */
    public String topic(String productId, String deviceName, String processId) {
        return join(productId, deviceName, processId);
    }

    /**
     * Builds a subscription filter: processId becomes {@code +}; product and device may be {@code +} too.
     */
    public String filter(String productId, String deviceName) {
        return join(productId, deviceName, TopicNames.WILDCARD);
    }

    private String join(String productId, String deviceName, String processId) {
        StringBuilder topic = new StringBuilder(template.length() + 32);
        for (int i = 0; i < levels.length; i++) {
            if (i > 0) {
                topic.append('/');
            }
            if (i == productLevel) {
                topic.append(productId);
            } else if (i == deviceLevel) {
                topic.append(deviceName);
            } else if (i == processLevel) {
                topic.append(processId);
            } else {
                topic.append(levels[i]);
            }
        }
        return topic.toString();
    }

    /**
     * Reads the address out of a received topic.
     *
     * @return the address, or {@code null} when the topic does not have this template's shape or a placeholder
     *         level is empty
     */
    public RrpcAddress parseTopic(String topic) {
        List<String> parts = split(topic);
        if (parts.size() != levels.length) {
            return null;
        }
        for (int i = 0; i < levels.length; i++) {
            boolean placeholder = i == productLevel || i == deviceLevel || i == processLevel;
            String part = parts.get(i);
            if (placeholder ? part.isEmpty() : !part.equals(levels[i])) {
                return null;
            }
        }
        return new RrpcAddress(parts.get(productLevel), parts.get(deviceLevel), parts.get(processLevel));
    }

    private static List<String> split(String topic) {
        List<String> parts = new ArrayList<>(8);
        int start = 0;
        for (int slash = topic.indexOf('/'); slash >= 0; slash = topic.indexOf('/', start)) {
            parts.add(topic.substring(start, slash));
            start = slash + 1;
        }
        parts.add(topic.substring(start));
        return parts;
    }

    @Override
    public String toString() {
        return template;
    }
}
