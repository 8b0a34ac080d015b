package io.leadpipeline.capture.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Proves text is stored without control characters and trimmed (lengths, in characters: ConversionNormalizerTest). */
class TextFieldsTest {

    @Test
    void shouldStripControlCharactersAndTurnLineBreaksIntoSpacesInOneLineFields() {
        assertEquals("Acme Corp", TextFields.singleLine(" Acme\r\nCorp\u0000\u0007 "));
        assertEquals("a b", TextFields.singleLine("a\tb\u001b"));
    }

    @Test
    void shouldKeepLineBreaksInMultiLineFields() {
        assertEquals("line one\nline two", TextFields.multiLine("line one\r\nline two\u0000\n"));
    }

    @Test
    void shouldTreatBlankAsAbsent() {
        assertNull(TextFields.singleLine("  \u0000 "));
        assertNull(TextFields.multiLine(null));
    }
}
