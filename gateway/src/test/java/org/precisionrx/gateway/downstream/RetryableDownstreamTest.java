package org.precisionrx.gateway.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

import io.grpc.Status;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.junit.jupiter.api.Test;

/** Which downstream failures an idempotent read is retried on, and which ask the caller to come back (429). */
class RetryableDownstreamTest {

    private final RetryableDownstream retryable = new RetryableDownstream();

    @Test
    void onlyAnUnreachableServiceIsRetried() {
        assertThat(retryable.test(OnBehalfCalls.translate("S", Status.UNAVAILABLE.asRuntimeException()))).isTrue();
        for (Status status : new Status[] {Status.DEADLINE_EXCEEDED, Status.RESOURCE_EXHAUSTED, Status.INTERNAL,
                Status.INVALID_ARGUMENT, Status.NOT_FOUND, Status.ABORTED}) {
            assertThat(retryable.test(OnBehalfCalls.translate("S", status.asRuntimeException())))
                    .as(status.getCode().name()).isFalse();
        }
    }

    @Test
    void aFullQueueDownstreamIsOverloadNotAnOutage() {
        RuntimeException full = OnBehalfCalls.translate("S", Status.RESOURCE_EXHAUSTED.asRuntimeException());
        assertThat(full).isInstanceOfSatisfying(DownstreamUnavailableException.class, e -> {
            assertThat(e.overloaded()).isTrue();
            assertThat(e.getMessage()).isEqualTo("S is unavailable (resource_exhausted)");
        });
        assertThat(((DownstreamUnavailableException) OnBehalfCalls.translate("S", Status.UNAVAILABLE.asRuntimeException()))
                .overloaded()).isFalse();
    }

    @Test
    void onlyIdempotentReadsCarryARetryAndImportsNever() {
        assertThat(retried(ProfileClient.class)).containsExactlyInAnyOrder("profile", "profileByFhirId", "list");
        assertThat(notRetried(ProfileClient.class)).containsExactlyInAnyOrder("importFhir", "importPharmcat");
        assertThat(retried(DosageClient.class)).containsExactlyInAnyOrder("recommend", "check");
        assertThat(retried(RecommenderClient.class)).containsExactlyInAnyOrder("modelCards", "recommend");
    }

    private static List<String> retried(Class<?> client) {
        return publicMethods(client).stream().filter(m -> m.isAnnotationPresent(Retry.class)).map(Method::getName).toList();
    }

    private static List<String> notRetried(Class<?> client) {
        return publicMethods(client).stream().filter(m -> !m.isAnnotationPresent(Retry.class)).map(Method::getName).toList();
    }

    private static List<Method> publicMethods(Class<?> client) {
        return Arrays.stream(client.getDeclaredMethods()).filter(m -> Modifier.isPublic(m.getModifiers())).toList();
    }
}
