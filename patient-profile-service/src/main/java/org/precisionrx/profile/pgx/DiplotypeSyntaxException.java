package org.precisionrx.profile.pgx;

/** Thrown for text that is not a diplotype at all (as opposed to a well-formed but unknown one). */
public class DiplotypeSyntaxException extends IllegalArgumentException {

    public DiplotypeSyntaxException(String input, String problem) {
        super("not a diplotype: '" + input + "': " + problem);
    }
}
