package org.precisionrx.bench.scenario;

import java.io.PrintStream;
import java.net.URI;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import org.precisionrx.bench.http.HttpSender.Request;
import org.precisionrx.devtools.DevEhr;
import org.precisionrx.devtools.GatewayClient;
import org.precisionrx.devtools.LocalSuite;

/**
 * CDS Hooks calls signed before the timed run: each needs its own EHR JWT (the gateway refuses a
 * jti it has seen), and ES384 signing at run time would load the generator's CPU instead of the gateway.
 */
final class SignedHookRequests {

    private SignedHookRequests() {
    }

    /** One call outside the timed run, through devtools' client (a refusal fails with its problem detail): how many cards. */
    static int sampleCards(DevEhr ehr, String serviceId, String body) {
        return new GatewayClient(LocalSuite.GATEWAY_URL).post("/cds-services/" + serviceId, ehr.token(LocalSuite.cdsServiceUrl(serviceId)),
                "application/json", body).path("cards").size();
    }

    static Request[] sign(DevEhr ehr, String serviceId, long count, IntFunction<String> body, PrintStream out) {
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many requests to pre-sign: " + count);
        }
        String url = LocalSuite.cdsServiceUrl(serviceId);
        URI uri = URI.create(url);
        long start = System.nanoTime();
        Request[] requests = IntStream.range(0, (int) count).parallel()
                .mapToObj(i -> new Request(uri, ehr.token(url), body.apply(i))).toArray(Request[]::new);
        out.printf(Locale.ROOT, "  signed %d EHR JWTs in %.1f s (before the timed run)%n", count, (System.nanoTime() - start) / 1e9);
        return requests;
    }
}
