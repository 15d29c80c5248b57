package org.precisionrx.gateway.input;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.precisionrx.gateway.problem.Problem.Violation;

/**
 * Says what is wrong with a body Jackson could not read, in the caller's terms: the field (from
 * the parser's position) and the kind of problem. Never quotes the body: it may hold patient data.
 */
public final class JsonErrors {

    private JsonErrors() {
    }

    /** The violation of a body that is not acceptable JSON. */
    public static Violation violation(JsonProcessingException e) {
        String field = field(e);
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            return new Violation(field, message.contains("nesting depth")
                    ? "nests deeper than " + StrictJson.MAX_NESTING_DEPTH + " levels"
                    : message.contains("Number value length")
                            ? "is a number longer than " + StrictJson.MAX_NUMBER_LENGTH + " characters"
                            : "exceeds a size limit of the JSON reader");
        }
        if (e instanceof InputCoercionException || message.contains("out of range")
                || e instanceof MismatchedInputException && message.contains("Floating-point value")) {
            return new Violation(field, "is a number out of range");
        }
        if (message.startsWith("Duplicate field")) {
            return new Violation(field, "is given more than once");
        }
        if (message.contains("'NaN'") || message.contains("Infinity'")) {
            return new Violation(field, "must be a finite number (NaN and Infinity are not JSON numbers)");
        }
        if (message.contains("Invalid UTF-8") || message.contains("Invalid UTF-32")) {
            return new Violation(field, "is not valid UTF-8");
        }
        return new Violation(field, "is not valid JSON");
    }

    /** The dotted path the parser was at, e.g. {@code order.amount}; {@code body} at the top. */
    static String field(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return fromPath(mapping.getPath());
        }
        if (!(e.getProcessor() instanceof JsonParser parser)) {
            // Jackson's size limits (nesting, number length) throw without a position.
            return "body";
        }
        Deque<String> names = new ArrayDeque<>();
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                names.push(c.getCurrentName());
            } else if (c.inArray()) {
                names.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            }
        }
        // Deeply nested garbage is named by where it starts, not by 64 path steps.
        List<String> path = names.stream().limit(4).toList();
        return path.isEmpty() ? "body" : String.join(".", path).replace(".[", "[");
    }

    private static String fromPath(List<JsonMappingException.Reference> references) {
        List<String> path = references.stream().limit(4)
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + Math.max(r.getIndex(), 0) + "]").toList();
        return String.join(".", path).replace(".[", "[");
    }
}
