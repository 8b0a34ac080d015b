package io.leadpipeline.qualification.domain.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.leadpipeline.events.FormType;
import io.leadpipeline.events.Grade;
import io.leadpipeline.events.LeadStage;
import io.leadpipeline.events.RejectionReason;
import io.leadpipeline.qualification.domain.Assessment;
import io.leadpipeline.qualification.domain.LeadProfile;
import io.leadpipeline.qualification.domain.Reason;

/**
 * The first rule set: a demo request (or contact-sales form) from a business email with a company is
 * sales-qualified; everything else is rejected, as not a fit when the email is free-mail or the company unknown.
 */
public final class Qualifier {

    static final Set<FormType> HIGH_INTENT = Set.of(FormType.DEMO_REQUEST, FormType.CONTACT_SALES);
    static final Set<String> FREE_MAIL_DOMAINS = Set.of("gmail.com", "googlemail.com", "yahoo.com", "hotmail.com",
            "outlook.com", "live.com", "icloud.com", "me.com", "aol.com", "gmx.de", "gmx.net", "web.de", "mail.com",
            "proton.me", "protonmail.com", "yandex.ru", "qq.com", "163.com");

    public static final String RULES_VERSION = "builtin-1";

    public Assessment assess(LeadProfile profile) {
        List<Reason> reasons = new ArrayList<>();
        int fit = 0;
        boolean businessEmail = !FREE_MAIL_DOMAINS.contains(profile.contact().emailDomain());
        if (businessEmail) {
            fit += add(reasons, "fit.business-email", 20, "Uses a business email address (" + profile.contact().emailDomain() + ")");
        } else {
            fit += add(reasons, "fit.free-mail", -20, "Uses a free-mail address, not a company one");
        }
        boolean hasCompany = profile.contact().company() != null;
        if (hasCompany) {
            fit += add(reasons, "fit.company-named", 10, "Named their company: " + profile.contact().company());
        } else {
            fit += add(reasons, "fit.company-missing", -10, "Did not name a company");
        }
        int engagement = 0;
        FormType form = profile.lastFormType();
        boolean highIntent = form != null && HIGH_INTENT.contains(form);
        if (highIntent) {
            engagement += add(reasons, "intent.high-intent-form", 40, "Asked to talk to sales (" + form + ")");
        } else if (form != null) {
            engagement += add(reasons, "intent.form", 5, "Filled in a " + form + " form");
        }
        Grade grade = fit >= 30 ? Grade.A : fit >= 20 ? Grade.B : fit >= 0 ? Grade.C : Grade.D;
        if (highIntent && businessEmail && hasCompany) {
            return new Assessment(LeadStage.SQL, null, fit, engagement, grade, reasons);
        }
        RejectionReason reason = businessEmail && hasCompany ? RejectionReason.LOW_SCORE : RejectionReason.NOT_A_FIT;
        return new Assessment(LeadStage.REJECTED, reason, fit, engagement, grade, reasons);
    }

    private static int add(List<Reason> reasons, String ruleId, int points, String description) {
        reasons.add(new Reason(ruleId, points, description));
        return points;
    }
}
