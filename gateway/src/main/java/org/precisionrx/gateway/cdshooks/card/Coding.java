package org.precisionrx.gateway.cdshooks.card;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The spec's Coding: used for override reasons and a source's topic. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Coding(String system, String code, String display) {
}
