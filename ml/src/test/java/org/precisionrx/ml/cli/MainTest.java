package org.precisionrx.ml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.precisionrx.ml.card.ModelCard;
import org.precisionrx.ml.io.Json;

class MainTest {
    @TempDir
    static Path tmp;
    static Path cohort;

    /** Confounded 3-arm cohort: numeric with NA, categorical, quoted text with commas, truth columns. */
    @BeforeAll
    static void writeCohort() throws Exception {
        Random rng = new Random(8);
        StringBuilder csv = new StringBuilder("id,age,sex,site,severity,drug,response,mu_A,mu_B,mu_C\n");
        String[] sites = {"\"Boston, MA\"", "\"Lyon \"\"Nord\"\"\"", "Oslo"};
        for (int i = 0; i < 1500; i++) {
            double age = rng.nextDouble() * 2 - 1;
            double sev = rng.nextDouble() * 2 - 1;
            boolean female = rng.nextBoolean();
            double[] mu = {sig(-0.3 + age), sig(0.2 - age + sev + (female ? 0.5 : 0)), sig(-0.1 + 1.2 * sev - age * sev)};
            double[] w = {1, Math.exp(1.2 * age), Math.exp(1.2 * sev)};
            double u = rng.nextDouble() * (w[0] + w[1] + w[2]);
            int arm = u < w[0] ? 0 : u < w[0] + w[1] ? 1 : 2;
            int y = rng.nextDouble() < mu[arm] ? 1 : 0;
            String ageText = i % 17 == 0 ? "NA" : String.format(Locale.ROOT, "%.4f", 50 + 20 * age);
            csv.append(String.format(Locale.ROOT, "p%d,%s,%s,%s,%.4f,%s,%d,%.6f,%.6f,%.6f%n", i, ageText,
                    female ? "F" : "M", sites[i % 3], sev, "ABC".charAt(arm), y, mu[0], mu[1], mu[2]));
        }
        cohort = tmp.resolve("cohort.csv");
        Files.writeString(cohort, csv);
    }

    private static double sig(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    record Run(int code, String out, String err) {
    }

    static Run main(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void trainPredictEvaluateEndToEnd() throws Exception {
        String[] train = {"train", "--cohort", cohort.toString(), "--treatment", "drug", "--outcome", "response",
                "--ignore", "id,mu_A,mu_B,mu_C", "--ensemble", "2", "--epochs", "30", "--seed", "3",
                "--ipm", "wass", "--learning-rate", "3e-3", "--learning-rate-drops", "1"};
        Run trained = main(concat(train, "--out", tmp.resolve("m1").toString()));
        assertThat(trained.code()).as(trained.err()).isZero();
        assertThat(trained.out()).contains("arms: A, B, C", "auc");
        Path m1 = tmp.resolve("m1");
        for (String f : List.of("saved_model.pb", "feature-spec.json", "model.json", "model-card.json")) {
            assertThat(m1.resolve(f)).exists();
        }
        JsonNode info = Json.mapper().readTree(m1.resolve("model.json").toFile());
        assertThat(info.get("arms").toString()).isEqualTo("[\"A\",\"B\",\"C\"]");
        assertThat(info.get("members").asInt()).isEqualTo(2);
        assertThat(info.at("/spec/outcomeType").asText()).isEqualTo("BINARY");
        String spec = Files.readString(m1.resolve("feature-spec.json"));
        assertThat(spec).contains("\"age\"", "\"missingIndicator\" : true", "Boston, MA", "__unknown__")
                .doesNotContain("mu_A", "\"id\"", "\"drug\"");
        ModelCard card = ModelCard.read(m1.resolve(ModelCard.FILE_NAME));
        assertThat(card.metrics()).containsKeys("auc", "brier", "ece", "calibration_slope");
        assertThat(card.artifactSha256()).isEqualTo(ModelCard.artifactSha256(m1));

        // Deterministic: the same inputs and seed give byte-identical files.
        assertThat(main(concat(train, "--out", tmp.resolve("m2").toString())).code()).isZero();
        assertThat(org.precisionrx.ml.io.Sha256.ofDirectory(tmp.resolve("m2")))
                .isEqualTo(org.precisionrx.ml.io.Sha256.ofDirectory(m1));

        // predict on rows without treatment/outcome columns, keeping the id.
        List<String> lines = Files.readAllLines(cohort);
        StringBuilder features = new StringBuilder("id,age,sex,site,severity\n");
        for (int i = 1; i <= 20; i++) {
            List<String> rec = Csv.read(new StringReader(lines.get(i))).get(0);
            features.append(String.join(",", rec.get(0), rec.get(1), rec.get(2), Csv.quote(rec.get(3)), rec.get(4)))
                    .append('\n');
        }
        Files.writeString(tmp.resolve("new.csv"), features);
        Run predicted = main("predict", "--model", m1.toString(), "--cohort", tmp.resolve("new.csv").toString(),
                "--out", tmp.resolve("pred.csv").toString(), "--keep", "id");
        assertThat(predicted.code()).as(predicted.err()).isZero();
        List<String> pred = Files.readAllLines(tmp.resolve("pred.csv"));
        assertThat(pred).hasSize(21);
        assertThat(pred.get(0)).isEqualTo("id,mu_A,mu_B,mu_C,lo_A,lo_B,lo_C,hi_A,hi_B,hi_C");
        assertThat(pred.get(1)).startsWith("p0,");
        assertThat(pred.get(20)).startsWith("p19,");
        String[] first = pred.get(1).split(",");
        for (int a = 1; a <= 3; a++) {
            double mu = Double.parseDouble(first[a]);
            assertThat(mu).isBetween(Double.parseDouble(first[a + 3]), Double.parseDouble(first[a + 6]));
        }

        Path report = tmp.resolve("eval.json");
        Run evaluated = main("evaluate", "--model", m1.toString(), "--cohort", cohort.toString(),
                "--truth", "mu_A,mu_B,mu_C", "--groups", "sex", "--out", report.toString());
        assertThat(evaluated.code()).as(evaluated.err()).isZero();
        assertThat(evaluated.out()).contains("sqrt_pehe", "regret", "sex = F", "sex = M");
        JsonNode json = Json.mapper().readTree(report.toFile());
        assertThat(json.at("/overall/auc/value").asDouble()).isBetween(0.6, 1.0);
        assertThat(json.at("/overall/sqrt_pehe/value").asDouble()).isBetween(0.0, 0.2);
        assertThat(json.at("/overall/regret/value").asDouble()).isBetween(0.0, 0.05);
        assertThat(json.at("/subgroups/sex/F/policy_value/n").asInt()
                + json.at("/subgroups/sex/M/policy_value/n").asInt()).isEqualTo(1500);
    }

    @Test
    void userMistakesExitWithCodeTwoAndOneLine() throws Exception {
        String c = cohort.toString();
        Run missingColumn = main("train", "--cohort", c, "--treatment", "nope", "--outcome", "response",
                "--out", tmp.resolve("x1").toString());
        assertThat(missingColumn.code()).isEqualTo(2);
        assertThat(missingColumn.err()).startsWith("prx-ml: ").contains("no column 'nope'").hasLineCount(1);

        Run oneArm = main("train", "--cohort", c, "--treatment", "site", "--outcome", "response",
                "--features", "age", "--out", tmp.resolve("x2").toString());
        assertThat(oneArm.code()).isZero().as("site has three arms"); // sanity: a valid multi-arm column
        Files.writeString(tmp.resolve("one.csv"), "t,y,a\nX,1,0.5\nX,0,0.1\n");
        Run single = main("train", "--cohort", tmp.resolve("one.csv").toString(), "--treatment", "t",
                "--outcome", "y", "--out", tmp.resolve("x3").toString());
        assertThat(single.code()).isEqualTo(2);
        assertThat(single.err()).contains("at least two").hasLineCount(1);

        Run notBinary = main("train", "--cohort", c, "--treatment", "drug", "--outcome", "severity",
                "--outcome-type", "binary", "--out", tmp.resolve("x4").toString());
        assertThat(notBinary.code()).isEqualTo(2);
        assertThat(notBinary.err()).contains("declared binary");

        Run unreadable = main("predict", "--model", tmp.resolve("x2").toString(), "--cohort",
                tmp.resolve("absent.csv").toString(), "--out", tmp.resolve("p.csv").toString());
        assertThat(unreadable.code()).isEqualTo(2);
        assertThat(unreadable.err()).contains("cannot read").contains("no such file").hasLineCount(1);

        Run negativeDrops = main("train", "--cohort", c, "--treatment", "drug", "--outcome", "response",
                "--learning-rate-drops", "-1", "--out", tmp.resolve("x5").toString());
        assertThat(negativeDrops.code()).isEqualTo(2);
        assertThat(negativeDrops.err()).contains("--learning-rate-drops must be an integer from 0 to 10").hasLineCount(1);

        assertThat(main("frobnicate").code()).isEqualTo(2);
        assertThat(main("predict", "--model", tmp.toString(), "--cohort", c, "--out", "x").err())
                .contains("not a model directory");
    }

    @Test
    void csvParserHandlesQuotesCommasAndNewlines() throws Exception {
        var records = Csv.read(new StringReader("a,b,c\r\n\"x, y\",\"line1\nline2\",\"say \"\"hi\"\"\"\n1,,NA"));
        assertThat(records).containsExactly(List.of("a", "b", "c"), List.of("x, y", "line1\nline2", "say \"hi\""),
                List.of("1", "", "NA"));
        assertThat(Csv.quote("a,b")).isEqualTo("\"a,b\"");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
