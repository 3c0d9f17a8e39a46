package com.shopfleet.shop.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class FleetMemoryTests {

    private final long self = ProcessHandle.current().pid();

    @Test
    void theFleetsRssIsTheSumOfItsProcessesAndAGoneProcessCountsNothing() {
        long own = FleetMemory.rss(self);

        assertThat(own).isPositive();
        assertThat(new FleetMemory(() -> Set.of(self, Long.MAX_VALUE)).rss()).isBetween(own / 2, own * 2);
        assertThat(FleetMemory.rss(Long.MAX_VALUE)).isZero();
    }

    @Test
    void thePeakDuringARunIsAtLeastWhatWasThereBefore() throws Exception {
        FleetMemory memory = new FleetMemory(() -> Set.of(self));
        long before = memory.rss();

        FleetMemory.Peak peak = memory.sample();
        Thread.sleep(600);
        peak.close();

        assertThat(peak.max()).isGreaterThanOrEqualTo(before / 2).isPositive();
        assertThat(FleetMemory.loadAverage()).matches("[0-9.]+, [0-9.]+, [0-9.]+");
    }
}
