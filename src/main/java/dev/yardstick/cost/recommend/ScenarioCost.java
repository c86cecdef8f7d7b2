package dev.yardstick.cost.recommend;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.yardstick.cost.prices.PriceRow;
import dev.yardstick.cost.workload.TokenProfile;

/**
 * What one model costs for one scenario. USD; "period" is the scenario's whole span of days, a month is
 * {@value Volume#MONTH_DAYS} days. The split (input, cached, cache write, output, fixed) adds up to the period
 * total; {@code fixed} is the hourly machine price of a self-hosted model, which does not grow with requests.
 *
 * @param perRequest   the mean cost of one request (the hourly part spread over the period's requests)
 * @param daily        the first day
 * @param monthly      the first month
 * @param peakMonthly  a full month at the period's last (highest) rate: what a monthly budget must hold
 * @param requests     the requests in the period
 * @param cacheWriteShare  the share of input tokens billed as cache writes for this model (given, or implied by
 *                         its cache reads where the provider bills writes apart, see {@link Shares})
 */
public record ScenarioCost(String scenario, String model, PriceRow price, @JsonIgnore TokenProfile tokens,
                           double perRequest,
                           double daily, double monthly, double peakMonthly, double period, double requests,
                           double input, double cachedInput, double cacheWrite, double output, double fixed,
                           boolean longContext, double cacheWriteShare) {

    @JsonProperty
    public double perThousandRequests() {
        return perRequest * 1000;
    }

    /** Where the token counts came from: given, counted with a named tokenizer, observed, or estimated. */
    @JsonProperty
    public String tokenBasis() {
        return tokens.basis();
    }

    @JsonProperty
    public boolean tokensEstimated() {
        return tokens.estimated();
    }

    @JsonProperty
    public double meanInputTokens() {
        return tokens.meanInput();
    }

    @JsonProperty
    public double meanOutputTokens() {
        return tokens.meanOutput();
    }
}
