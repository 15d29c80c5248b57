package org.precisionrx.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.precisionrx.bench.http.HttpSender;
import org.precisionrx.bench.load.Outcome;

/** CDS Hooks answers as the gateway writes them (HookCards, Card, ProblemMappers), judged as the patient-view and order-sign runs judge them. */
class DegradedCardsTest {

    /** A patient-view answer with one real ranking card. */
    static final String NORMAL = """
            {"cards":[{"uuid":"5f0c7a1e-8d1b-4a53-9a0e-2f1d8c3b7e41",
              "summary":"Atrial fibrillation: apixaban ranks first of 3 options",
              "detail":"Apixaban 5 mg twice daily: lowest predicted risk of stroke and major bleeding for this patient.",
              "indicator":"info","source":{"label":"PrecisionRx","url":"http://localhost:8080"},
              "links":[{"label":"Open in PrecisionRx","url":"http://localhost:8080/patients/p-1?indication=af","type":"absolute"}]}]}
            """;

    /** What HookCards.unavailable(...) writes when the recommender is busy. */
    static final String DEGRADED = """
            {"cards":[{"uuid":"0b6f3f0e-2a9c-4a43-8e55-0d2f7b1c9a10",
              "summary":"Treatment ranking is unavailable right now",
              "detail":"The ranking service is busy with other requests (try again in a moment), so no options are shown for Atrial fibrillation. Nothing here means the options were checked.",
              "indicator":"warning","source":{"label":"PrecisionRx"}}]}
            """;

    /** The gateway's own bulkhead full: 429 problem+json. */
    static final String TOO_MANY = """
            {"type":"about:blank","title":"Too many requests","status":429,"detail":"too many concurrent requests; try again shortly","instance":"/cds-services/precisionrx-patient-view"}""";

    @Test
    void aNormalCardIsASuccess() {
        assertThat(HttpSender.outcome(200, NORMAL, DegradedCards.CHECK)).isEqualTo(Outcome.OK);
    }

    @Test
    void anUnavailableWarningCardIsADegradedCardError() {
        Outcome outcome = HttpSender.outcome(200, DEGRADED, DegradedCards.CHECK);

        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.error()).isEqualTo("degraded card");
        assertThat(outcome.detail()).isEqualTo("Treatment ranking is unavailable right now");
    }

    @Test
    void doseChecksUnavailableAmongOrderSignCardsIsADegradedCardError() {
        String body = """
                {"cards":[{"uuid":"a","summary":"Clopidogrel: reduced effect expected (CYP2C19 poor metabolizer)","indicator":"critical","source":{"label":"PrecisionRx"}},
                  {"uuid":"b","summary":"Dose checks are unavailable right now","detail":"The dosage service did not answer, so the draft orders were NOT checked for pharmacogenomic, dose, renal or interaction problems. Check them by other means.","indicator":"warning","source":{"label":"PrecisionRx"}}]}
                """;

        assertThat(HttpSender.outcome(200, body, DegradedCards.CHECK)).isEqualTo(Outcome.error("degraded card", "Dose checks are unavailable right now"));
    }

    @Test
    void noCardsIsASuccess() {
        assertThat(HttpSender.outcome(200, "{\"cards\":[]}", DegradedCards.CHECK)).isEqualTo(Outcome.OK);
    }

    @Test
    void aTooManyRequestsProblemIsAnHttp429ErrorAsBefore() {
        Outcome outcome = HttpSender.outcome(429, TOO_MANY, DegradedCards.CHECK);

        assertThat(outcome).isEqualTo(HttpSender.outcome(429, TOO_MANY, null));
        assertThat(outcome.error()).isEqualTo("HTTP 429");
        assertThat(outcome.detail()).isEqualTo(TOO_MANY);
    }

    @Test
    void aSuccessThatIsNotACardsAnswerIsUnreadable() {
        assertThat(HttpSender.outcome(200, "<html>proxy</html>", DegradedCards.CHECK).error()).isEqualTo("unreadable answer");
        assertThat(HttpSender.outcome(200, "{}", DegradedCards.CHECK).error()).isEqualTo("unreadable answer");
    }
}
