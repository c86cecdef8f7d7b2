package dev.yardstick.cost.prices;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * US dollars as the cost tables show them. One rule for every amount: to the cent ($17,999.79, $0.48), never
 * rounded to whole dollars beside figures kept to the cent; only an amount under half a cent, which would read
 * $0.00, shows two significant digits instead ($0.0028, $0.00048). Prices keep every digit ({@link #price}).
 */
public final class Money {

    private static final MathContext TWO_DIGITS = new MathContext(2);

    private Money() {
    }

    public static String format(double usd) {
        if (Double.isNaN(usd) || Double.isInfinite(usd)) {
            return "–";
        }
        if (usd != 0 && Math.abs(usd) < 0.005) {
            return "$" + new BigDecimal(usd).round(TWO_DIGITS).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "$%,.2f", usd);
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
