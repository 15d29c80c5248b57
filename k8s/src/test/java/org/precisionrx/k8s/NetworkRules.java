package org.precisionrx.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;

/**
 * Default deny, then exactly the traffic the suite needs: the gateway is the only door, each
 * service accepts only its real callers, and egress goes only to PostgreSQL, Keycloak, DNS and
 * each service's own downstream services.
 */
final class NetworkRules {

    /** Who calls whom, from the services' configuration (PROFILE_/DOSAGE_/RECOMMENDER_GRPC_HOST, DB URLs, KEYCLOAK_URL). */
    static final Map<String, Set<String>> CALLERS = Map.of(
            "patient-profile-service", Set.of("dosage-service", "recommender-service", "gateway"),
            "dosage-service", Set.of("recommender-service", "gateway"),
            "recommender-service", Set.of("gateway"),
            "gateway", Set.of(Traffic.OUTSIDE),
            "postgres", Set.of("patient-profile-service", "gateway"),
            "keycloak", Set.of("gateway"));

    private static final Set<String> DNS = Set.of("dns:53");

    /** Where each workload may connect to, in dev (PostgreSQL and Keycloak are pods). */
    static final Map<String, Set<String>> DEV_EGRESS = Map.of(
            "patient-profile-service", Set.of("postgres:5432"),
            "dosage-service", Set.of("patient-profile-service:8101"),
            "recommender-service", Set.of("patient-profile-service:8101", "dosage-service:8102"),
            "gateway", Set.of("patient-profile-service:8101", "dosage-service:8102", "recommender-service:8103",
                    "postgres:5432", "keycloak:8080"),
            "postgres", Set.of(),
            "keycloak", Set.of());

    /** In prod PostgreSQL (5432) and Keycloak and the EHRs (443, HTTPS) are outside the cluster. */
    static final Map<String, Set<String>> PROD_EGRESS = Map.of(
            "patient-profile-service", Set.of("external:5432"),
            "dosage-service", Set.of("patient-profile-service:8101"),
            "recommender-service", Set.of("patient-profile-service:8101", "dosage-service:8102"),
            "gateway", Set.of("patient-profile-service:8101", "dosage-service:8102", "recommender-service:8103",
                    "external:5432", "external:443"));

    private NetworkRules() {
    }

    static List<Rule> all() {
        return List.of(
                Rule.everywhere("network-default-deny", NetworkRules::defaultDeny,
                        m -> m.remove(NetworkPolicy.class, "default-deny-all")),
                Rule.everywhere("only-gateway-open-to-outside", NetworkRules::onlyGatewayOpen,
                        m -> m.get(NetworkPolicy.class, "dosage-service").getSpec().getIngress()
                                .add(new NetworkPolicyIngressRuleBuilder().addNewPort().withNewPort(8102).endPort().build())),
                Rule.everywhere("ingress-from-real-callers-only", NetworkRules::ingressFromRealCallers,
                        m -> m.get(NetworkPolicy.class, "recommender-service").getSpec().getIngress().get(0).getFrom()
                                .add(peer("dosage-service"))),
                Rule.dev("dev-egress-to-known-destinations-only", m -> egress(m, DEV_EGRESS),
                        m -> m.get(NetworkPolicy.class, "recommender-service").getSpec().getEgress()
                                .add(new NetworkPolicyEgressRuleBuilder().addNewTo().withNewIpBlock().withCidr("0.0.0.0/0").endIpBlock()
                                        .endTo().build())),
                Rule.prod("prod-egress-to-known-destinations-only", m -> egress(m, PROD_EGRESS),
                        m -> m.get(NetworkPolicy.class, "dosage-service").getSpec().getEgress()
                                .add(new NetworkPolicyEgressRuleBuilder().addNewTo().withNewIpBlock().withCidr("192.0.2.10/32").endIpBlock()
                                        .endTo().addNewPort().withNewPort(5432).endPort().build())),
                Rule.prod("prod-public-url-is-the-ingress-host", NetworkRules::publicUrlIsIngressHost,
                        m -> m.get(Ingress.class, "gateway").getSpec().getRules().get(0).setHost("other.example.org")));
    }

    /** CDS Hooks JWTs are checked against GATEWAY_PUBLIC_URL: it must be the HTTPS address the Ingress serves. */
    private static List<String> publicUrlIsIngressHost(Manifest manifest) {
        Optional<Ingress> ingress = manifest.find(Ingress.class, "gateway");
        if (ingress.isEmpty()) {
            return List.of("no Ingress gateway: the gateway has no public address");
        }
        List<String> violations = new ArrayList<>();
        var spec = ingress.get().getSpec();
        Set<String> tlsHosts = new TreeSet<>();
        spec.getTls().forEach(t -> tlsHosts.addAll(t.getHosts()));
        String publicUrl = manifest.configMap("gateway-config").getData().get("GATEWAY_PUBLIC_URL");
        for (IngressRule rule : spec.getRules()) {
            if (!tlsHosts.contains(rule.getHost())) {
                violations.add("Ingress/gateway: host " + rule.getHost() + " is served without TLS");
            }
            if (!("https://" + rule.getHost()).equals(publicUrl)) {
                violations.add("GATEWAY_PUBLIC_URL " + publicUrl + " is not the Ingress address https://" + rule.getHost());
            }
            rule.getHttp().getPaths().stream().map(p -> p.getBackend().getService().getName()).filter(s -> !s.equals("gateway"))
                    .forEach(s -> violations.add("Ingress/gateway: routes to " + s + "; only the gateway is public"));
        }
        return violations;
    }

    /** A policy selecting every pod, for both directions, allowing nothing. */
    private static List<String> defaultDeny(Manifest manifest) {
        boolean present = manifest.all(NetworkPolicy.class).stream().anyMatch(p -> Selectors.isEmpty(p.getSpec().getPodSelector())
                && p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                && p.getSpec().getIngress().isEmpty() && p.getSpec().getEgress().isEmpty());
        return present ? List.of() : List.of("no default-deny NetworkPolicy (podSelector {}, Ingress and Egress, no rules)");
    }

    private static List<String> onlyGatewayOpen(Manifest manifest) {
        Traffic traffic = new Traffic(manifest);
        List<String> violations = new ArrayList<>();
        for (Workload w : manifest.workloads()) {
            if (!w.name().equals("gateway") && traffic.ingressTo(w).containsKey(Traffic.OUTSIDE)) {
                violations.add(w + ": accepts connections from outside the namespace; only the gateway may");
            }
        }
        return violations;
    }

    /** Callers equal CALLERS, and only on the callee's own container port. */
    private static List<String> ingressFromRealCallers(Manifest manifest) {
        Traffic traffic = new Traffic(manifest);
        List<String> violations = new ArrayList<>();
        for (Workload w : manifest.workloads()) {
            Map<String, Set<String>> callers = traffic.ingressTo(w);
            Set<String> expected = CALLERS.getOrDefault(w.name(), Set.of());
            if (!callers.keySet().equals(expected)) {
                violations.add(w + ": accepts " + new TreeSet<>(callers.keySet()) + ", expected " + new TreeSet<>(expected));
            }
            Set<String> ports = new TreeSet<>();
            w.container().getPorts().forEach(p -> ports.add(String.valueOf(p.getContainerPort())));
            callers.forEach((caller, allowed) -> {
                if (!ports.containsAll(allowed)) {
                    violations.add(w + ": lets " + caller + " in on ports " + allowed + ", not only its own " + ports);
                }
            });
        }
        return violations;
    }

    private static List<String> egress(Manifest manifest, Map<String, Set<String>> expected) {
        Traffic traffic = new Traffic(manifest);
        List<String> violations = new ArrayList<>();
        Map<String, Set<String>> actual = new TreeMap<>();
        for (Workload w : manifest.workloads()) {
            actual.put(w.name(), traffic.egressFrom(w));
        }
        for (Workload w : manifest.workloads()) {
            Set<String> wanted = new TreeSet<>(DNS);
            wanted.addAll(expected.getOrDefault(w.name(), Set.of()));
            if (!actual.get(w.name()).equals(wanted)) {
                violations.add(w + ": may connect to " + actual.get(w.name()) + ", expected " + wanted);
            }
        }
        return violations;
    }

    private static NetworkPolicyPeer peer(String app) {
        return new NetworkPolicyPeerBuilder()
                .withNewPodSelector().addToMatchLabels("app.kubernetes.io/name", app).endPodSelector().build();
    }
}
