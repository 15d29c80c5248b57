package org.precisionrx.k8s;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

/**
 * What the NetworkPolicies of a render allow, in words the rules compare: for a workload, who
 * may connect to it ("gateway", or "outside" for anything beyond the namespace's pods) and where it
 * may connect to ("patient-profile-service:8101", "dns:53", "external:5432"; "any" for a rule
 * without peers or ports).
 */
final class Traffic {

    static final String OUTSIDE = "outside";

    private final Manifest manifest;

    Traffic(Manifest manifest) {
        this.manifest = manifest;
    }

    /** Callers allowed into the workload, with the ports they may use. */
    Map<String, Set<String>> ingressTo(Workload target) {
        Map<String, Set<String>> callers = new TreeMap<>();
        for (NetworkPolicy policy : selecting(target, "Ingress")) {
            for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                Set<String> ports = ports(rule.getPorts());
                List<NetworkPolicyPeer> from = rule.getFrom();
                if (from.isEmpty()) {
                    callers.computeIfAbsent(OUTSIDE, k -> new TreeSet<>()).addAll(ports);
                }
                for (NetworkPolicyPeer peer : from) {
                    for (String caller : peerNames(peer)) {
                        callers.computeIfAbsent(caller, k -> new TreeSet<>()).addAll(ports);
                    }
                }
            }
        }
        return callers;
    }

    /** Destinations the workload may reach, as name:port. */
    Set<String> egressFrom(Workload source) {
        Set<String> destinations = new TreeSet<>();
        for (NetworkPolicy policy : selecting(source, "Egress")) {
            for (NetworkPolicyEgressRule rule : policy.getSpec().getEgress()) {
                Set<String> ports = ports(rule.getPorts());
                List<String> peers = rule.getTo().isEmpty() ? List.of("any") : rule.getTo().stream().flatMap(p -> peerNames(p).stream()).toList();
                for (String peer : peers) {
                    for (String port : ports) {
                        destinations.add(peer + ":" + port);
                    }
                }
            }
        }
        return destinations;
    }

    List<NetworkPolicy> selecting(Workload workload, String policyType) {
        return manifest.all(NetworkPolicy.class).stream()
                .filter(p -> Selectors.matches(p.getSpec().getPodSelector(), workload.podLabels()))
                .filter(p -> p.getSpec().getPolicyTypes().contains(policyType))
                .toList();
    }

    /** Pods of this namespace by their workload's name; the cluster DNS as "dns"; anything else as OUTSIDE or "external". */
    private List<String> peerNames(NetworkPolicyPeer peer) {
        if (peer.getIpBlock() != null) {
            return List.of("external");
        }
        if (peer.getNamespaceSelector() != null) {
            boolean dns = "kube-system".equals(labels(peer.getNamespaceSelector().getMatchLabels()).get("kubernetes.io/metadata.name"))
                    && peer.getPodSelector() != null
                    && "kube-dns".equals(labels(peer.getPodSelector().getMatchLabels()).get("k8s-app"));
            return List.of(dns ? "dns" : OUTSIDE);
        }
        if (peer.getPodSelector() == null) {
            return List.of("invalid-peer");
        }
        List<String> names = manifest.workloads().stream()
                .filter(w -> Selectors.matches(peer.getPodSelector(), w.podLabels()))
                .map(Workload::name).toList();
        return names.isEmpty() ? List.of("no-such-pods" + labels(peer.getPodSelector().getMatchLabels())) : names;
    }

    private static Set<String> ports(List<NetworkPolicyPort> ports) {
        Set<String> names = new TreeSet<>();
        if (ports.isEmpty()) {
            names.add("any");
        }
        for (NetworkPolicyPort port : ports) {
            IntOrString value = port.getPort();
            names.add(value == null ? "any" : value.getIntVal() != null ? String.valueOf(value.getIntVal()) : value.getStrVal());
        }
        return names;
    }

    private static Map<String, String> labels(Map<String, String> labels) {
        return labels == null ? Map.of() : labels;
    }
}
