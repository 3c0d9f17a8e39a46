package com.shopfleet.shop.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LatenciesTests {

    @Test
    void percentilesComeFromAllRecordersMerged() {
        Latencies first = new Latencies();
        Latencies second = new Latencies();
        for (int i = 1; i <= 50; i++) {
            first.record(i);
            second.record(100 - i + 1);
        }

        Latencies merged = Latencies.merge(List.of(first, second));

        assertThat(merged.count()).isEqualTo(100);
        assertThat(merged.percentile(50)).isEqualTo(50);
        assertThat(merged.percentile(99)).isEqualTo(99);
        assertThat(merged.max()).isEqualTo(100);
        assertThat(Latencies.merge(List.of()).percentile(99)).isZero();
    }

    @Test
    void optionsParseWithAndWithoutEquals() {
        var options = LoadTestMain.parse(new String[] { "--vus", "50", "--duration=5", "--start-stack" });

        assertThat(options).containsEntry("vus", "50").containsEntry("duration", "5").containsEntry("start-stack", "true");
    }
}
