package org.precisionrx.gateway.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.precisionrx.gateway.caller.RequestIds;
import org.precisionrx.gateway.problem.Problem;
import org.precisionrx.gateway.problem.Problem.Violation;
import org.precisionrx.gateway.problem.ProblemMappers;

/** What the strict reader refuses, and how the refusal names the field, without a running gateway. */
class JsonErrorsTest {

    record Order(String drugId, Double amount, Integer maxOptions) {
    }

    private static final ObjectMapper STRICT = strict();

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        return mapper;
    }

    private static Violation refusal(byte[] body) {
        return JsonErrors.violation(catchThrowableOfType(JsonProcessingException.class, () -> STRICT.readValue(body, Order.class)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"drugId\":\"a\",\"amount\":5,\"amount\":500}                | amount     | is given more than once",
            "{\"amount\":NaN}                                              | amount     | must be a finite number (NaN and Infinity are not JSON numbers)",
            "{\"amount\":-Infinity}                                        | amount     | must be a finite number (NaN and Infinity are not JSON numbers)",
            "{\"maxOptions\":99999999999999999999}                         | maxOptions | is a number out of range",
            "{\"maxOptions\":1.5e300}                                      | maxOptions | is a number out of range" })
    void eachRefusalNamesTheFieldAndTheProblem(String body, String field, String message) {
        Violation violation = refusal(body.getBytes(StandardCharsets.UTF_8));
        assertThat(violation.field()).isEqualTo(field);
        assertThat(violation.message()).isEqualTo(message);
    }

    @Test
    void nestingAndNumberLengthAreBounded() throws Exception {
        String nested = "{\"drugId\":\"a\",\"x\":" + "[".repeat(100) + "]".repeat(100) + "}";
        Violation deep = JsonErrors.violation(catchThrowableOfType(JsonProcessingException.class, () -> STRICT.readTree(nested)));
        // Jackson's size limits throw without the parser's position: the body is named.
        assertThat(deep.field()).isEqualTo("body");
        assertThat(deep.message()).isEqualTo("nests deeper than 64 levels");
        Violation longNumber = refusal(("{\"amount\":" + "1".repeat(101) + "}").getBytes(StandardCharsets.UTF_8));
        assertThat(longNumber).isEqualTo(new Violation("body", "is a number longer than 100 characters"));
        assertThat(STRICT.readTree("[".repeat(63) + "]".repeat(63))).isNotNull();
    }

    @Test
    void invalidUtf8IsNamed() {
        byte[] body = "{\"drugId\":\"ab\"}".getBytes(StandardCharsets.UTF_8);
        body[12] = (byte) 0xC3;
        body[13] = (byte) 0x28;
        assertThat(refusal(body)).isEqualTo(new Violation("drugId", "is not valid UTF-8"));
    }

    @Test
    void aRefusalTheReaderWrappedInAPlain400IsStillNamed() {
        JsonProcessingException duplicate = catchThrowableOfType(JsonProcessingException.class,
                () -> STRICT.readValue("{\"amount\":1,\"amount\":2}", Order.class));
        Response response = new ProblemMappers(new RequestIds(), null, null)
                .web(new WebApplicationException(duplicate, Response.Status.BAD_REQUEST), null);
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(((Problem) response.getEntity()).violations()).isEqualTo(List.of(new Violation("amount", "is given more than once")));
    }
}
