package org.precisionrx.bench.scenario;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.precisionrx.bench.grpc.LoadedPatient;
import org.precisionrx.bench.http.HttpSender;
import org.precisionrx.bench.http.HttpSender.Request;
import org.precisionrx.bench.load.RunResult;
import org.precisionrx.bench.report.Measurement;
import org.precisionrx.bench.report.ScenarioReport;
import org.precisionrx.bench.scenario.BenchContext.Measured;
import org.precisionrx.devtools.GatewayClient;
import org.precisionrx.devtools.LocalSuite;
import org.precisionrx.testsupport.KeycloakLogin;

/**
 * A pharmacist's dose check (REST, POST /api/v1/patients/{id}/dose-checks) with ph.cy's Keycloak
 * token: apixaban 5 mg twice daily for the AF patients in turn, at 100 req/s; then wrk against the
 * same endpoint for one patient, to compare with a common closed-loop tool.
 */
public final class DoseCheckScenario implements Scenario {

    static final String PHARMACIST = "ph.cy";
    static final String INDICATION = "af-stroke-prevention";
    static final double RATE = 100;

    @Override
    public List<ScenarioReport> run(BenchContext context) {
        List<Request> requests = new ArrayList<>();
        String token = KeycloakLogin.login(LocalSuite.REALM_URL, LocalSuite.WEB_CLIENT, LocalSuite.WEB_REDIRECT_URI, PHARMACIST,
                LocalSuite.DEMO_PASSWORD).accessToken();
        for (LoadedPatient p : context.patients()) {
            if (p.indication().equals(INDICATION)) {
                requests.add(new Request(URI.create(LocalSuite.GATEWAY_URL + path(p)), token, body()));
            }
        }
        if (requests.isEmpty()) {
            throw new IllegalStateException("no " + INDICATION + " patient among the bench patients");
        }
        Request first = requests.get(0);
        String verdict = new GatewayClient(LocalSuite.GATEWAY_URL).post(first.uri().getPath(), token, "application/json", body())
                .path("verdict").asText("?");
        Duration duration = context.options().duration();
        context.out().println("dose check at " + (int) RATE + " req/s");
        List<Measurement> runs = new ArrayList<>();
        List<String> notes = BenchContext.notes("a sample check answered " + verdict,
                "Keycloak access tokens live 300 s: the runs reuse one login's token");
        Measured<RunResult> run;
        try (HttpSender http = new HttpSender(Duration.ofSeconds(10))) {
            run = context.load(RATE, duration, length -> sequence -> http.send(requests.get((int) (sequence % requests.size()))));
        }
        runs.add(Measurement.of("dose-check " + (int) RATE + "/s", run.value()));
        Optional<Path> wrk = WrkCrossCheck.find();
        if (wrk.isPresent()) {
            Duration wrkDuration = Duration.ofSeconds(Math.min(30, duration.toSeconds()));
            context.out().println("wrk cross-check: " + WrkCrossCheck.CONNECTIONS + " connections for " + wrkDuration.toSeconds() + " s");
            runs.add(WrkCrossCheck.run(wrk.get(), first.uri(), token, body(), wrkDuration));
            notes.add("wrk is closed loop (" + WrkCrossCheck.CONNECTIONS + " connections, each waits for its answer) and times from the "
                    + "actual send: no coordinated-omission correction, one patient; see bench/README.md");
        } else {
            notes.add("wrk cross-check NOT run: wrk is not on the PATH (Debian: apt-get install wrk)");
        }
        return List.of(new ScenarioReport("dose-check", "pharmacist dose check via the gateway REST API (" + PHARMACIST
                + "'s token, apixaban 5 mg BID), fixed " + (int) RATE + " req/s, " + duration.toSeconds() + " s; wrk beside it",
                runs, run.processes(), List.of(), notes));
    }

    private static String path(LoadedPatient p) {
        return "/api/v1/patients/" + p.patientId() + "/dose-checks";
    }

    static String body() {
        return new ObjectMapper().createObjectNode().put("drugId", "apixaban").put("amount", 5).put("unit", "mg").put("route", "oral")
                .put("frequency", "BID").put("indicationId", INDICATION).toString();
    }
}
