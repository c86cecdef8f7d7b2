package dev.yardstick.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A pool from the config file's {@code pools:} section, run as {@code -m pool:NAME}: several endpoints serving one
 * model (replicas behind no router, or the router's candidates), each request sent to one of them.
 *
 * <pre>{@code
 * pools:
 *   qwen:
 *     model: qwen2.5-7b          # the model each endpoint member serves
 *     balance: least-in-flight   # round-robin (default) | least-in-flight | weighted
 *     members:
 *       - endpoint: replica-a    # an endpoint of this file, serving `model`
 *       - endpoint: replica-b
 *         weight: 2              # weighted pools only
 *       - model: mock/fast       # or any model spec
 *     eject: {consecutive-errors: 3, cool-down: 10s}
 * }</pre>
 *
 * @param model   the model name endpoint members serve; needed when a member names an endpoint
 * @param balance how a request picks its member: {@code round-robin}, {@code least-in-flight} or {@code weighted}
 * @param members the endpoints, in order (round-robin's order)
 * @param eject   when a member is taken out for a cool-down; null for the defaults
 */
public record PoolConfig(String model, String balance, List<PoolMember> members, EjectConfig eject) {

    /** How a pool picks the member of each request. */
    public enum Balance {
        ROUND_ROBIN, LEAST_IN_FLIGHT, WEIGHTED;

        /** As the config file writes it: {@code least-in-flight}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static List<String> labels() {
            return Arrays.stream(values()).map(Balance::label).toList();
        }
    }

    public PoolConfig {
        Balance chosen = parse(balance);
        balance = chosen.label();
        if (members == null || members.isEmpty()) {
            throw new FieldException("members", "a pool needs at least one member: '- endpoint: NAME' (an endpoint"
                    + " of this file) or '- model: provider/model'");
        }
        members = List.copyOf(members);
        for (PoolMember member : members) {
            if (member.endpoint() != null && (model == null || model.isBlank())) {
                throw new FieldException("model", "is required when a member names an endpoint ('"
                        + member.endpoint() + "'): the model each endpoint serves");
            }
            if (member.weight() != null && chosen != Balance.WEIGHTED) {
                throw new FieldException("weight", "only a weighted pool weighs its members (balance: weighted),"
                        + " this one is " + chosen.label());
            }
        }
        eject = eject == null ? EjectConfig.DEFAULTS : eject;
    }

    private static Balance parse(String text) {
        if (text == null) {
            return Balance.ROUND_ROBIN;
        }
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (Balance b : Balance.values()) {
            if (b.label().equals(wanted)) {
                return b;
            }
        }
        throw new FieldException("balance", UnknownFields.problem("balance", text, Balance.labels()));
    }

    public Balance balancing() {
        return parse(balance);
    }

    /** Each member as a model spec: an endpoint member serves the pool's {@code model}. */
    public List<ModelSpec> specs() {
        return members.stream().map(m -> m.endpoint() != null ? new ModelSpec(m.endpoint(), model, null)
                : ModelSpec.parse(m.model())).toList();
    }
}
