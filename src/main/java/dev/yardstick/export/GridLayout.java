package dev.yardstick.export;

import java.util.ArrayList;
import java.util.List;

/**
 * How a grid fits the terminal. Headers wrap first (a header of two words over two lines costs nothing). Columns whose cells are single identifiers or figures (model names,
 * {@code $1.25}, {@code 12.5 ms}) keep their full width: cutting them would make them unreadable. Columns of free
 * text give way: first the widest down to its longest word; if the grid still does not fit, the widest free-text
 * column moves out of the grid, under each row, wrapped to the full width (a price's source, say); only a grid of
 * nothing but free text (answers side by side) has its columns cut below their longest word, at natural breaks.
 *
 * @param widths the width of every column (in the grid or not)
 * @param under  the columns shown under each row instead of in it, in column order
 */
record GridLayout(int[] widths, List<Integer> under) {

    static final int MIN_WRAP_WIDTH = 12;

    boolean inGrid(int column) {
        return !under.contains(column);
    }

    static GridLayout fit(List<String> headers, List<List<String>> rows, List<Boolean> numeric, int width, int gap) {
        int columns = headers.size();
        int[] longestWord = new int[columns];
        int[] headerWord = new int[columns];
        int[] headerWrapped = naturalWidths(headers.stream().map(h -> "").toList(), rows);
        boolean[] free = new boolean[columns];
        boolean[] any = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            headerWord[c] = TextWrap.longestUnit(headers.get(c));
            headerWrapped[c] = Math.max(headerWrapped[c], headerWord[c]);
            longestWord[c] = headerWord[c];
            any[c] = true;
            for (List<String> row : rows) {
                longestWord[c] = Math.max(longestWord[c], TextWrap.longestUnit(row.get(c)));
                free[c] |= !numeric.get(c) && TextWrap.breakable(row.get(c));
            }
        }
        // Headers give way first: "TTFT p50" over two lines costs nothing.
        int[] start = naturalWidths(headers, rows);
        shrink(start, List.of(), any, headerWrapped, width, gap);
        List<Integer> under = new ArrayList<>();
        int[] widths;
        while (true) {
            widths = start.clone();
            shrink(widths, under, free, longestWord, width, gap);
            if (total(widths, under, gap) <= width) {
                break;
            }
            int moved = widestFreeText(start, under, free);
            boolean identifiersLeft = false;
            for (int c = 0; c < columns; c++) {
                identifiersLeft |= !under.contains(c) && !free[c];
            }
            if (moved < 0 || !identifiersLeft) {
                break;
            }
            under.add(moved);
        }
        int[] floor = new int[columns];
        for (int c = 0; c < columns; c++) {
            floor[c] = Math.min(longestWord[c], Math.max(MIN_WRAP_WIDTH, headerWord[c]));
        }
        shrink(widths, under, free, floor, width, gap);
        return new GridLayout(widths, under.stream().sorted().toList());
    }

    /** Narrows the widest of the given columns a cell at a time until the grid fits or none can go below its floor. */
    private static void shrink(int[] widths, List<Integer> under, boolean[] given, int[] floor, int width, int gap) {
        while (total(widths, under, gap) > width) {
            int widest = -1;
            for (int c = 0; c < widths.length; c++) {
                if (given[c] && !under.contains(c) && widths[c] > floor[c] && (widest < 0 || widths[c] > widths[widest])) {
                    widest = c;
                }
            }
            if (widest < 0) {
                return;
            }
            widths[widest]--;
        }
    }

    private static int widestFreeText(int[] natural, List<Integer> under, boolean[] free) {
        int widest = -1;
        for (int c = 0; c < natural.length; c++) {
            if (free[c] && !under.contains(c) && (widest < 0 || natural[c] > natural[widest])) {
                widest = c;
            }
        }
        return widest;
    }

    private static int total(int[] widths, List<Integer> under, int gap) {
        int sum = 0;
        int shown = 0;
        for (int c = 0; c < widths.length; c++) {
            if (!under.contains(c)) {
                sum += widths[c];
                shown++;
            }
        }
        return sum + gap * Math.max(0, shown - 1);
    }

    private static int[] naturalWidths(List<String> headers, List<List<String>> rows) {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = TextWrap.cells(headers.get(c));
            for (List<String> row : rows) {
                for (String line : row.get(c).split("\n", -1)) {
                    widths[c] = Math.max(widths[c], TextWrap.cells(line));
                }
            }
        }
        return widths;
    }
}
