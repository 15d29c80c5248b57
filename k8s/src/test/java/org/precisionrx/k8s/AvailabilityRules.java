package org.precisionrx.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/** Disruption budgets, replicas, autoscaling and spreading, and the namespace everything lives in. */
final class AvailabilityRules {

    static final String NAMESPACE = "precisionrx";
    static final String HOSTNAME = "kubernetes.io/hostname";

    private AvailabilityRules() {
    }

    static List<Rule> all() {
        return List.of(
                Rule.everywhere("disruption-budget-per-workload", AvailabilityRules::budgetPerWorkload,
                        m -> m.remove(PodDisruptionBudget.class, "gateway")),
                Rule.everywhere("restricted-namespace", AvailabilityRules::restrictedNamespace,
                        m -> m.get(Namespace.class, NAMESPACE).getMetadata().getLabels().put("pod-security.kubernetes.io/enforce", "baseline")),
                Rule.dev("dev-single-replicas", AvailabilityRules::singleReplicas,
                        m -> m.get(Deployment.class, "dosage-service").getSpec().setReplicas(2)),
                Rule.prod("prod-cpu-autoscaling", AvailabilityRules::cpuAutoscaling,
                        m -> m.remove(HorizontalPodAutoscaler.class, "recommender-service")),
                Rule.prod("prod-anti-affinity-across-nodes", AvailabilityRules::antiAffinity,
                        m -> m.get(Deployment.class, "dosage-service").getSpec().getTemplate().getSpec().setAffinity(null)));
    }

    /** Exactly one budget selects each workload's pods, and it lets at least one pod go. */
    private static List<String> budgetPerWorkload(Manifest manifest) {
        List<String> violations = new ArrayList<>();
        for (Workload w : manifest.workloads()) {
            List<PodDisruptionBudget> budgets = manifest.all(PodDisruptionBudget.class).stream()
                    .filter(b -> Selectors.matches(b.getSpec().getSelector(), w.podLabels())).toList();
            if (budgets.size() != 1) {
                violations.add(w + ": " + budgets.size() + " PodDisruptionBudgets select its pods, expected 1");
                continue;
            }
            var spec = budgets.get(0).getSpec();
            boolean blocksDrains = spec.getMaxUnavailable() != null ? spec.getMaxUnavailable().getIntVal() != null && spec.getMaxUnavailable().getIntVal() < 1
                    : spec.getMinAvailable() != null && spec.getMinAvailable().getIntVal() != null && w.replicas() != null
                            && spec.getMinAvailable().getIntVal() >= w.replicas();
            if (blocksDrains) {
                violations.add(w + ": its PodDisruptionBudget never lets a pod be evicted (node drains would hang)");
            }
        }
        return violations;
    }

    /** Pod Security Admission enforces "restricted" on the one namespace, and every object is in it. */
    private static List<String> restrictedNamespace(Manifest manifest) {
        List<String> violations = new ArrayList<>();
        Optional<Namespace> namespace = manifest.find(Namespace.class, NAMESPACE);
        String enforce = namespace.map(n -> n.getMetadata().getLabels()).map(l -> l.get("pod-security.kubernetes.io/enforce")).orElse(null);
        if (!"restricted".equals(enforce)) {
            violations.add("Namespace " + NAMESPACE + " does not enforce the restricted Pod Security Standard (enforce=" + enforce + ")");
        }
        for (HasMetadata o : manifest.objects()) {
            if (!(o instanceof Namespace) && !NAMESPACE.equals(o.getMetadata().getNamespace())) {
                violations.add(o.getKind() + "/" + o.getMetadata().getName() + " is in namespace " + o.getMetadata().getNamespace());
            }
        }
        return violations;
    }

    private static List<String> singleReplicas(Manifest manifest) {
        List<String> violations = new ArrayList<>();
        for (Workload w : manifest.workloads()) {
            if (w.replicas() == null || w.replicas() != 1) {
                violations.add(w + ": replicas " + w.replicas() + ", dev runs exactly 1");
            }
        }
        manifest.all(HorizontalPodAutoscaler.class).forEach(h -> violations.add("HorizontalPodAutoscaler/" + h.getMetadata().getName() + " in dev"));
        return violations;
    }

    /**
     * Every service is stateless: a CPU autoscaler owns its replica count (at least 2), and the
     * Deployment leaves spec.replicas unset so that applying the manifests does not reset it.
     */
    private static List<String> cpuAutoscaling(Manifest manifest) {
        List<String> violations = new ArrayList<>();
        for (Workload w : manifest.workloads()) {
            if (!w.isProjectService()) {
                continue;
            }
            if (w.replicas() != null) {
                violations.add(w + ": sets replicas " + w.replicas() + " although its autoscaler owns the count");
            }
            Optional<HorizontalPodAutoscaler> hpa = manifest.all(HorizontalPodAutoscaler.class).stream()
                    .filter(h -> h.getSpec().getScaleTargetRef().getKind().equals(w.kind())
                            && h.getSpec().getScaleTargetRef().getName().equals(w.name()))
                    .findFirst();
            if (hpa.isEmpty()) {
                violations.add(w + ": no HorizontalPodAutoscaler");
                continue;
            }
            var spec = hpa.get().getSpec();
            if (spec.getMinReplicas() == null || spec.getMinReplicas() < 2 || spec.getMaxReplicas() <= spec.getMinReplicas()) {
                violations.add(w + ": autoscaler range " + spec.getMinReplicas() + ".." + spec.getMaxReplicas() + ", expected at least 2 and room to grow");
            }
            if (spec.getMetrics().stream().noneMatch(AvailabilityRules::isCpuUtilization)) {
                violations.add(w + ": autoscaler does not scale on CPU utilisation");
            }
        }
        return violations;
    }

    private static boolean isCpuUtilization(MetricSpec metric) {
        return "Resource".equals(metric.getType()) && metric.getResource() != null && "cpu".equals(metric.getResource().getName())
                && "Utilization".equals(metric.getResource().getTarget().getType());
    }

    /** Replicas of a service keep to different nodes: an anti-affinity term on the hostname selecting its own pods. */
    private static List<String> antiAffinity(Manifest manifest) {
        List<String> violations = new ArrayList<>();
        for (Workload w : manifest.workloads()) {
            Affinity affinity = w.pod().getAffinity();
            List<PodAffinityTerm> terms = new ArrayList<>();
            if (affinity != null && affinity.getPodAntiAffinity() != null) {
                terms.addAll(affinity.getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution());
                affinity.getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution().stream()
                        .map(WeightedPodAffinityTerm::getPodAffinityTerm).forEach(terms::add);
            }
            boolean spreads = terms.stream().anyMatch(t -> HOSTNAME.equals(t.getTopologyKey())
                    && Selectors.matches(t.getLabelSelector(), w.podLabels()));
            if (!spreads) {
                violations.add(w + ": no pod anti-affinity across nodes (" + HOSTNAME + ") for its own pods");
            }
        }
        return violations;
    }
}
