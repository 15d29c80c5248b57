package org.precisionrx.gateway.links;

/**
 * Keycloak could not do what the gateway asked: unreachable, timed out, a 5xx, or an answer the
 * gateway cannot use (for example its service account lacks a permission). The message names the
 * operation and the HTTP status only, never Keycloak's response body.
 */
public class IdentityProviderUnavailableException extends RuntimeException {

    public IdentityProviderUnavailableException(String message) {
        super(message);
    }

    public IdentityProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
