package dev.yardstick.cost;

import java.math.BigDecimal;
import java.util.Locale;

/** US dollars as people read them: whole dollars for large sums, cents for ordinary ones, more digits below a cent. */
public final class Money {

    private Money() {
    }

    public static String format(double usd) {
        if (Double.isNaN(usd)) {
            return "–";
        }
        double magnitude = Math.abs(usd);
        if (magnitude == 0) {
            return "$0";
        }
        if (magnitude >= 10_000) {
            return String.format(Locale.ROOT, "$%,.0f", usd);
        }
        if (magnitude >= 1) {
            return String.format(Locale.ROOT, "$%,.2f", usd);
        }
        // Below a dollar, three significant digits: $0.175, $0.0028, $0.000125.
        int decimals = Math.min(9, 2 - (int) Math.floor(Math.log10(magnitude)));
        String text = String.format(Locale.ROOT, "$%." + decimals + "f", usd);
        int point = text.indexOf('.');
        int end = text.length();
        while (end > point + 3 && text.charAt(end - 1) == '0') {
            end--; // $0.500 -> $0.50, $0.00280 -> $0.0028
        }
        return text.substring(0, end);
    }

    /**
     * A price as the provider states it, every digit kept ($0.003625, $1.75, $14.00): a price rounded for display
     * would not be the price the costs were computed with.
     */
    public static String price(double usd) {
        String plain = new BigDecimal(Double.toString(usd)).stripTrailingZeros().toPlainString();
        int point = plain.indexOf('.');
        if (point < 0) {
            return "$" + plain + ".00";
        }
        return "$" + (plain.length() - point - 1 < 2 ? plain + "0" : plain);
    }
}
