package org.precisionrx.gateway.input;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.precisionrx.gateway.problem.ProblemException;

/**
 * Text bodies must be UTF-8: a lenient decoder would turn bad bytes into U+FFFD and store them as
 * if the sender had meant that character.
 */
public final class Utf8 {

    private Utf8() {
    }

    /** The body as text, or a 400 naming {@code field} when a byte sequence is not UTF-8. */
    public static String decode(byte[] body, String field) {
        try {
            return strict().decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest(field, "is not valid UTF-8");
        }
    }

    /** Checks a large body without holding it twice: the bytes go on as they are. */
    public static void require(byte[] body, String field) {
        CharsetDecoder decoder = strict();
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer scratch = CharBuffer.allocate(8192);
        CoderResult result;
        do {
            scratch.clear();
            result = decoder.decode(in, scratch, true);
            if (result.isError()) {
                throw ProblemException.badRequest(field, "is not valid UTF-8 (at byte " + in.position() + ")");
            }
        } while (result.isOverflow());
    }

    private static CharsetDecoder strict() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
