package dev.yardstick.cost.prices;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Counts, shares and prices as cost reports and reasons write them, the same in every sentence and cell. */
public final class Figures {

    private Figures() {
    }

    public static String tokens(double count) {
        return String.format(Locale.ROOT, "%,.0f", count);
    }

    public static String percent(double share) {
        return number(share * 100) + "%";
    }

    /** A plain number to 4 significant digits, without trailing zeros: 0.2, 12.35, 1000. */
    public static String number(double value) {
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** A price per 1M tokens, or a dash where there is none. */
    public static String optionalPrice(Double price) {
        return price == null ? "–" : Money.price(price);
    }

    public static String longContext(LongContextTier tier) {
        return tier == null ? "–" : String.format(Locale.ROOT, "> %,d: %s / %s", tier.above(),
                Money.price(tier.input()), Money.price(tier.output()));
    }
}
