package io.leadpipeline.routing.domain;

import static io.leadpipeline.routing.domain.TestRules.alwaysOn;
import static io.leadpipeline.routing.domain.TestRules.lead;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.leadpipeline.events.AssignmentStrategy;
import io.leadpipeline.events.HandoffRejectionReason;

/** Proves one company, one owner: a lead from a domain a closer accepted before goes to that closer while they are eligible. */
class AccountMatchingTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private final DeskDriver driver = new DeskDriver(TestRules.onePool(PoolStrategy.ROUND_ROBIN, alwaysOn("ava", 10), alwaysOn("ben", 10)));

    @Test
    void shouldSendALeadFromAnOwnedCompanyToItsOwner() {
        Handoff first = driver.send(lead("acme.example"), NOW).get(0); // ava, by rotation
        driver.desk.accept("cmd-1", first.handoffId(), NOW);

        Handoff second = driver.send(lead("acme.example"), NOW).get(0); // rotation says ben, the account says ava
        Handoff other = driver.send(lead("initech.example"), NOW).get(0);

        assertEquals("ava", second.closerId());
        assertEquals(AssignmentStrategy.ACCOUNT_OWNER, second.strategy());
        assertEquals("ben", other.closerId(), "the rotation did not lose ben's turn to the account match");
    }

    @Test
    void shouldRouteNormallyWhileTheOwnerIsNotEligible() {
        Handoff first = driver.send(lead("acme.example"), NOW).get(0);
        driver.desk.accept("cmd-1", first.handoffId(), NOW);
        driver.desk.changeAvailability("ava", new Availability(true, NOW.plusSeconds(3600), "c1", NOW), NOW);

        Handoff second = driver.send(lead("acme.example"), NOW).get(0);

        assertEquals("ben", second.closerId());
        assertEquals(AssignmentStrategy.ROUND_ROBIN, second.strategy());
    }

    @Test
    void shouldLearnOwnersOnlyFromAcceptedHandoffsOfCompanyDomains() {
        Handoff rejected = driver.send(lead("acme.example"), NOW).get(0); // ava
        driver.desk.reject("cmd-1", rejected.handoffId(), HandoffRejectionReason.NOT_A_FIT, null, NOW);
        Handoff freeMail = driver.send(lead("gmail.com"), NOW).get(0); // ben
        driver.desk.accept("cmd-2", freeMail.handoffId(), NOW);

        Handoff acme = driver.send(lead("acme.example"), NOW).get(0);
        Handoff gmail = driver.send(lead("gmail.com"), NOW).get(0);

        assertEquals(AssignmentStrategy.ROUND_ROBIN, acme.strategy(), "a rejection makes no owner");
        assertEquals(AssignmentStrategy.ROUND_ROBIN, gmail.strategy(), "free-mail is no company");
    }

    @Test
    void shouldKeepTheFirstOwnerOfACompany() {
        Handoff first = driver.send(lead("acme.example"), NOW).get(0); // ava
        driver.desk.changeAvailability("ava", new Availability(false, null, "c1", NOW), NOW);
        Handoff second = driver.send(lead("acme.example"), NOW).get(0); // ben, ava is inactive
        driver.desk.accept("cmd-1", first.handoffId(), NOW);
        driver.desk.accept("cmd-2", second.handoffId(), NOW);
        driver.desk.changeAvailability("ava", new Availability(true, null, "c2", NOW), NOW);

        Handoff third = driver.send(lead("acme.example"), NOW).get(0);

        assertEquals("ava", third.closerId());
        assertEquals(AssignmentStrategy.ACCOUNT_OWNER, third.strategy());
    }
}
