package org.precisionrx.dosage.kb;

import java.util.List;

public record Indication(String id, String name, List<String> drugs) {
}
