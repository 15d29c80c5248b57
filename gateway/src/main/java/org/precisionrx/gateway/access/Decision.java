package org.precisionrx.gateway.access;

/**
 * The policy's answer for one caller, action and patient. {@code role} is the role the access is
 * made under (a user may hold several); {@code reason} explains a denial or carries the
 * break-glass reason.
 */
public record Decision(Basis basis, String role, String reason) {

    public boolean allowed() {
        return basis != Basis.DENIED;
    }

    public boolean emergency() {
        return basis == Basis.BREAK_GLASS;
    }

    static Decision deny(String reason) {
        return new Decision(Basis.DENIED, null, reason);
    }
}
