package io.leadpipeline.nurture.domain;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.leadpipeline.events.FormType;
import io.leadpipeline.events.Grade;
import io.leadpipeline.events.NurtureEnrollmentReason;

/** Whom a track serves: why the lead is nurtured and, optionally, its persona. An empty set matches anything. */
public record Audience(Set<NurtureEnrollmentReason> reasons, Set<Grade> grades, Set<String> industries, Set<FormType> formTypes) {

    public Audience {
        reasons = Set.copyOf(reasons);
        grades = Set.copyOf(grades);
        industries = industries.stream().map(Audience::normalize).collect(Collectors.toUnmodifiableSet());
        formTypes = Set.copyOf(formTypes);
    }

    public boolean matches(NurtureEnrollmentReason reason, Persona persona) {
        return reason != null && reasons.contains(reason)
                && (grades.isEmpty() || (persona.grade() != null && grades.contains(persona.grade())))
                && (industries.isEmpty() || (persona.industry() != null && industries.contains(normalize(persona.industry()))))
                && (formTypes.isEmpty() || (persona.formType() != null && formTypes.contains(persona.formType())));
    }

    /** True when the track takes every lead nurtured for {@code reason}, whatever its persona. */
    public boolean catchesAll(NurtureEnrollmentReason reason) {
        return reasons.contains(reason) && grades.isEmpty() && industries.isEmpty() && formTypes.isEmpty();
    }

    private static String normalize(String industry) {
        return industry.trim().toLowerCase(Locale.ROOT);
    }
}
