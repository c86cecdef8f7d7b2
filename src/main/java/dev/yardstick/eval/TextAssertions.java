package dev.yardstick.eval;

import dev.yardstick.config.AssertionSpec;
import dev.yardstick.config.FieldException;
import dev.yardstick.config.Levenshtein;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The assertions on an answer's text, with promptfoo's meanings: {@code equals} (exact; a mapping or list value
 * compares the answer as JSON), {@code contains} and {@code icontains} (ignoring case), their {@code -any} and
 * {@code -all} forms over a list, {@code starts-with}, {@code regex} (found anywhere) and {@code levenshtein}
 * (edit distance at most {@code threshold}, 5 by default).
 */
final class TextAssertions {

    /** promptfoo's default largest edit distance for {@code levenshtein}. */
    static final double DEFAULT_MAX_DISTANCE = 5;

    private TextAssertions() {
    }

    static void register(Map<String, AssertionType> types) {
        types.put("equals", TextAssertions::equalsAssertion);
        types.put("contains", spec -> contains(spec, false));
        types.put("icontains", spec -> contains(spec, true));
        types.put("contains-any", spec -> containsMany(spec, false, false));
        types.put("contains-all", spec -> containsMany(spec, false, true));
        types.put("icontains-any", spec -> containsMany(spec, true, false));
        types.put("icontains-all", spec -> containsMany(spec, true, true));
        types.put("starts-with", spec -> {
            String prefix = Values.text(spec);
            return answer -> Grade.of(answer.output().startsWith(prefix), "the answer starts with \""
                    + Texts.head(answer.output()) + "\"");
        });
        types.put("regex", TextAssertions::regex);
        types.put("levenshtein", TextAssertions::levenshtein);
    }

    private static Assertion equalsAssertion(AssertionSpec spec) {
        if (spec.value() instanceof Map<?, ?> || spec.value() instanceof List<?>) {
            var expected = JsonText.MAPPER.valueToTree(spec.value());
            return answer -> JsonText.parse(answer.output())
                    .map(actual -> Grade.of(actual.equals(expected), "the answer's JSON differs from the value"))
                    .orElse(Grade.of(false, "the answer is not JSON"));
        }
        String expected = Values.text(spec);
        return answer -> Grade.of(answer.output().equals(expected), "the answer is \"" + Texts.head(answer.output())
                + "\"");
    }

    private static Assertion contains(AssertionSpec spec, boolean ignoreCase) {
        String needle = Values.text(spec);
        return answer -> Grade.of(has(answer.output(), needle, ignoreCase), "not found in the answer");
    }

    private static Assertion containsMany(AssertionSpec spec, boolean ignoreCase, boolean all) {
        List<String> needles = Values.texts(spec);
        return answer -> {
            BiPredicate<String, String> has = (text, needle) -> has(text, needle, ignoreCase);
            List<String> missing = needles.stream().filter(n -> !has.test(answer.output(), n)).toList();
            boolean pass = all ? missing.isEmpty() : missing.size() < needles.size();
            return Grade.of(pass, all ? "missing " + Values.excerpt(missing) : "none of them is in the answer");
        };
    }

    private static boolean has(String text, String needle, boolean ignoreCase) {
        return ignoreCase ? text.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT))
                : text.contains(needle);
    }

    private static Assertion regex(AssertionSpec spec) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(Values.text(spec));
        } catch (PatternSyntaxException e) {
            throw new FieldException("value", "invalid regex '" + spec.value() + "': " + e.getDescription());
        }
        return answer -> Grade.of(pattern.matcher(answer.output()).find(), "no match");
    }

    private static Assertion levenshtein(AssertionSpec spec) {
        String expected = Values.text(spec);
        double max = spec.threshold() == null ? DEFAULT_MAX_DISTANCE : spec.threshold();
        if (max < 0) {
            throw new FieldException("threshold", "the largest edit distance must be zero or more, got " + max);
        }
        return answer -> {
            int distance = Levenshtein.distance(answer.output(), expected);
            return Grade.of(distance <= max, "edit distance " + distance + " > " + Texts.number(max));
        };
    }
}
