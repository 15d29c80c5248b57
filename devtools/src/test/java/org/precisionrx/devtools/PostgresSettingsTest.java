package org.precisionrx.devtools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PostgresSettingsTest {

    @Test
    void defaultsToTheLocalServerAsPostgres() {
        PostgresSettings settings = PostgresSettings.fromEnv(Map.of());

        assertThat(settings).isEqualTo(new PostgresSettings("127.0.0.1", 5432, "postgres", ""));
        assertThat(settings.jdbcUrl("precisionrx_profile")).isEqualTo("jdbc:postgresql://127.0.0.1:5432/precisionrx_profile");
    }

    @Test
    void takesEachSettingFromItsVariable() {
        PostgresSettings settings = PostgresSettings.fromEnv(Map.of("PRX_PG_HOST", "db.example.org", "PRX_PG_PORT", " 6543 ",
                "PRX_PG_USER", "rx", "PRX_PG_PASSWORD", " secret "));

        assertThat(settings).isEqualTo(new PostgresSettings("db.example.org", 6543, "rx", " secret "));
        assertThat(settings.jdbcUrl("precisionrx_gateway")).isEqualTo("jdbc:postgresql://db.example.org:6543/precisionrx_gateway");
        assertThat(settings.describe()).isEqualTo("db.example.org:6543 as user rx").doesNotContain("secret");
    }

    @Test
    void blankMeansDefault() {
        assertThat(PostgresSettings.fromEnv(Map.of("PRX_PG_HOST", " ", "PRX_PG_PORT", "")).host()).isEqualTo("127.0.0.1");
    }

    @Test
    void refusesAPortThatIsNotOne() {
        assertThatThrownBy(() -> PostgresSettings.fromEnv(Map.of("PRX_PG_PORT", "postgres")))
                .hasMessage("PRX_PG_PORT must be a port number (1-65535), not 'postgres'");
        assertThatThrownBy(() -> PostgresSettings.fromEnv(Map.of("PRX_PG_PORT", "70000")))
                .hasMessageContaining("not '70000'");
    }

    @Test
    void theDatabasesAreTheOnesTheServicesDefaultTo() {
        assertThat(LocalDatabases.NAMES).containsExactly("precisionrx_profile", "precisionrx_gateway");
    }

    @Test
    void anUnreachableServerIsExplainedWithHowToPointElsewhere() {
        String message = LocalDatabases.unreachable(PostgresSettings.fromEnv(Map.of("PRX_PG_PORT", "5999")), "Connection refused");

        assertThat(message).startsWith("No PostgreSQL reachable at 127.0.0.1:5999 as user postgres (Connection refused).")
                .contains("PRX_PG_HOST=").contains("PRX_PG_PASSWORD=").contains("precisionrx_profile, precisionrx_gateway");
    }
}
