package org.precisionrx.profile.fhir;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.IModelVisitor;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.precisionrx.profile.ingest.ImportProblem;

/**
 * Finds the primitives HAPI kept as raw text because they did not parse (e.g. a birthDate of
 * {@code 1958-13-45}), so a rejection can name the resource and path instead of just "invalid value".
 */
final class InvalidValueLocator {

    private final FhirContext ctx;

    InvalidValueLocator(FhirContext ctx) {
        this.ctx = ctx;
    }

    List<ImportProblem> locate(PayloadEntry entry) {
        List<ImportProblem> found = new ArrayList<>();
        String where = entry.ref() + " (" + entry.label() + ")";
        ctx.newTerser().visit(entry.resource(), new IModelVisitor() {
            @Override
            public void acceptElement(IBaseResource resource, IBase element, List<String> path,
                    BaseRuntimeChildDefinition child, BaseRuntimeElementDefinition<?> definition) {
                if (element instanceof PrimitiveType<?> p && p.getValue() == null && p.getValueAsString() != null) {
                    String type = definition == null ? "value" : definition.getName();
                    found.add(new ImportProblem(where, String.join(".", path), "not a valid " + type));
                }
            }
        });
        return found;
    }
}
