package io.camelrrpc.examples.device;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AirConditionerTest {

    private final AirConditioner airConditioner = new AirConditioner();

    @Test
    void openAndClosedSwitchItAndAnswerOk() {
        assertThat(airConditioner.handle("open")).isEqualTo("ok");
        assertThat(airConditioner.handle("{\"cmd\":\"getState\"}")).contains("\"power\":\"on\"");
        assertThat(airConditioner.handle(" closed\n")).isEqualTo("ok");
        assertThat(airConditioner.handle("{\"cmd\":\"getState\"}")).contains("\"power\":\"off\"");
    }

    @Test
    void jsonCommandsAnswerTheState() {
        assertThat(airConditioner.handle("{\"cmd\":\"setTemp\",\"value\":22}"))
                .isEqualTo("{\"power\":\"off\",\"targetTemperature\":22,\"mode\":\"cool\"}");
        assertThat(airConditioner.handle("{\"cmd\":\"setMode\",\"value\":\"heat\"}"))
                .isEqualTo("{\"power\":\"off\",\"targetTemperature\":22,\"mode\":\"heat\"}");
    }

    @Test
    void badCommandsAnswerAnErrorAndChangeNothing() {
        String before = airConditioner.handle("{\"cmd\":\"getState\"}");

        assertThat(airConditioner.handle("reboot")).contains("\"error\":\"unknown_command\"");
        assertThat(airConditioner.handle("{\"cmd\":\"selfDestruct\"}")).contains("\"error\":\"unknown_command\"");
        assertThat(airConditioner.handle("{\"cmd\":\"setTemp\",\"value\":99}")).contains("\"error\":\"invalid_value\"");
        assertThat(airConditioner.handle("{\"cmd\":\"setTemp\",\"value\":\"warm\"}")).contains("invalid_value");
        assertThat(airConditioner.handle("{\"cmd\":\"setMode\"}")).contains("\"error\":\"invalid_value\"");
        assertThat(airConditioner.handle(null)).contains("unknown_command");
        assertThat(airConditioner.handle("{\"cmd\":\"getState\"}")).isEqualTo(before);
    }
}
