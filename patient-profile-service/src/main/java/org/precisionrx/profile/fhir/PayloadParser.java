package org.precisionrx.profile.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Resource;
import org.precisionrx.profile.ingest.ImportProblem;

/**
 * Turns a payload into resources with HAPI's JSON parser, or rejects it as a whole. A new IParser is made
 * per payload because parsers are not thread-safe; the FhirContext (expensive) is shared.
 */
final class PayloadParser {

    /**
     * Bundles that are plain carriers of resources. document and message Bundles are rejected: their
     * meaning depends on the Composition/MessageHeader, which this import does not interpret; history
     * and *-response Bundles describe server operations, not the patient.
     */
    private static final Set<BundleType> ACCEPTED =
            EnumSet.of(BundleType.TRANSACTION, BundleType.BATCH, BundleType.COLLECTION, BundleType.SEARCHSET);
    private static final Pattern JSON_POSITION = Pattern.compile("\\[line: (\\d+), column: (\\d+)]");

    private final FhirContext ctx;
    private final IParser parser;
    private final CollectingErrorHandler errors = new CollectingErrorHandler();

    PayloadParser(FhirContext ctx) {
        this.ctx = ctx;
        this.parser = ctx.newJsonParser();
        parser.setParserErrorHandler(errors);
        // Keep Resource.id as written; HAPI would otherwise replace it with the entry's fullUrl.
        parser.setOverrideResourceIdWithBundleEntryFullUrl(false);
    }

    List<PayloadEntry> parse(String payload, PayloadFormat format) {
        if (payload == null || payload.isBlank()) {
            throw new FhirPayloadException(new ImportProblem("payload", null, "payload is empty"));
        }
        return switch (format) {
            case BUNDLE -> bundleEntries(parseOne(payload, "payload"));
            case NDJSON -> ndjson(payload);
            case AUTO -> auto(payload);
        };
    }

    private List<PayloadEntry> auto(String payload) {
        IBaseResource whole;
        try {
            whole = parser.parseResource(payload);
        } catch (DataFormatException wholeError) {
            errors.drain();
            try {
                return ndjson(payload); // several JSON objects: read line by line
            } catch (FhirPayloadException lineWise) {
                // A multi-line payload failing on its first line is more likely a broken pretty-printed
                // Bundle than NDJSON; then the whole-payload error (with its position) is the precise one.
                boolean firstLine = lineWise.problems().get(0).resource().startsWith("line 1");
                if (firstLine && payload.strip().contains("\n") && !String.valueOf(wholeError.getMessage()).contains("Trailing token")) {
                    throw reject("payload", null, describe(wholeError));
                }
                throw lineWise;
            }
        }
        if (whole instanceof Bundle) {
            return bundleEntries(checked(whole, "payload"));
        }
        // A single non-Bundle resource is one-resource NDJSON, even if pretty-printed over several lines.
        return List.of(new PayloadEntry((Resource) checked(whole, "line 1"), null, "line 1"));
    }

    private List<PayloadEntry> ndjson(String payload) {
        List<PayloadEntry> entries = new ArrayList<>();
        String[] lines = payload.split("\\r?\\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String label = "line " + (i + 1);
            IBaseResource resource = parseOne(lines[i], label);
            if (resource instanceof Bundle) {
                throw reject(label, "resourceType", "a Bundle is not allowed in NDJSON; send it as a Bundle payload");
            }
            entries.add(new PayloadEntry((Resource) resource, null, label));
        }
        if (entries.isEmpty()) {
            throw reject("payload", null, "payload is empty");
        }
        return entries;
    }

    private IBaseResource parseOne(String text, String where) {
        try {
            return checked(parser.parseResource(text), where);
        } catch (DataFormatException e) {
            errors.drain();
            throw reject(where, null, describe(e));
        }
    }

    /** Turns collected parser issues into a rejection that names the resource and path where possible. */
    private IBaseResource checked(IBaseResource resource, String where) {
        List<CollectingErrorHandler.Issue> issues = errors.drain();
        if (issues.isEmpty()) {
            return resource;
        }
        InvalidValueLocator locator = new InvalidValueLocator(ctx);
        List<ImportProblem> problems = new ArrayList<>();
        if (resource instanceof Bundle bundle) {
            for (PayloadEntry entry : entriesOf(bundle)) {
                problems.addAll(locator.locate(entry));
            }
        } else {
            problems.addAll(locator.locate(new PayloadEntry((Resource) resource, null, where)));
        }
        List<String> locatedLeaves = problems.stream()
                .map(p -> p.field().substring(p.field().lastIndexOf('.') + 1)).toList();
        for (CollectingErrorHandler.Issue issue : issues) {
            // Issues the locator cannot see (wrong JSON type, dropped elements) are named by element only;
            // located ones are matched by leaf name (effective[x] is reported by HAPI as effectiveDateTime).
            boolean alreadyLocated = issue.invalidValue() && issue.element() != null
                    && locatedLeaves.stream().anyMatch(issue.element()::startsWith);
            if (!alreadyLocated) {
                problems.add(new ImportProblem(where, issue.element(), issue.reason()));
            }
        }
        throw new FhirPayloadException(problems);
    }

    private List<PayloadEntry> bundleEntries(IBaseResource resource) {
        if (!(resource instanceof Bundle bundle)) {
            throw reject("payload", "resourceType",
                    "expected a Bundle but found " + resource.fhirType() + "; send single resources as NDJSON");
        }
        BundleType type = bundle.getType();
        if (type == null || !ACCEPTED.contains(type)) {
            throw reject("Bundle", "type", "Bundle type '" + (type == null ? "missing" : type.toCode())
                    + "' is not accepted; use transaction, batch, collection or searchset");
        }
        return entriesOf(bundle);
    }

    private static List<PayloadEntry> entriesOf(Bundle bundle) {
        List<PayloadEntry> entries = new ArrayList<>();
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            Bundle.BundleEntryComponent e = bundle.getEntry().get(i);
            if (e.getResource() != null) { // e.g. a DELETE request carries no resource
                entries.add(new PayloadEntry(e.getResource(), e.getFullUrl(), "entry[" + i + "]"));
            }
        }
        return entries;
    }

    /** HAPI/Jackson messages quote the offending token, which may be patient data; keep position and kind only. */
    private static String describe(DataFormatException e) {
        String message = String.valueOf(e.getMessage());
        Matcher at = JSON_POSITION.matcher(message);
        String position = at.find() ? " at line " + at.group(1) + ", column " + at.group(2) : "";
        if (message.contains("HAPI-1857")) {
            return "no content";
        } else if (message.contains("HAPI-1859")) {
            return "not a JSON object";
        } else if (message.contains("HAPI-1838")) {
            return "JSON object has no resourceType";
        } else if (message.contains("HAPI-1684")) {
            return "resourceType is not an R4 resource";
        } else if (message.contains("Trailing token")) {
            return "unexpected content after the JSON object" + position;
        } else if (message.contains("HAPI-1861")) {
            return "not valid JSON" + position;
        }
        return "not readable as FHIR R4 JSON" + position;
    }

    private static FhirPayloadException reject(String where, String field, String reason) {
        return new FhirPayloadException(new ImportProblem(where, field, reason));
    }
}
