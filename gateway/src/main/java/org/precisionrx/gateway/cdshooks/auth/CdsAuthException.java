package org.precisionrx.gateway.cdshooks.auth;

/**
 * A CDS Hooks request refused because of its JWT. {@link #reason()} is a short machine code
 * ({@code expired}, {@code missing_claim:jti}, ...) for responses, logs and metrics. The message is
 * fixed text: it never quotes the token or its claims, and no library exception is attached as a
 * cause because those messages can.
 */
public final class CdsAuthException extends RuntimeException {

    private final String reason;

    public CdsAuthException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
