package io.leadpipeline.routing.domain;

import java.util.Set;

import io.leadpipeline.events.FormType;
import io.leadpipeline.events.Grade;

/**
 * A rule's conditions: every condition given must hold (AND), a lead matches a list when its value is in it (OR).
 * An empty set or a null bound means "any"; a lead whose value is unknown does not match a condition on it.
 * Countries are upper-case ISO codes (regions already expanded), industries lower-case.
 */
public record RuleConditions(Set<String> countries, Integer minCompanySize, Integer maxCompanySize, Set<String> industries,
        Set<FormType> formTypes, Set<Grade> grades) {

    public static final RuleConditions ANY = new RuleConditions(Set.of(), null, null, Set.of(), Set.of(), Set.of());

    public RuleConditions {
        countries = Set.copyOf(countries);
        industries = Set.copyOf(industries);
        formTypes = Set.copyOf(formTypes);
        grades = Set.copyOf(grades);
    }

    public boolean isCatchAll() {
        return countries.isEmpty() && minCompanySize == null && maxCompanySize == null && industries.isEmpty()
                && formTypes.isEmpty() && grades.isEmpty();
    }

    public boolean matches(LeadFacts lead) {
        return within(countries, lead.country())
                && within(industries, lead.industry())
                && within(formTypes, lead.formType())
                && within(grades, lead.grade())
                && sizeMatches(lead.companySize());
    }

    private boolean sizeMatches(Integer size) {
        if (minCompanySize == null && maxCompanySize == null) {
            return true;
        }
        return size != null && (minCompanySize == null || size >= minCompanySize) && (maxCompanySize == null || size <= maxCompanySize);
    }

    private static <T> boolean within(Set<T> allowed, T value) {
        return allowed.isEmpty() || (value != null && allowed.contains(value));
    }
}
