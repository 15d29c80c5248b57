package org.precisionrx.k8s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;

/** The restricted security context, service accounts and the writable folders of a read-only root. */
final class SecurityRules {

    /** The services that load TensorFlow Java, which unpacks its native libraries at start. */
    static final Set<String> TENSORFLOW_SERVICES = Set.of("dosage-service", "recommender-service");
    static final String TENSORFLOW_LABEL = "precisionrx.org/tensorflow";
    static final String JAVACPP_CACHE_PROPERTY = "-Dorg.bytedeco.javacpp.cachedir=";
    /** The unpacked native libraries measured about 680 MiB. */
    static final Quantity TENSORFLOW_CACHE_MINIMUM = new Quantity("1Gi");

    private SecurityRules() {
    }

    static List<Rule> all() {
        return List.of(
                Rule.everywhere("run-as-non-root", PerContainer.all(SecurityRules::runsAsNonRoot),
                        m -> m.workload("gateway").container().getSecurityContext().setRunAsNonRoot(false)),
                Rule.everywhere("read-only-root-filesystem",
                        PerContainer.all((w, c) -> isTrue(sc(c).getReadOnlyRootFilesystem()) ? null : "readOnlyRootFilesystem is not true"),
                        m -> m.workload("recommender-service").container().getSecurityContext().setReadOnlyRootFilesystem(false)),
                Rule.everywhere("no-privilege-escalation", PerContainer.all(SecurityRules::cannotEscalate),
                        m -> m.workload("patient-profile-service").container().getSecurityContext().setAllowPrivilegeEscalation(true)),
                Rule.everywhere("drop-all-capabilities", PerContainer.all(SecurityRules::dropsAllCapabilities),
                        m -> m.workload("postgres").container().getSecurityContext().getCapabilities().setAdd(List.of("NET_ADMIN"))),
                Rule.everywhere("seccomp-runtime-default", PerContainer.all(SecurityRules::hasSeccompProfile),
                        m -> m.workload("gateway").pod().getSecurityContext().setSeccompProfile(new SeccompProfile(null, "Unconfined"))),
                Rule.everywhere("no-host-access", SecurityRules::noHostAccess,
                        m -> m.workload("dosage-service").pod().setHostNetwork(true)),
                Rule.everywhere("no-service-account-token", SecurityRules::noServiceAccountToken,
                        m -> m.get(ServiceAccount.class, "dosage-service").setAutomountServiceAccountToken(true)),
                Rule.everywhere("own-service-account", SecurityRules::ownServiceAccount,
                        m -> m.workload("recommender-service").pod().setServiceAccountName("default")),
                Rule.everywhere("writable-tmp-is-an-emptydir", SecurityRules::writableTmp,
                        m -> m.workload("gateway").container().getVolumeMounts().removeIf(v -> v.getMountPath().equals("/tmp"))),
                Rule.everywhere("tensorflow-native-cache-on-an-emptydir", SecurityRules::tensorflowNativeCache,
                        m -> env(m.workload("dosage-service").container(), "JAVA_TOOL_OPTIONS").setValue("-Djava.io.tmpdir=/tmp")));
    }

    private static String runsAsNonRoot(Workload workload, Container container) {
        PodSecurityContext pod = podSc(workload);
        Boolean nonRoot = Optional.ofNullable(sc(container).getRunAsNonRoot()).orElse(pod.getRunAsNonRoot());
        Long user = Optional.ofNullable(sc(container).getRunAsUser()).orElse(pod.getRunAsUser());
        if (!isTrue(nonRoot)) {
            return "runAsNonRoot is not true";
        }
        return Objects.equals(user, 0L) ? "runAsUser is 0 (root)" : null;
    }

    private static String cannotEscalate(Workload workload, Container container) {
        if (!Boolean.FALSE.equals(sc(container).getAllowPrivilegeEscalation())) {
            return "allowPrivilegeEscalation is not false";
        }
        return isTrue(sc(container).getPrivileged()) ? "privileged" : null;
    }

    private static String dropsAllCapabilities(Workload workload, Container container) {
        Capabilities capabilities = sc(container).getCapabilities();
        if (capabilities == null || capabilities.getDrop() == null || !capabilities.getDrop().contains("ALL")) {
            return "capabilities.drop does not contain ALL";
        }
        return capabilities.getAdd() == null || capabilities.getAdd().isEmpty() ? null : "adds capabilities " + capabilities.getAdd();
    }

    private static String hasSeccompProfile(Workload workload, Container container) {
        SeccompProfile profile = Optional.ofNullable(sc(container).getSeccompProfile()).orElse(podSc(workload).getSeccompProfile());
        String type = profile == null ? null : profile.getType();
        return "RuntimeDefault".equals(type) || "Localhost".equals(type) ? null : "seccompProfile is " + type + ", not RuntimeDefault";
    }

    private static List<String> noHostAccess(Manifest manifest) {
        List<String> violations = new ArrayList<>();
        for (Workload w : manifest.workloads()) {
            if (isTrue(w.pod().getHostNetwork()) || isTrue(w.pod().getHostPID()) || isTrue(w.pod().getHostIPC())) {
                violations.add(w + ": shares a host namespace (hostNetwork, hostPID or hostIPC)");
            }
            for (Volume volume : w.pod().getVolumes()) {
                if (volume.getHostPath() != null) {
                    violations.add(w + ": hostPath volume " + volume.getName());
                }
            }
            for (Container c : w.allContainers()) {
                for (ContainerPort port : c.getPorts()) {
                    if (port.getHostPort() != null) {
                        violations.add(w + " container " + c.getName() + ": hostPort " + port.getHostPort());
                    }
                }
            }
        }
        return violations;
    }

    private static List<String> noServiceAccountToken(Manifest manifest) {
        List<String> violations = new ArrayList<>();
        for (Workload w : manifest.workloads()) {
            if (!Boolean.FALSE.equals(w.pod().getAutomountServiceAccountToken())) {
                violations.add(w + ": automountServiceAccountToken is not false");
            }
        }
        for (ServiceAccount account : manifest.all(ServiceAccount.class)) {
            if (!Boolean.FALSE.equals(account.getAutomountServiceAccountToken())) {
                violations.add("ServiceAccount/" + account.getMetadata().getName() + ": automountServiceAccountToken is not false");
            }
        }
        return violations;
    }

    private static List<String> ownServiceAccount(Manifest manifest) {
        List<String> violations = new ArrayList<>();
        Map<String, String> users = new HashMap<>();
        for (Workload w : manifest.workloads()) {
            String account = w.pod().getServiceAccountName();
            if (account == null || account.isBlank() || account.equals("default")) {
                violations.add(w + ": runs as the namespace's default service account");
            } else if (manifest.find(ServiceAccount.class, account).isEmpty()) {
                violations.add(w + ": service account " + account + " is not part of the overlay");
            } else if (users.putIfAbsent(account, w.toString()) != null) {
                violations.add(w + ": shares service account " + account + " with " + users.get(account));
            }
        }
        return violations;
    }

    private static List<String> writableTmp(Manifest manifest) {
        List<String> violations = new ArrayList<>();
        for (Workload w : manifest.workloads()) {
            for (Container c : w.containers()) {
                if (!mountedEmptyDir(w, c, "/tmp").isPresent()) {
                    violations.add(w + " container " + c.getName() + ": /tmp is not an emptyDir (read-only root)");
                }
            }
        }
        return violations;
    }

    private static List<String> tensorflowNativeCache(Manifest manifest) {
        List<String> violations = new ArrayList<>();
        Set<String> labelled = new TreeSet<>();
        for (Workload w : manifest.workloads()) {
            if ("true".equals(w.podLabels().get(TENSORFLOW_LABEL))) {
                labelled.add(w.name());
            }
        }
        if (!labelled.equals(new TreeSet<>(TENSORFLOW_SERVICES))) {
            violations.add("pods labelled " + TENSORFLOW_LABEL + "=true are " + labelled + ", expected " + new TreeSet<>(TENSORFLOW_SERVICES));
        }
        for (String name : TENSORFLOW_SERVICES) {
            manifest.workloads().stream().filter(w -> w.name().equals(name)).findFirst()
                    .ifPresent(w -> tensorflowCacheProblem(w).ifPresent(p -> violations.add(w + ": " + p)));
        }
        return violations;
    }

    private static Optional<String> tensorflowCacheProblem(Workload w) {
        Container c = w.container();
        EnvVar options = c.getEnv().stream().filter(e -> e.getName().equals("JAVA_TOOL_OPTIONS")).findFirst().orElse(null);
        String value = options == null || options.getValue() == null ? "" : options.getValue();
        int at = value.indexOf(JAVACPP_CACHE_PROPERTY);
        if (at < 0) {
            return Optional.of("JAVA_TOOL_OPTIONS does not set " + JAVACPP_CACHE_PROPERTY + " (TensorFlow would unpack into the read-only home)");
        }
        String dir = value.substring(at + JAVACPP_CACHE_PROPERTY.length()).split("\\s+")[0];
        Optional<Volume> volume = mountedEmptyDir(w, c, dir);
        if (volume.isEmpty()) {
            return Optional.of("the TensorFlow native cache " + dir + " is not an emptyDir mount");
        }
        Quantity limit = volume.get().getEmptyDir().getSizeLimit();
        if (limit == null || limit.getNumericalAmount().compareTo(TENSORFLOW_CACHE_MINIMUM.getNumericalAmount()) < 0) {
            return Optional.of("the TensorFlow native cache emptyDir is smaller than " + TENSORFLOW_CACHE_MINIMUM);
        }
        return Optional.empty();
    }

    static Optional<Volume> mountedEmptyDir(Workload w, Container c, String path) {
        return c.getVolumeMounts().stream().filter(m -> path.equals(m.getMountPath())).map(VolumeMount::getName).findFirst()
                .flatMap(name -> w.pod().getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst())
                .filter(v -> v.getEmptyDir() != null);
    }

    static EnvVar env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no env " + name));
    }

    private static SecurityContext sc(Container container) {
        return container.getSecurityContext() == null ? new SecurityContext() : container.getSecurityContext();
    }

    private static PodSecurityContext podSc(Workload workload) {
        return workload.pod().getSecurityContext() == null ? new PodSecurityContext() : workload.pod().getSecurityContext();
    }

    static boolean isTrue(Boolean value) {
        return Boolean.TRUE.equals(value);
    }
}
