package org.precisionrx.grpc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;

/**
 * Finds enum fields holding a number the contract does not define (proto3 keeps them as
 * {@code UNRECOGNIZED}). A service that read such a value as "unspecified" would silently drop
 * what the caller meant, so requests carrying one are refused, each field named by its path.
 */
public final class KnownEnums {

    private KnownEnums() {
    }

    /** Every unknown enum value in {@code message}, e.g. {@code order.frequency} or {@code genetics.results[2].basis}. */
    public static List<Statuses.Violation> violations(Message message) {
        List<Statuses.Violation> found = new ArrayList<>();
        walk(message, "", found);
        return found;
    }

    private static void walk(Message message, String prefix, List<Statuses.Violation> found) {
        for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
            FieldDescriptor descriptor = field.getKey();
            String path = prefix + descriptor.getName();
            if (descriptor.isRepeated()) {
                List<?> values = (List<?>) field.getValue();
                for (int i = 0; i < values.size(); i++) {
                    check(descriptor, values.get(i), path + "[" + i + "]", found);
                }
            } else {
                check(descriptor, field.getValue(), path, found);
            }
        }
    }

    private static void check(FieldDescriptor descriptor, Object value, String path, List<Statuses.Violation> found) {
        if (descriptor.getJavaType() == FieldDescriptor.JavaType.ENUM && ((EnumValueDescriptor) value).getIndex() < 0) {
            found.add(new Statuses.Violation(path, ((EnumValueDescriptor) value).getNumber() + " is not a value of "
                    + descriptor.getEnumType().getName()));
        } else if (descriptor.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
            walk((Message) value, path + ".", found);
        }
    }
}
