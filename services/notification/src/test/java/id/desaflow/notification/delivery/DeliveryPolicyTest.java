package id.desaflow.notification.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryPolicyTest {
    static final DeliveryPolicy POLICY = new DeliveryPolicy(Duration.ofSeconds(30), 2.0, Duration.ofMinutes(5), 4,
            Duration.ofMinutes(2), 20, Duration.ofHours(72));

    @Test
    void backoffDoublesFromTheInitialWaitAndStopsAtTheCap() {
        assertThat(POLICY.backoffAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(POLICY.backoffAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(POLICY.backoffAfter(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(POLICY.backoffAfter(4)).isEqualTo(Duration.ofSeconds(240));
        assertThat(POLICY.backoffAfter(5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(POLICY.backoffAfter(60)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aMultiplierOfOneMeansAFixedWait() {
        var fixed = new DeliveryPolicy(Duration.ofSeconds(10), 1.0, Duration.ofSeconds(10), 3, Duration.ofMinutes(1),
                5, Duration.ofHours(1));
        assertThat(fixed.backoffAfter(1)).isEqualTo(fixed.backoffAfter(7)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThatThrownBy(() -> new DeliveryPolicy(Duration.ofSeconds(30), 2.0, Duration.ofSeconds(10), 4,
                Duration.ofMinutes(2), 20, Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeliveryPolicy(Duration.ofSeconds(30), 2.0, Duration.ofMinutes(5), 0,
                Duration.ofMinutes(2), 20, Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
