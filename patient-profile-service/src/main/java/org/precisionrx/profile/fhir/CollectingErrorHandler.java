package org.precisionrx.profile.fhir;

import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Records what HAPI finds wrong while parsing instead of silently dropping it: invalid values, wrong JSON
 * types, misplaced arrays and unknown elements, because in each case the value the sender meant is lost.
 * Unknown elements are not tolerated because valid R4 JSON has none (extensions carry additions), and HAPI
 * reports a primitive sent as an object (e.g. {@code "gender": {"code": "male"}}) only as an unknown element.
 * Unresolved references are tolerated; the mappers report the ones that matter.
 * HAPI's own messages quote the offending value, so only the element name and our own reason are kept.
 */
final class CollectingErrorHandler implements IParserErrorHandler {

    /** One parser complaint; {@code invalidValue} ones can later be pinned to a resource and path. */
    record Issue(String element, String reason, boolean invalidValue) {
    }

    private final List<Issue> issues = new ArrayList<>();

    List<Issue> drain() {
        List<Issue> copy = List.copyOf(issues);
        issues.clear();
        return copy;
    }

    @Override
    public void invalidValue(IParseLocation location, String value, String error) {
        issues.add(new Issue(name(location), "invalid value", true));
    }

    @Override
    public void incorrectJsonType(IParseLocation location, String elementName,
            BaseJsonLikeValue.ValueType expected, BaseJsonLikeValue.ScalarType expectedScalar,
            BaseJsonLikeValue.ValueType found, BaseJsonLikeValue.ScalarType foundScalar) {
        issues.add(new Issue(elementName, "wrong JSON type: expected " + lower(expected, expectedScalar)
                + " but found " + lower(found, foundScalar), false));
    }

    @Override
    public void unexpectedRepeatingElement(IParseLocation location, String elementName) {
        issues.add(new Issue(elementName, "element repeats but allows only one value", false));
    }

    @Override
    public void extensionContainsValueAndNestedExtensions(IParseLocation location) {
        issues.add(new Issue(name(location), "extension has both a value and nested extensions", false));
    }

    @Override
    public void missingRequiredElement(IParseLocation location, String elementName) {
        // Cardinality is a profile concern; the mappers report what they actually need.
    }

    @Override
    public void unknownElement(IParseLocation location, String elementName) {
        issues.add(new Issue(elementName, "element is not part of FHIR R4 (unknown name, or a value of the wrong shape)", false));
    }

    @Override
    public void unknownAttribute(IParseLocation location, String attributeName) {
        // Tolerated (XML only).
    }

    @Override
    public void unknownReference(IParseLocation location, String reference) {
        // Tolerated: references are resolved by PatientGrouper / MedicationMapper, which report what matters.
    }

    @Override
    public void invalidInternalReference(IParseLocation location, String reference) {
        // Tolerated: an unresolvable contained reference is reported where it is used.
    }

    @Override
    public void containedResourceWithNoId(IParseLocation location) {
        // Tolerated: such a resource simply cannot be referenced.
    }

    private static String name(IParseLocation location) {
        return location == null ? null : location.getParentElementName();
    }

    private static String lower(BaseJsonLikeValue.ValueType type, BaseJsonLikeValue.ScalarType scalar) {
        String t = type == null ? "?" : type.name().toLowerCase();
        return scalar == null ? t : t + " (" + scalar.name().toLowerCase() + ")";
    }
}
