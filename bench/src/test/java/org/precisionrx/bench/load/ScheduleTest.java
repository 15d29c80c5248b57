package org.precisionrx.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void sendsRateTimesDurationRequests() {
        assertThat(new Schedule(100, Duration.ofSeconds(60)).requests()).isEqualTo(6000);
        assertThat(new Schedule(200, Duration.ofMillis(2500)).requests()).isEqualTo(500);
        assertThat(new Schedule(0.5, Duration.ofMillis(100)).requests()).isEqualTo(1);
    }

    @Test
    void dueTimesAreEvenlySpacedFromTheStartWithoutDrift() {
        Schedule schedule = new Schedule(3, Duration.ofSeconds(1));
        assertThat(schedule.dueNanos(0)).isZero();
        assertThat(schedule.dueNanos(1)).isEqualTo(333_333_333L);
        assertThat(schedule.dueNanos(2)).isEqualTo(666_666_667L);
        // Computed from the index: after a million requests at 3/s the due time is still exact.
        Schedule long_ = new Schedule(3, Duration.ofDays(5));
        assertThat(long_.dueNanos(999_999)).isEqualTo(333_333_000_000_000L);
    }

    @Test
    void refusesMeaninglessSchedules() {
        assertThatThrownBy(() -> new Schedule(0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rate");
        assertThatThrownBy(() -> new Schedule(Double.NaN, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Schedule(10, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duration");
        assertThatThrownBy(() -> new Schedule(10, Duration.ofSeconds(1)).dueNanos(10)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
