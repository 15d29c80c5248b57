package org.precisionrx.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Field;
import com.google.protobuf.Syntax;
import com.google.protobuf.Type;
import org.junit.jupiter.api.Test;

class KnownEnumsTest {

    @Test
    void knownValuesPass() {
        Type type = Type.newBuilder().setSyntax(Syntax.SYNTAX_PROTO3)
                .addFields(Field.newBuilder().setKind(Field.Kind.TYPE_STRING)).build();
        assertThat(KnownEnums.violations(type)).isEmpty();
    }

    @Test
    void unknownNumbersAreNamedByPathAtAnyDepth() {
        Type type = Type.newBuilder().setSyntaxValue(42)
                .addFields(Field.newBuilder().setKind(Field.Kind.TYPE_STRING))
                .addFields(Field.newBuilder().setKindValue(999).setCardinalityValue(-1))
                .build();
        assertThat(KnownEnums.violations(type)).containsExactly(
                new Statuses.Violation("fields[1].kind", "999 is not a value of Kind"),
                new Statuses.Violation("fields[1].cardinality", "-1 is not a value of Cardinality"),
                new Statuses.Violation("syntax", "42 is not a value of Syntax"));
    }
}
