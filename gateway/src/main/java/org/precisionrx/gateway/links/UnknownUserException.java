package org.precisionrx.gateway.links;

/** Keycloak has no user with this username in realm {@code precisionrx}. */
public class UnknownUserException extends RuntimeException {

    private final String username;

    public UnknownUserException(String username) {
        super("no user '" + username + "' in the identity provider");
        this.username = username;
    }

    public String username() {
        return username;
    }
}
