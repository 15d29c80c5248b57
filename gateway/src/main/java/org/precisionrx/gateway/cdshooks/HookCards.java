package org.precisionrx.gateway.cdshooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.precisionrx.dosage.kb.Indication;
import org.precisionrx.dosage.kb.KnowledgeBase;
import org.precisionrx.dosage.terminology.DrugCatalog;
import org.precisionrx.dosage.v1.CheckDoseRequest;
import org.precisionrx.dosage.v1.DoseSubject;
import org.precisionrx.gateway.access.AccessGrant;
import org.precisionrx.gateway.cdshooks.card.Card;
import org.precisionrx.gateway.cdshooks.card.Indicator;
import org.precisionrx.gateway.cdshooks.card.OrderCards;
import org.precisionrx.gateway.cdshooks.card.PatientViewCards;
import org.precisionrx.gateway.cdshooks.card.Source;
import org.precisionrx.gateway.cdshooks.order.DraftOrder;
import org.precisionrx.gateway.cdshooks.order.DraftOrders;
import org.precisionrx.gateway.downstream.DosageClient;
import org.precisionrx.gateway.downstream.DownstreamRejectedException;
import org.precisionrx.gateway.downstream.DownstreamUnavailableException;
import org.precisionrx.gateway.downstream.ProfileClient;
import org.precisionrx.gateway.downstream.RecommenderClient;
import org.precisionrx.gateway.web.PatientPageLinks;
import org.precisionrx.profile.v1.Condition;
import org.precisionrx.profile.v1.ConditionCategory;
import org.precisionrx.profile.v1.PatientProfile;
import org.precisionrx.recommender.v1.RecommendRequest;

/**
 * What each CDS service has to say. A service behind the gateway that is down gives a warning
 * card saying what could not be checked, and the answer is marked partial; it never silently
 * drops findings.
 */
@ApplicationScoped
public class HookCards {

    public record Answer(List<Card> cards, boolean partial) {
    }

    /** Active conditions that have a ranked indication. */
    static final Map<ConditionCategory, String> INDICATIONS = Map.of(
            ConditionCategory.CONDITION_CATEGORY_ATRIAL_FIBRILLATION, "af-stroke-prevention",
            ConditionCategory.CONDITION_CATEGORY_ACUTE_CORONARY_SYNDROME, "acs-pci",
            ConditionCategory.CONDITION_CATEGORY_HYPERLIPIDAEMIA, "hyperlipidaemia",
            ConditionCategory.CONDITION_CATEGORY_DEPRESSION, "depression");
    static final int TOP_OPTIONS = 3;

    private final ProfileClient profiles;
    private final RecommenderClient recommender;
    private final DosageClient dosage;
    private final KnowledgeBase knowledgeBase;
    private final DrugCatalog drugCatalog;
    private final CdsConfig config;

    public HookCards(ProfileClient profiles, RecommenderClient recommender, DosageClient dosage, KnowledgeBase knowledgeBase,
            DrugCatalog drugCatalog, CdsConfig config) {
        this.profiles = profiles;
        this.recommender = recommender;
        this.dosage = dosage;
        this.knowledgeBase = knowledgeBase;
        this.drugCatalog = drugCatalog;
        this.config = config;
    }

    /**
     * The cards for a call whose access is granted. {@code resolved} is the profile resolving the patient already
     * fetched (or null): patient-view reads it instead of fetching the same profile again.
     */
    Answer answer(CdsServiceCatalog.CdsService service, HookCall call, AccessGrant grant, PatientProfile resolved) {
        return switch (service.hook()) {
            case "patient-view" -> patientView(grant, resolved);
            case "order-select", "order-sign", "medication-verify" -> orders(service.hook(), call, grant);
            default -> throw new IllegalStateException("no cards for hook " + service.hook());
        };
    }

    private Answer patientView(AccessGrant grant, PatientProfile resolved) {
        PatientProfile profile = resolved != null && resolved.getPatientId().equals(grant.patientId())
                ? resolved : profiles.profile(grant);
        List<String> indications = profile.getHistory().getConditionsList().stream()
                .filter(Condition::getActive)
                .map(condition -> INDICATIONS.get(condition.getCategory()))
                .filter(java.util.Objects::nonNull).distinct().sorted().toList();
        List<Card> cards = new ArrayList<>();
        for (String indication : indications) {
            // The profile goes inline: the recommender would otherwise assemble the same profile again.
            RecommendRequest request = RecommendRequest.newBuilder().setProfile(profile)
                    .setIndicationId(indication).setMaxOptions(TOP_OPTIONS).setIncludeExplanations(true)
                    .setMaxExplained(PatientViewCards.EXPLAINED_OPTIONS).build();
            try {
                cards.add(PatientViewCards.forIndication(name(indication), recommender.recommend(grant, request),
                        PatientPageLinks.patientPage(config.publicBaseUrl(), grant.patientId(), indication), config.publicBaseUrl()));
            } catch (DownstreamUnavailableException | CircuitBreakerOpenException | BulkheadException e) {
                return new Answer(List.of(unavailable("Treatment ranking is unavailable right now",
                        "The ranking service " + whyNoAnswer(e) + ", so no options are shown for " + name(indication)
                                + ". Nothing here means the options were checked.")), true);
            }
        }
        return new Answer(cards, false);
    }

    private Answer orders(String hook, HookCall call, AccessGrant grant) {
        List<DraftOrder> orders = DraftOrders.parse(call.context(), drugCatalog);
        if (hook.equals("order-select")) {
            // order-select: only the orders the clinician is working on now.
            orders = DraftOrders.selected(orders, DraftOrders.selections(call.context()));
        }
        List<Card> cards = new ArrayList<>();
        for (DraftOrder order : orders) {
            if (order.order() == null) {
                cards.add(OrderCards.unreadable(order));
                continue;
            }
            CheckDoseRequest request = CheckDoseRequest.newBuilder()
                    .setSubject(DoseSubject.newBuilder().setPatientId(grant.patientId())).setOrder(order.order()).build();
            try {
                cards.addAll(OrderCards.forOrder(order, dosage.check(grant, request), drugCatalog));
            } catch (DownstreamRejectedException e) {
                cards.add(OrderCards.unreadable(new DraftOrder(order.resourceId(), order.resource(), order.drugId(), null,
                        "dosage-service could not check it: " + e.getMessage())));
            } catch (DownstreamUnavailableException | CircuitBreakerOpenException | BulkheadException e) {
                cards.add(unavailable("Dose checks are unavailable right now",
                        "The dosage service " + whyNoAnswer(e) + ", so the draft orders were NOT checked for "
                                + "pharmacogenomic, dose, renal or interaction problems. Check them by other means."));
                return new Answer(cards, true);
            }
        }
        return new Answer(cards, false);
    }

    private String name(String indication) {
        return knowledgeBase.indication(indication).map(Indication::name).orElse(indication);
    }

    /**
     * Busy (the gateway's bulkhead for the service, or the service's own queue, was full: the call
     * was not carried out and will likely work in a moment) or failing (down, too slow, breaker open).
     */
    private static String whyNoAnswer(RuntimeException e) {
        boolean busy = e instanceof BulkheadException
                || e instanceof DownstreamUnavailableException unavailable && unavailable.overloaded();
        return busy ? "is busy with other requests (try again in a moment)" : "did not answer";
    }

    private static Card unavailable(String summary, String detail) {
        return new Card(UUID.randomUUID().toString(), summary, detail, Indicator.WARNING,
                new Source("PrecisionRx", null, null), List.of(), null, List.of(), List.of());
    }
}
