package io.leadpipeline.routing.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void shouldLetACloserActOnlyForThemselves() {
        Caller ava = Caller.closer("closer-ava");

        assertTrue(ava.mayActFor("closer-ava"));
        assertFalse(ava.mayActFor("closer-ben"));
    }

    @Test
    void shouldLetSalesOpsActForAnyCloser() {
        assertTrue(Caller.anyCloser().mayActFor("closer-ben"));
    }

    @Test
    void shouldLetATokenWithoutACloserActForNobody() {
        assertFalse(new Caller(false, Optional.empty()).mayActFor("closer-ava"));
    }
}
