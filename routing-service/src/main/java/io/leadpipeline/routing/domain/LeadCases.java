package io.leadpipeline.routing.domain;

import java.util.ArrayList;
import java.util.List;

/** The decisions of one lead that reached the desk (one per sales-qualified cycle): what an erasure must find. */
public record LeadCases(List<String> decisionIds) {

    public LeadCases {
        decisionIds = List.copyOf(decisionIds);
    }

    LeadCases with(String decisionId) {
        List<String> all = new ArrayList<>(decisionIds);
        all.add(decisionId);
        return new LeadCases(all);
    }
}
