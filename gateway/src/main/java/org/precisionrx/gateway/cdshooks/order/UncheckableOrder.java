package org.precisionrx.gateway.cdshooks.order;

/** Why one part of an order cannot be read for a dose check, in words for the card. */
final class UncheckableOrder extends Exception {

    UncheckableOrder(String why) {
        super(why, null, false, false);
    }
}
