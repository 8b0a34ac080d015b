package io.leadpipeline.routing.config;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** routing.yaml as written, before validation. Field names are the YAML keys. */
record RoutingFile(String sla, Integer maxAttempts, String escalationPool, AccountMatchingFile accountMatching,
        Map<String, List<String>> regions, List<CloserFile> closers, List<PoolFile> pools, List<RuleFile> rules) {

    record AccountMatchingFile(Boolean enabled, List<String> ignoreDomains) {
    }

    record CloserFile(String id, String name, String email, String team, String timezone, JsonNode workingHours,
            Integer capacity, Integer weight, Boolean active) {
    }

    record PoolFile(String id, String strategy, List<String> members, String offHours, String overflowPool) {
    }

    record RuleFile(String id, WhenFile when, String pool) {
    }

    record WhenFile(List<String> countries, List<String> regions, CompanySizeFile companySize, List<String> industries,
            List<String> formTypes, List<String> grades) {
    }

    record CompanySizeFile(Integer min, Integer max) {
    }
}
