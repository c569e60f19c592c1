package io.camelrrpc.component.internal.correlation;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeScopedProcessIdGeneratorTest {

    private static final Pattern TOPIC_SAFE = Pattern.compile("[0-9A-Za-z]{16}");

    @Test
    void millionIdsAreUniqueSixteenBytesAndFixedWidth() {
        NodeScopedProcessIdGenerator generator = new NodeScopedProcessIdGenerator();
        Set<String> ids = new HashSet<>(2_000_000);
        for (int i = 0; i < 1_000_000; i++) {
            String id = generator.nextId();
            assertThat(id.getBytes(StandardCharsets.UTF_8)).hasSize(16);
            assertThat(TOPIC_SAFE.matcher(id).matches()).as(id).isTrue();
            ids.add(id);
        }
        assertThat(ids).hasSize(1_000_000);
    }

    @Test
    void idsOfTwoNodesNeverCollide() {
        NodeScopedProcessIdGenerator a = new NodeScopedProcessIdGenerator("nodeA1");
        NodeScopedProcessIdGenerator b = new NodeScopedProcessIdGenerator("nodeB1");
        String fromA = a.nextId();
        assertThat(fromA).startsWith("nodeA1").isNotEqualTo(b.nextId());
    }

    @Test
    void randomPrefixesDiffer() {
        assertThat(new NodeScopedProcessIdGenerator().nodePrefix()).isNotEqualTo(new NodeScopedProcessIdGenerator().nodePrefix());
    }

    @Test
    void refusesBadPrefix() {
        assertThatThrownBy(() -> new NodeScopedProcessIdGenerator("a/b+cd")).hasMessageContaining("[0-9A-Za-z]");
        assertThatThrownBy(() -> new NodeScopedProcessIdGenerator("short")).hasMessageContaining("6 characters");
    }
}
