package io.camelrrpc.component.internal.topic;

import io.camelrrpc.component.spi.RrpcAddress;

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
    /** Alibaba IoT Platform's system RRPC request topic ({productId} is the ProductKey). */
    public static final String ALIBABA_REQUEST = "/sys/{productId}/{deviceName}/rrpc/request/{processId}";
    /** Alibaba IoT Platform's system RRPC reply topic. */
    public static final String ALIBABA_REPLY = "/sys/{productId}/{deviceName}/rrpc/response/{processId}";

    private static final String PRODUCT_ID = "{productId}";
    private static final String DEVICE_NAME = "{deviceName}";
    private static final String PROCESS_ID = "{processId}";

    private final String template;
    private final String[] levels;
    private final int productLevel;
    private final int deviceLevel;
    private final int processLevel;
    /** The literal text around the placeholders, in template order: before the first, between, after the last. */
    private final String[] literals = new String[4];
    /** Which value (0 productId, 1 deviceName, 2 processId) each placeholder takes, in template order. */
    private final int[] order = new int[3];

    private TopicTemplate(String template, String[] levels, int productLevel, int deviceLevel, int processLevel) {
        this.template = template;
        this.levels = levels;
        this.productLevel = productLevel;
        this.deviceLevel = deviceLevel;
        this.processLevel = processLevel;
        // e.g. "$rrpc/rxd/", "/", "/", "": a topic is then built with one exactly sized concatenation
        StringBuilder literal = new StringBuilder();
        int placeholder = 0;
        for (int i = 0; i < levels.length; i++) {
            if (i > 0) {
                literal.append('/');
            }
            int value = i == productLevel ? 0 : i == deviceLevel ? 1 : i == processLevel ? 2 : -1;
            if (value < 0) {
                literal.append(levels[i]);
            } else {
                literals[placeholder] = literal.toString();
                order[placeholder++] = value;
                literal.setLength(0);
            }
        }
        literals[3] = literal.toString();
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
        return literals[0] + value(0, productId, deviceName, processId) + literals[1]
               + value(1, productId, deviceName, processId) + literals[2]
               + value(2, productId, deviceName, processId) + literals[3];
    }

    private String value(int placeholder, String productId, String deviceName, String processId) {
        int value = order[placeholder];
        return value == 0 ? productId : value == 1 ? deviceName : processId;
    }

    /**
     * Reads the address out of a received topic.
     *
     * @return the address, or {@code null} when the topic does not have this template's shape or a placeholder
     *         level is empty
     */
    public RrpcAddress parseTopic(String topic) {
        // one pass without splitting: only the three placeholder levels become strings
        String productId = null;
        String deviceName = null;
        String processId = null;
        int start = 0;
        for (int i = 0; i < levels.length; i++) {
            int slash = topic.indexOf('/', start);
            boolean last = i == levels.length - 1;
            if (last ? slash >= 0 : slash < 0) {
                return null; // more or fewer levels than the template
            }
            int end = last ? topic.length() : slash;
            if (isPlaceholder(i)) {
                if (end == start) {
                    return null;
                }
                String part = topic.substring(start, end);
                if (i == productLevel) {
                    productId = part;
                } else if (i == deviceLevel) {
                    deviceName = part;
                } else {
                    processId = part;
                }
            } else if (end - start != levels[i].length() || !topic.startsWith(levels[i], start)) {
                return null;
            }
            start = end + 1;
        }
        return new RrpcAddress(productId, deviceName, processId);
    }

    /**
     * Whether some topic fits both templates, e.g. {@code a/{productId}/{deviceName}/{processId}} and
     * {@code a/{deviceName}/{productId}/{processId}}: literal levels must be equal level by level, a placeholder
     * level takes any non-empty text.
     */
    public boolean overlaps(TopicTemplate other) {
        if (levels.length != other.levels.length) {
            return false;
        }
        for (int i = 0; i < levels.length; i++) {
            boolean placeholder = isPlaceholder(i);
            boolean otherPlaceholder = other.isPlaceholder(i);
            if (placeholder && otherPlaceholder) {
                continue;
            }
            String literal = placeholder ? other.levels[i] : levels[i];
            boolean fits = placeholder || otherPlaceholder ? !literal.isEmpty() : levels[i].equals(other.levels[i]);
            if (!fits) {
                return false;
            }
        }
        return true;
    }

    private boolean isPlaceholder(int level) {
        return level == productLevel || level == deviceLevel || level == processLevel;
    }

    @Override
    public String toString() {
        return template;
    }
}
