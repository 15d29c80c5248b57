package org.precisionrx.dosage.kb;

import java.util.List;

/** The knowledge base is invalid; the message lists every problem with its file and JSON path. */
public class KnowledgeBaseException extends RuntimeException {

    public KnowledgeBaseException(List<String> problems) {
        super("invalid knowledge base (" + problems.size() + " problem(s)):\n  " + String.join("\n  ", problems));
    }
}
