package dev.yardstick.cost.prices;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * One entry of another project's price list, read strictly. A field that is absent or null is unknown; a field that
 * is present but not what its name promises (a price that is no number, a negative price, a token limit that is no
 * whole number) is a {@link Malformed} naming the entry and the field, never a silently dropped row.
 *
 * @param name  the entry as the file names it (LiteLLM's key, models.dev's provider/model, OpenRouter's id)
 * @param at    where the entry is in the file
 */
record PriceEntry(String name, JsonPointer at, JsonNode node) {

    /** A price in USD per million tokens from a JSON number or numeric string in the file's unit; null when absent. */
    Double price(String field, double unitsPerMillion) {
        Double value = number(field);
        if (value == null) {
            return null;
        }
        if (value < 0) {
            throw malformed(field, "a price cannot be negative, got " + node.at(pointer(field)));
        }
        // Per-token prices are tiny binary fractions: round to 10 significant digits so 1.75e-06 gives 1.75.
        return new BigDecimal(value * unitsPerMillion).round(new MathContext(10)).doubleValue();
    }

    /** A number or numeric string, any sign; null when absent. */
    Double number(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        double number;
        if (value.isNumber()) {
            number = value.asDouble();
        } else if (value.isTextual()) {
            try {
                number = Double.parseDouble(value.asText().trim());
            } catch (NumberFormatException e) {
                throw malformed(field, "not a number: " + value);
            }
        } else {
            throw malformed(field, "not a number: " + abbreviated(value));
        }
        if (Double.isNaN(number) || Double.isInfinite(number)) {
            throw malformed(field, "not a finite number: " + value);
        }
        return number;
    }

    /** A token limit; null when absent or zero (the lists write 0 for "not applicable"). */
    Integer limit(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 0) {
            throw malformed(field, "not a whole number of tokens: " + abbreviated(value));
        }
        return value.asInt() == 0 ? null : value.asInt();
    }

    /** A text field; null when absent. */
    String text(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw malformed(field, "not a text: " + abbreviated(value));
        }
        return value.asText();
    }

    boolean has(String field) {
        return value(field) != null;
    }

    Malformed malformed(String field, String problem) {
        return new Malformed(new MalformedEntry(name, at.append(pointer(field)), field.replace('/', '.'), problem));
    }

    private JsonNode value(String field) {
        JsonNode value = node.at(pointer(field));
        return value.isMissingNode() || value.isNull() ? null : value;
    }

    /** {@code cost/input} → the pointer to that nested field; plain names may hold any character. */
    private static JsonPointer pointer(String field) {
        JsonPointer pointer = JsonPointer.empty();
        for (String part : field.split("/")) {
            pointer = part.chars().allMatch(Character::isDigit) ? pointer.appendIndex(Integer.parseInt(part))
                    : pointer.appendProperty(part);
        }
        return pointer;
    }

    private static String abbreviated(JsonNode value) {
        String text = value.toString();
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    /** Thrown while an entry is read; the reader turns it into a {@link MalformedEntry} and goes on. */
    static final class Malformed extends RuntimeException {
        private final MalformedEntry entry;

        Malformed(MalformedEntry entry) {
            super(entry.problem(), null, false, false);
            this.entry = entry;
        }

        MalformedEntry entry() {
            return entry;
        }
    }
}
