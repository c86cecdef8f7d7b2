package dev.yardstick.cost.prices;

import com.fasterxml.jackson.core.JsonPointer;

/**
 * An entry of an imported price list whose field holds something other than what its name promises.
 *
 * @param name     the entry as the file names it
 * @param at       where the bad value is, for finding its line
 * @param field    the field, dotted where nested ({@code cost.input})
 * @param problem  what is wrong, with the value
 */
record MalformedEntry(String name, JsonPointer at, String field, String problem) {

    /** {@code FILE:LINE: 'gpt-4o', field 'input_cost_per_token': not a number: "cheap"}. */
    public String describe(String file, int line) {
        return file + (line > 0 ? ":" + line : "") + ": '" + name + "', field '" + field + "': " + problem;
    }
}
