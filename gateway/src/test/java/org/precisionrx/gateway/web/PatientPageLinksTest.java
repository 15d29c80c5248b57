package org.precisionrx.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PatientPageLinksTest {

    @Test
    void buildsThePageUrlFromThePublicBaseWithoutDoubleSlashes() {
        assertThat(PatientPageLinks.patientPage("https://rx.example.org/", "3f2b", "af-stroke-prevention"))
                .isEqualTo("https://rx.example.org/app/patient.html?patient=3f2b&indication=af-stroke-prevention");
    }

    @Test
    void encodesWhatItIsGiven() {
        assertThat(PatientPageLinks.patientPage("http://127.0.0.1:8104", "a b", "x&y=z"))
                .isEqualTo("http://127.0.0.1:8104/app/patient.html?patient=a+b&indication=x%26y%3Dz");
    }
}
