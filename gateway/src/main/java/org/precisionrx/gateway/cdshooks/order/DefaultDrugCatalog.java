package org.precisionrx.gateway.cdshooks.order;

import org.precisionrx.dosage.terminology.DrugCatalog;

/** The formulary's catalog, loaded once on first use; it is immutable, so one copy serves every request. */
public final class DefaultDrugCatalog {

    private DefaultDrugCatalog() {
    }

    public static DrugCatalog get() {
        return Holder.CATALOG;
    }

    private static final class Holder {
        static final DrugCatalog CATALOG = DrugCatalog.loadDefault();
    }
}
