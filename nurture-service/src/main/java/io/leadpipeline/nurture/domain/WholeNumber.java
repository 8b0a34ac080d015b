package io.leadpipeline.nurture.domain;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;

/**
 * Reads a count as written: a whole number and nothing else. Jackson on its own would truncate {@code 1.5} to 1 and
 * take the text {@code "3"}, so a rules author's mistake would pass unnoticed.
 */
final class WholeNumber extends JsonDeserializer<Integer> {

    @Override
    public Integer deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
            return parser.getIntValue();
        }
        return (Integer) context.reportInputMismatch(Integer.class, "must be a whole number, was '%s'", parser.getText());
    }
}
