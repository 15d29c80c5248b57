package org.precisionrx.simulator;

/** Sex assigned at birth (US Core birthsex F/M). */
public enum Sex {
    FEMALE, MALE
}
