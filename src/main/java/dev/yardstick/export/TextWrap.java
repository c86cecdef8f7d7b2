package dev.yardstick.export;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jline.utils.AttributedString;
import org.jline.utils.WCWidth;

/**
 * Breaks text into lines of display cells (wide characters and emoji count two, through jline). Lines break at
 * spaces, but never between a number and its unit ({@code 12.5 ms}, {@code 50% off}); a word longer than a whole
 * line (a URL in an answer) breaks after a natural break ({@code / - _ . , ; :}) where one fits, else at the
 * limit.
 */
final class TextWrap {

    private static final Pattern UNIT = Pattern.compile("[\\p{L}µ/%]{1,6}[.,;:)]?");
    private static final String BREAK_AFTER = "/-_.,;:";

    private TextWrap() {
    }

    static List<String> wrap(String text, int limit) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : (text == null ? "" : text).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            int lineCells = 0;
            for (String unit : units(paragraph)) {
                int unitCells = cells(unit);
                if (lineCells > 0 && lineCells + 1 + unitCells > limit) {
                    lines.add(line.toString());
                    line.setLength(0);
                    lineCells = 0;
                }
                while (unitCells > limit) { // longer than a whole line: the only case that cuts inside a word
                    if (lineCells > 0) {
                        lines.add(line.toString());
                        line.setLength(0);
                        lineCells = 0;
                    }
                    int cut = cut(unit, limit);
                    lines.add(unit.substring(0, cut));
                    unit = unit.substring(cut);
                    unitCells = cells(unit);
                }
                if (lineCells > 0) {
                    line.append(' ');
                    lineCells++;
                }
                line.append(unit);
                lineCells += unitCells;
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** The pieces a line may break between: words, a number kept with the unit after it. */
    static List<String> units(String paragraph) {
        String[] words = paragraph.split(" ", -1);
        List<String> units = new ArrayList<>(words.length);
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (i + 1 < words.length && endsLikeANumber(word) && UNIT.matcher(words[i + 1]).matches()) {
                word = word + " " + words[++i];
            }
            units.add(word);
        }
        return units;
    }

    /** The widest unit of a text: the narrowest a column can be without cutting a word. */
    static int longestUnit(String text) {
        int longest = 0;
        for (String paragraph : text.split("\n", -1)) {
            for (String unit : units(paragraph)) {
                longest = Math.max(longest, cells(unit));
            }
        }
        return longest;
    }

    /** Whether the text has a place to break a line (two units on one line). */
    static boolean breakable(String text) {
        for (String paragraph : text.split("\n", -1)) {
            if (units(paragraph).size() > 1) {
                return true;
            }
        }
        return false;
    }

    static int cells(String text) {
        return new AttributedString(text).columnLength();
    }

    private static boolean endsLikeANumber(String word) {
        if (word.isEmpty()) {
            return false;
        }
        char last = word.charAt(word.length() - 1);
        return Character.isDigit(last) || last == '%';
    }

    /** Where to cut a unit wider than the limit: after its last natural break that fits, else at the limit. */
    private static int cut(String unit, int limit) {
        int fits = prefixFitting(unit, limit);
        for (int i = fits; i > fits / 3; i--) {
            if (BREAK_AFTER.indexOf(unit.charAt(i - 1)) >= 0) {
                return i;
            }
        }
        return Math.max(fits, Character.charCount(unit.codePointAt(0)));
    }

    private static int prefixFitting(String word, int cellsAvailable) {
        int used = 0;
        int i = 0;
        while (i < word.length()) {
            int cp = word.codePointAt(i);
            int w = Math.max(0, WCWidth.wcwidth(cp));
            if (used + w > cellsAvailable) {
                break;
            }
            used += w;
            i += Character.charCount(cp);
        }
        return i;
    }
}
