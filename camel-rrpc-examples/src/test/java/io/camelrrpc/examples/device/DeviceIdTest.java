package io.camelrrpc.examples.device;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DeviceIdTest {

    @Test
    void readsProductSlashDevice() {
        assertThat(DeviceId.valueOf(" KL4J2ABCD8/airConditioner1 "))
                .isEqualTo(new DeviceId("KL4J2ABCD8", "airConditioner1"))
                .hasToString("KL4J2ABCD8/airConditioner1");
    }

    @Test
    void refusesWhatIsNotOneDevice() {
        assertThatIllegalArgumentException().isThrownBy(() -> DeviceId.valueOf("airConditioner1"));
        assertThatIllegalArgumentException().isThrownBy(() -> DeviceId.valueOf("P/a/b"));
        assertThatIllegalArgumentException().isThrownBy(() -> DeviceId.valueOf("P/+"));
        assertThatIllegalArgumentException().isThrownBy(() -> DeviceId.valueOf("/d"));
    }
}
