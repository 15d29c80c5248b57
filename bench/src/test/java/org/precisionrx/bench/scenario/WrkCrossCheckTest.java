package org.precisionrx.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;
import org.precisionrx.bench.report.Measurement;

class WrkCrossCheckTest {

    static final String OUTPUT = """
            Running 10s test @ http://127.0.0.1:8104/api/v1/patients/p-1/dose-checks
              2 threads and 16 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     5.12ms    2.01ms   1.20s    80.00%
                Req/Sec     1.60k   100.00     1.80k    70.00%
              Latency Distribution
                 50%  812.00us
                 75%    6.00ms
                 90%    7.50ms
                 99%   12.00ms
              31900 requests in 10.00s, 10.00MB read
              Socket errors: connect 0, read 1, write 0, timeout 2
              Non-2xx or 3xx responses: 5
            Requests/sec:   3190.00
            Transfer/sec:      1.00MB
            """;

    @Test
    void readsWrksLatencyReport() {
        Measurement m = WrkCrossCheck.parse(OUTPUT);

        assertThat(m.p50Ms()).isEqualTo(0.812);
        assertThat(m.p90Ms()).isEqualTo(7.5);
        assertThat(m.p99Ms()).isEqualTo(12.0);
        assertThat(m.maxMs()).isEqualTo(1200.0);
        assertThat(m.sent()).isEqualTo(31900);
        assertThat(m.seconds()).isEqualTo(10.0);
        assertThat(m.throughput()).isEqualTo(3190.0);
        assertThat(m.errors()).containsOnly(entry("HTTP non-2xx", 5L), entry("socket errors", 3L));
        assertThat(m.ok()).isEqualTo(31892);
    }

    @Test
    void refusesOutputItDoesNotKnow() {
        assertThatThrownBy(() -> WrkCrossCheck.parse("unable to connect to 127.0.0.1:8104 Connection refused"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unexpected wrk output");
    }

    @Test
    void scriptNeedsNoEscaping() {
        assertThat(WrkCrossCheck.luaScript("abc.def", "{\"a\":\"b\\\"c\"}"))
                .contains("wrk.method = \"POST\"")
                .contains("wrk.body = [==[{\"a\":\"b\\\"c\"}]==]")
                .contains("wrk.headers[\"Authorization\"] = [==[Bearer abc.def]==]");
    }
}
