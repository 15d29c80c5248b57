package org.precisionrx.k8s;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;

/** Configuration from ConfigMaps, secret values from Secrets only, and no real secret ever committed. */
final class ConfigRules {

    static final Pattern SENSITIVE = Pattern.compile("(?i).*(password|secret|token|credential|private.?key).*");
    static final String DEV_ONLY_LABEL = "precisionrx.org/dev-only";
    static final String DEV_ONLY_PREFIX = "dev-only-";

    private ConfigRules() {
    }

    static List<Rule> all() {
        return List.of(
                Rule.everywhere("service-config-from-configmaps", PerContainer.main(ConfigRules::configFromConfigMap),
                        m -> m.workload("patient-profile-service").container().getEnvFrom().clear()),
                Rule.everywhere("secret-values-only-from-secrets", ConfigRules::secretValuesFromSecrets,
                        m -> {
                            EnvVar secret = SecurityRules.env(m.workload("gateway").container(), "PRX_GATEWAY_CLIENT_SECRET");
                            secret.setValueFrom(null);
                            secret.setValue("s3cr3t");
                        }),
                Rule.dev("dev-is-self-contained", m -> unresolved(m, false),
                        m -> SecurityRules.env(m.workload("gateway").container(), "GATEWAY_DB_PASSWORD")
                                .getValueFrom().getSecretKeyRef().setName("gateway-database")),
                Rule.prod("prod-external-objects-documented", m -> unresolved(m, true),
                        m -> m.workload("patient-profile-service").container().getEnvFrom().get(0).getConfigMapRef().setName("profile-settings")),
                Rule.prod("no-secret-objects-in-prod", ConfigRules::noSecrets,
                        m -> m.add(new SecretBuilder().withNewMetadata().withName("gateway-db").withNamespace("precisionrx").endMetadata()
                                .addToStringData("password", "correct-horse-battery-staple").build())),
                Rule.dev("dev-secrets-are-dev-only", ConfigRules::devSecretsAreDevOnly,
                        m -> m.all(Secret.class).stream().filter(s -> s.getMetadata().getName().startsWith("gateway-db")).findFirst()
                                .orElseThrow().getData().put("password", base64("correct-horse-battery-staple"))));
    }

    /** Each service reads its settings from its own ConfigMap (envFrom), not from literals in the Deployment. */
    private static String configFromConfigMap(Workload w, Container c) {
        if (!w.isProjectService()) {
            return null;
        }
        boolean fromConfigMap = c.getEnvFrom().stream().map(EnvFromSource::getConfigMapRef)
                .anyMatch(ref -> ref != null && ref.getName().startsWith(w.name() + "-config"));
        return fromConfigMap ? null : "does not take its settings from ConfigMap " + w.name() + "-config (envFrom)";
    }

    private static List<String> secretValuesFromSecrets(Manifest manifest) {
        List<String> violations = new ArrayList<>();
        for (Workload w : manifest.workloads()) {
            for (Container c : w.allContainers()) {
                for (EnvVar env : c.getEnv()) {
                    boolean fromSecret = env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null;
                    if (SENSITIVE.matcher(env.getName()).matches() && !fromSecret) {
                        violations.add(w + " container " + c.getName() + ": " + env.getName() + " is not taken from a Secret");
                    }
                }
            }
        }
        for (ConfigMap map : manifest.all(ConfigMap.class)) {
            if (map.getData() == null) {
                continue;
            }
            map.getData().keySet().stream().filter(key -> SENSITIVE.matcher(key).matches())
                    .forEach(key -> violations.add("ConfigMap/" + map.getMetadata().getName() + ": key " + key + " belongs in a Secret"));
        }
        return violations;
    }

    /** References to objects the render lacks: none in dev; in prod only the documented out-of-band ones. */
    private static List<String> unresolved(Manifest manifest, boolean allowDocumentedExternals) {
        Map<String, List<String>> present = new HashMap<>();
        for (HasMetadata o : manifest.objects()) {
            present.computeIfAbsent(o.getKind(), k -> new ArrayList<>()).add(o.getMetadata().getName());
        }
        List<String> violations = new ArrayList<>();
        for (Reference ref : Reference.in(manifest)) {
            boolean inRender = present.getOrDefault(ref.kind(), List.of()).contains(ref.name());
            if (!inRender && !(allowDocumentedExternals && ExternalObjects.isDocumentedForProd(ref))) {
                violations.add(ref.from() + ": refers to " + ref + (allowDocumentedExternals
                        ? ", which is neither in the overlay nor among the documented out-of-band objects"
                        : ", which is not in the overlay"));
            }
        }
        return violations;
    }

    private static List<String> noSecrets(Manifest manifest) {
        return manifest.all(Secret.class).stream()
                .map(s -> "Secret/" + s.getMetadata().getName() + " is committed; prod Secrets are created out of band")
                .toList();
    }

    private static List<String> devSecretsAreDevOnly(Manifest manifest) {
        List<String> violations = new ArrayList<>();
        for (Secret secret : manifest.all(Secret.class)) {
            String name = secret.getMetadata().getName();
            Map<String, String> labels = secret.getMetadata().getLabels();
            if (labels == null || !"true".equals(labels.get(DEV_ONLY_LABEL))) {
                violations.add("Secret/" + name + ": not labelled " + DEV_ONLY_LABEL + "=true");
            }
            values(secret).forEach((key, value) -> {
                if (SENSITIVE.matcher(key).matches() && !value.startsWith(DEV_ONLY_PREFIX)) {
                    violations.add("Secret/" + name + ": " + key + " does not look like a public dev-only value (" + DEV_ONLY_PREFIX + "...)");
                }
            });
        }
        return violations;
    }

    private static Map<String, String> values(Secret secret) {
        Map<String, String> values = new HashMap<>();
        if (secret.getData() != null) {
            secret.getData().forEach((k, v) -> values.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
        }
        if (secret.getStringData() != null) {
            values.putAll(secret.getStringData());
        }
        return values;
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
