package io.leadpipeline.systemtests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Looks for known people's email addresses, last names and phone numbers in every log file of a run (every service
 * incarnation, the broker, the registry). Each line is cut into candidates (address-shaped strings, words, digit
 * runs) that are looked up in sets, so a long run's logs are read once whatever the number of leads.
 */
final class PersonalDataInLogs {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    /** A phone number as people and programs write it: digits with spaces, dots, dashes or brackets between them. */
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ().-]{5,}[0-9]");

    private final Set<String> emails = new HashSet<>();
    private final Set<String> names = new HashSet<>();
    private final Set<String> phoneDigits = new HashSet<>();

    PersonalDataInLogs(Collection<ChaosLead.PersonalData> people) {
        for (ChaosLead.PersonalData person : people) {
            emails.add(person.email().toLowerCase(Locale.ROOT));
            names.add(person.lastName().toLowerCase(Locale.ROOT));
            phoneDigits.add(digits(person.phone()));
        }
    }

    /** Lines that name one of the people, per log file (relative to {@code logs}); empty when none does. */
    Map<String, Integer> linesNamingSomeone(Path logs) {
        Map<String, Integer> hits = new TreeMap<>();
        if (!Files.isDirectory(logs)) {
            return hits;
        }
        try (Stream<Path> files = Files.walk(logs)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                int lines = countLines(file);
                if (lines > 0) {
                    hits.put(logs.relativize(file).toString(), lines);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hits;
    }

    private int countLines(Path file) {
        // Logs may hold bytes that are not UTF-8 (a dead letter's raw payload): read them leniently rather than stop.
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        int count = 0;
        try (BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (namesSomeone(line)) {
                    count++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count;
    }

    boolean namesSomeone(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        return any(EMAIL.matcher(lower), emails, false) || any(WORD.matcher(lower), names, false)
                || any(PHONE.matcher(lower), phoneDigits, true);
    }

    private static boolean any(Matcher candidates, Set<String> known, boolean asDigits) {
        while (candidates.find()) {
            String candidate = asDigits ? digits(candidates.group()) : candidates.group().replaceAll("\\.+$", ""); // a sentence's full stop
            if (known.contains(candidate)) {
                return true;
            }
        }
        return false;
    }

    private static String digits(String text) {
        return text.replaceAll("[^0-9]", "");
    }
}
