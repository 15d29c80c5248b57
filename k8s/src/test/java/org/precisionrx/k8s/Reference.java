package org.precisionrx.k8s;

import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;

/** One object naming another (by kind and name), found anywhere in a render. */
record Reference(String kind, String name, String from) {

    @Override
    public String toString() {
        return kind + "/" + name;
    }

    static List<Reference> in(Manifest manifest) {
        List<Reference> refs = new ArrayList<>();
        for (Workload w : manifest.workloads()) {
            String from = w.toString();
            if (w.pod().getServiceAccountName() != null) {
                refs.add(new Reference("ServiceAccount", w.pod().getServiceAccountName(), from));
            }
            for (LocalObjectReference pull : w.pod().getImagePullSecrets()) {
                refs.add(new Reference("Secret", pull.getName(), from));
            }
            for (Volume v : w.pod().getVolumes()) {
                volume(v, from, refs);
            }
            for (Container c : w.allContainers()) {
                container(c, from + " container " + c.getName(), refs);
            }
        }
        for (Ingress ingress : manifest.all(Ingress.class)) {
            String from = "Ingress/" + ingress.getMetadata().getName();
            for (IngressTLS tls : ingress.getSpec().getTls()) {
                refs.add(new Reference("Secret", tls.getSecretName(), from));
            }
            for (IngressRule rule : ingress.getSpec().getRules()) {
                rule.getHttp().getPaths().forEach(p -> refs.add(new Reference("Service", p.getBackend().getService().getName(), from)));
            }
        }
        for (HorizontalPodAutoscaler hpa : manifest.all(HorizontalPodAutoscaler.class)) {
            refs.add(new Reference(hpa.getSpec().getScaleTargetRef().getKind(), hpa.getSpec().getScaleTargetRef().getName(),
                    "HorizontalPodAutoscaler/" + hpa.getMetadata().getName()));
        }
        return refs;
    }

    private static void volume(Volume v, String from, List<Reference> refs) {
        if (v.getSecret() != null && !Boolean.TRUE.equals(v.getSecret().getOptional())) {
            refs.add(new Reference("Secret", v.getSecret().getSecretName(), from));
        }
        if (v.getConfigMap() != null && !Boolean.TRUE.equals(v.getConfigMap().getOptional())) {
            refs.add(new Reference("ConfigMap", v.getConfigMap().getName(), from));
        }
        if (v.getPersistentVolumeClaim() != null) {
            refs.add(new Reference("PersistentVolumeClaim", v.getPersistentVolumeClaim().getClaimName(), from));
        }
    }

    private static void container(Container c, String from, List<Reference> refs) {
        for (EnvFromSource source : c.getEnvFrom()) {
            if (source.getConfigMapRef() != null && !Boolean.TRUE.equals(source.getConfigMapRef().getOptional())) {
                refs.add(new Reference("ConfigMap", source.getConfigMapRef().getName(), from));
            }
            if (source.getSecretRef() != null && !Boolean.TRUE.equals(source.getSecretRef().getOptional())) {
                refs.add(new Reference("Secret", source.getSecretRef().getName(), from));
            }
        }
        for (EnvVar env : c.getEnv()) {
            if (env.getValueFrom() == null) {
                continue;
            }
            var secret = env.getValueFrom().getSecretKeyRef();
            if (secret != null && !Boolean.TRUE.equals(secret.getOptional())) {
                refs.add(new Reference("Secret", secret.getName(), from + " env " + env.getName()));
            }
            var config = env.getValueFrom().getConfigMapKeyRef();
            if (config != null && !Boolean.TRUE.equals(config.getOptional())) {
                refs.add(new Reference("ConfigMap", config.getName(), from + " env " + env.getName()));
            }
        }
    }
}
