package org.precisionrx.recommender.grpc;

import org.precisionrx.recommender.model.ArmModel;
import org.precisionrx.recommender.model.IndicationModels;
import org.precisionrx.recommender.model.ModelSet;
import org.precisionrx.recommender.v1.ModelCardDocument;
import org.precisionrx.recommender.v1.ModelCards;

/** An indication's served model cards as GetModelCards answers them: the JSON as trained, under Recommend's ids. */
final class CardDocuments {

    private CardDocuments() {
    }

    static ModelCards of(ModelSet set, IndicationModels models) {
        ModelCards.Builder cards = ModelCards.newBuilder()
                .setIndicationId(models.indication())
                .setModelSetVersion(set.version());
        add(cards, "benefit", models.benefit());
        add(cards, "adverse-events", models.adverseEvents());
        return cards.build();
    }

    // A model published without a card has nothing to show; its absence is the honest answer.
    private static void add(ModelCards.Builder cards, String role, ArmModel model) {
        model.modelCard().ifPresent(card -> cards.addCards(ModelCardDocument.newBuilder()
                .setId(model.cardId()).setRole(role).setJson(card.toJson())));
    }
}
