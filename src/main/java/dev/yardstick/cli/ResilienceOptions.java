package dev.yardstick.cli;

import dev.yardstick.config.InputException;
import dev.yardstick.engine.RequestMiddleware;
import dev.yardstick.engine.chain.Fault;
import dev.yardstick.engine.chain.RequestChain;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --retries} and {@code --fault}: the request chain compare and benchmark send every request through. */
public final class ResilienceOptions {

    @Option(names = "--retries", paramLabel = "N", defaultValue = "0",
            description = {"Retry a request that failed transiently (HTTP 429 or 5xx, timeout, connection, broken "
                    + "stream) up to N times: exponential backoff from 200 ms (×2, ±20%% jitter, at most 5 s), "
                    + "never sooner than the server's Retry-After (one over 30 s is not waited out). Latency counts "
                    + "from the first try; reports count the retries (default: ${DEFAULT-VALUE})."})
    int retries;

    @Option(names = "--fault", paramLabel = "MODEL:KIND[@N][xK]", converter = ToFault.class,
            description = {"Inject a fault in front of a model, to rehearse failures. KIND: an HTTP status (500, "
                    + "503, 429, any 4xx/5xx; 429=300ms sets its Retry-After, 1 s by default for 429 and 503), "
                    + "timeout or broken-stream. @N: only the model's N-th measured request (N-M or N- for a "
                    + "range), every try of it; xK: only K tries (with @N, that request's first K tries; without, "
                    + "the run's first K). Neither: every request. E.g. mock/fast:503@3x1. Repeatable."})
    List<Fault> faults = new ArrayList<>();

    /** The chain for a run of {@code labels}: straight through when neither flag is given. */
    public RequestMiddleware middleware(Collection<String> labels) {
        return RequestChain.forRun(retries, faults, labels);
    }

    /** A fault parsed once, as picocli reads the flag or the plan file its key. */
    static final class ToFault extends SettingConverters.Parsed<Fault> {
        ToFault() {
            super(ToFault::parse);
        }

        /** The flag's name (or the plan file's field) is put before the problem: "--fault 'x': ...", said once. */
        private static Fault parse(String text) {
            try {
                return Fault.parseForRequests(text);
            } catch (Fault.Malformed e) {
                throw new InputException(e.detail());
            }
        }
    }
}
