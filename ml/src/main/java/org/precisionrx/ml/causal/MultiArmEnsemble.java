package org.precisionrx.ml.causal;

import java.util.ArrayList;
import java.util.List;
import org.precisionrx.ml.io.Sha256;

/** A deep ensemble of multi-arm networks with the same architecture (members trained with seeds seed, seed+1, ...). */
public record MultiArmEnsemble(List<MultiArmNet> members) {

    public MultiArmEnsemble {
        members = List.copyOf(members);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one member");
        }
        TarnetSpec spec = members.get(0).spec();
        if (members.stream().anyMatch(m -> !m.spec().equals(spec))) {
            throw new IllegalArgumentException("ensemble members must share one architecture");
        }
    }

    public TarnetSpec spec() {
        return members.get(0).spec();
    }

    public int size() {
        return members.size();
    }

    /** SHA-256 over all members' weights, member by member, in parameter order. */
    public String weightsSha256() {
        List<float[]> all = new ArrayList<>();
        members.forEach(m -> all.addAll(List.of(m.weights())));
        return Sha256.ofFloats(all.toArray(new float[0][]));
    }

    public List<String> memberWeightsSha256() {
        return members.stream().map(MultiArmNet::weightsSha256).toList();
    }
}
