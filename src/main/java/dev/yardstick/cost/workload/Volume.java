package dev.yardstick.cost.workload;

import dev.yardstick.config.InputException;
import dev.yardstick.cost.prices.Figures;
import java.util.Locale;

/**
 * How many requests a scenario sends: per day or per month (a month is {@value #MONTH_DAYS} days), growing by
 * {@code monthlyGrowth} percent a month, compounded, over a period of {@code days}. Growth steps once a month:
 * month 0 runs at the base rate, month 1 at base × (1 + g), and so on.
 */
public record Volume(Double requestsPerDay, Double requestsPerMonth, Double monthlyGrowth, Integer days) {

    public static final int MONTH_DAYS = 30;

    public Volume {
        if ((requestsPerDay == null) == (requestsPerMonth == null)) {
            throw new InputException("give exactly one of 'requests-per-day' and 'requests-per-month'");
        }
        nonNegative("requests-per-day", requestsPerDay);
        nonNegative("requests-per-month", requestsPerMonth);
        if (monthlyGrowth != null && (monthlyGrowth <= -100 || monthlyGrowth.isNaN() || monthlyGrowth.isInfinite())) {
            throw new InputException("'monthly-growth' is a percentage above -100, got " + monthlyGrowth);
        }
        monthlyGrowth = monthlyGrowth == null ? 0.0 : monthlyGrowth;
        if (days != null && days <= 0) {
            throw new InputException("'days' must be a positive number of days, got " + days);
        }
        days = days == null ? MONTH_DAYS : days;
    }

    public static Volume perDay(double requests, double growthPercent, int days) {
        return new Volume(requests, null, growthPercent, days);
    }

    /** Requests a day at the start of the period. */
    public double baseDaily() {
        return requestsPerDay != null ? requestsPerDay : requestsPerMonth / MONTH_DAYS;
    }

    /** The same growth and period at another starting volume (requests a day). */
    public Volume withBaseDaily(double requests) {
        return new Volume(requests, null, monthlyGrowth, days);
    }

    /** Requests over the whole period. */
    public double periodRequests() {
        double total = 0;
        for (int month = 0; month * MONTH_DAYS < days; month++) {
            int daysThisMonth = Math.min(MONTH_DAYS, days - month * MONTH_DAYS);
            total += dailyInMonth(month) * daysThisMonth;
        }
        return total;
    }

    /** Requests in a full month at the period's start rate. */
    public double firstMonthRequests() {
        return baseDaily() * MONTH_DAYS;
    }

    /** Requests in a full month at the rate of the period's last month: what a monthly budget must survive. */
    public double peakMonthRequests() {
        int lastMonth = (days - 1) / MONTH_DAYS;
        return Math.max(dailyInMonth(lastMonth), dailyInMonth(0)) * MONTH_DAYS;
    }

    private double dailyInMonth(int month) {
        return baseDaily() * Math.pow(1 + monthlyGrowth / 100, month);
    }

    /** For reports: "20,000 requests/day, +10%/month, 90 days". */
    public String describe() {
        StringBuilder text = new StringBuilder(requestsPerDay != null
                ? String.format(Locale.ROOT, "%,.0f requests/day", requestsPerDay)
                : String.format(Locale.ROOT, "%,.0f requests/month", requestsPerMonth));
        if (monthlyGrowth != 0) {
            text.append(monthlyGrowth > 0 ? ", +" : ", ").append(Figures.percent(monthlyGrowth / 100))
                    .append("/month");
        }
        return text.append(", ").append(days).append(days == 1 ? " day" : " days").toString();
    }

    private static void nonNegative(String field, Double value) {
        if (value != null && (value < 0 || value.isNaN() || value.isInfinite())) {
            throw new InputException("'" + field + "' must not be negative, got " + value);
        }
    }
}
