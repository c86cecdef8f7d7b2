package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input across every command and every kind of file a user writes or feeds back: each case must end with exit 2,
 * exactly one line on stderr that names the problem (and the file, line and field where there is one), nothing on
 * stdout, no stack trace, and no output file written. Runs in-process, so the whole table takes seconds.
 */
class BadInputSuiteTest {

    /** A real benchmark report, written once, that cases feed back in whole or mangled. */
    private static String benchmarkReport;

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    @BeforeAll
    static void writeAReport() throws IOException {
        Path report = shared.resolve("bench.json");
        CliRun run = CliRun.of("benchmark", "-m", "mock/instant", "--requests", "5", "-o", report.toString(),
                "--format", "json");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        benchmarkReport = Files.readString(report);
    }

    /** One bad input: the files it needs, the command line ({d} is the case's folder) and what stderr must say. */
    record Case(String name, Map<String, byte[]> files, Map<String, String> env, List<String> args,
                List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final class Builder {
        private final String name;
        private final Map<String, byte[]> files = new LinkedHashMap<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private List<String> args = List.of();

        Builder(String name) {
            this.name = name;
        }

        Builder file(String file, String text) {
            files.put(file, text.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        Builder bytes(String file, byte[] content) {
            files.put(file, content);
            return this;
        }

        Builder env(String key, String value) {
            env.put(key, value);
            return this;
        }

        Builder args(String... command) {
            args = List.of(command);
            return this;
        }

        Case expect(String... expected) {
            return new Case(name, files, env, args, List.of(expected));
        }
    }

    private static Builder bad(String name) {
        return new Builder(name);
    }

    private static final String PROMPT_OK = "prompts:\n  - id: a\n    prompt: hi\n";
    private static final String SCRIPT_HEAD = "models:\n  primary: mock/instant\n";
    private static final String SCENARIO_HEAD = "models: [mock/instant]\nvolume:\n  requests-per-day: 100\n";
    private static final byte[] BINARY = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', (byte) 0xFF, 0x10};

    static Stream<Case> cases() {
        List<Case> c = new ArrayList<>();
        promptSets(c);
        configFiles(c);
        compareFlags(c);
        benchmark(c);
        benchmarkPlans(c);
        reports(c);
        costAnalyze(c);
        pricing(c);
        switchTest(c);
        models(c);
        return c.stream();
    }

    private static String[] compare(String... more) {
        List<String> args = new ArrayList<>(List.of("compare", "-m", "mock/instant"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static void promptSets(List<Case> c) {
        String[] run = compare("--prompts", "{d}/p.yaml");
        c.add(bad("prompt field typo").file("p.yaml", "prompts:\n  - id: a\n    promt: hi\n").args(run)
                .expect("{d}/p.yaml:3: field 'prompts[0].promt'", "unknown field 'promt'", "did you mean 'prompt'"));
        c.add(bad("prompt top-level typo").file("p.yaml", "promts:\n  - id: a\n    prompt: hi\n").args(run)
                .expect("{d}/p.yaml:1: field 'promts'", "did you mean 'prompts'"));
        c.add(bad("prompt expect typo").file("p.yaml", PROMPT_OK + "    expect: {contain: [x]}\n").args(run)
                .expect("{d}/p.yaml:4: field 'prompts[0].expect.contain'", "did you mean 'contains'"));
        c.add(bad("prompt unknown field far from any").file("p.yaml", PROMPT_OK + "    colour: red\n").args(run)
                .expect("{d}/p.yaml:4: field 'prompts[0].colour'", "unknown field 'colour'", "expected one of"));
        c.add(bad("prompt max-tokens not a number")
                .file("p.yaml", PROMPT_OK + "    expect:\n      max-tokens: many\n").args(run)
                .expect("{d}/p.yaml:5: field 'prompts[0].expect.max-tokens'", "expected a whole number, got 'many'"));
        c.add(bad("prompt given as a list").file("p.yaml", "prompts:\n  - id: a\n    prompt: [1, 2]\n").args(run)
                .expect("{d}/p.yaml:3: field 'prompts[0].prompt'", "expected text, got a list"));
        c.add(bad("prompt unclosed flow list").file("p.yaml", "prompts:\n  - id: a\n    prompt: [1, 2\n").args(run)
                .expect("{d}/p.yaml:", "field 'prompt'", "YAML syntax", "line 3"));
        c.add(bad("prompt set binary").bytes("p.yaml", BINARY).args(run)
                .expect("{d}/p.yaml:1:", "not UTF-8 text", "binary"));
        c.add(bad("prompt set NUL on line 3")
                .bytes("p.yaml", "prompts:\n  - id: a\n    prompt: \"h\0i\"\n".getBytes(StandardCharsets.UTF_8))
                .args(run).expect("{d}/p.yaml:3:", "NUL byte"));
        c.add(bad("prompt set control character").file("p.yaml", "prompts:\n  - id: a\n    prompt: \"x\u0007\"\n")
                .args(run).expect("{d}/p.yaml:3:", "control character U+0007"));
        c.add(bad("prompt set Latin-1").bytes("p.yaml", "prompts:\n  - id: caf\u00e9\n    prompt: hi\n"
                .getBytes(StandardCharsets.ISO_8859_1)).args(run).expect("{d}/p.yaml:2:", "not UTF-8 text"));
        c.add(bad("prompt set empty").file("p.yaml", "").args(run).expect("{d}/p.yaml", "the file is empty"));
        c.add(bad("prompt set comments only").file("p.yaml", "# nothing\n").args(run)
                .expect("{d}/p.yaml", "holds no document"));
        c.add(bad("prompt set missing").args(run).expect("file not found: {d}/p.yaml"));
        c.add(bad("prompt set is a directory").args(compare("--prompts", "{d}"))
                .expect("{d} is a directory, not a file"));
        c.add(bad("prompt set with no prompts").file("p.yaml", "prompts: []\n").args(run)
                .expect("{d}/p.yaml", "'prompts' must list at least one prompt"));
        c.add(bad("prompt without id").file("p.yaml", "prompts:\n  - prompt: hi\n").args(run)
                .expect("{d}/p.yaml:3: field 'prompts[0]'", "every prompt needs an 'id'"));
        c.add(bad("prompt and messages both").file("p.yaml",
                        "prompts:\n  - id: a\n    prompt: hi\n    messages: [{role: user, content: hi}]\n").args(run)
                .expect("{d}/p.yaml", "field 'prompts[0]'", "exactly one of 'prompt' or 'messages'"));
        c.add(bad("message with unknown role").file("p.yaml",
                        "prompts:\n  - id: a\n    messages:\n      - {role: robot, content: hi}\n").args(run)
                .expect("{d}/p.yaml:4: field 'prompts[0].messages[0]'", "robot"));
        c.add(bad("message without content").file("p.yaml",
                        "prompts:\n  - id: a\n    messages:\n      - {role: user}\n").args(run)
                .expect("{d}/p.yaml:4: field 'prompts[0].messages[0]'", "needs a 'role' and a 'content'"));
        c.add(bad("expect invalid regex").file("p.yaml", PROMPT_OK + "    expect: {regex: \"(\"}\n").args(run)
                .expect("{d}/p.yaml:4: field 'prompts[0].expect'", "invalid regex '('"));
        c.add(bad("expect malformed latency").file("p.yaml", PROMPT_OK + "    expect: {max-latency: soon}\n")
                .args(run).expect("{d}/p.yaml:4: field 'prompts[0].expect'", "malformed duration 'soon'"));
        c.add(bad("undefined variable").file("p.yaml", "prompts:\n  - id: a\n    prompt: hi {{who}}\n").args(run)
                .expect("{d}/p.yaml", "field 'variables'", "{{who}}"));
        c.add(bad("duplicate prompt id").file("p.yaml", PROMPT_OK + "  - id: a\n    prompt: again\n").args(run)
                .expect("{d}/p.yaml", "duplicate prompt id 'a'"));
        c.add(bad("prompt set is a scalar").file("p.yaml", "just some text\n").args(run)
                .expect("{d}/p.yaml:1:", "expected a mapping", "got text"));
        c.add(bad("prompt set is a list").file("p.yaml", "- id: a\n  prompt: hi\n").args(run)
                .expect("{d}/p.yaml:1:", "expected a mapping", "got a list"));
        c.add(bad("variables as a list").file("p.yaml", PROMPT_OK + "variables: [a, b]\n").args(run)
                .expect("{d}/p.yaml:4: field 'variables'", "expected a mapping", "got a list"));
        c.add(bad("tab indentation").file("p.yaml", "prompts:\n\t- id: a\n").args(run)
                .expect("{d}/p.yaml:2:", "YAML syntax"));

        String[] jsonl = compare("--prompts", "{d}/p.jsonl");
        c.add(bad("jsonl broken line 2").file("p.jsonl", "{\"id\":\"a\",\"prompt\":\"x\"}\n{\"id\": b}\n")
                .args(jsonl).expect("{d}/p.jsonl:2:", "Unrecognized token 'b'"));
        c.add(bad("jsonl field typo").file("p.jsonl", "{\"id\":\"a\",\"promt\":\"x\"}\n").args(jsonl)
                .expect("{d}/p.jsonl:1: field 'promt'", "did you mean 'prompt'"));
        c.add(bad("jsonl prompt without id on line 3")
                .file("p.jsonl", "{\"id\":\"a\",\"prompt\":\"x\"}\n\n{\"prompt\":\"y\"}\n").args(jsonl)
                .expect("{d}/p.jsonl:3:", "every prompt needs an 'id'"));
        c.add(bad("jsonl with no prompts").file("p.jsonl", "\n\n").args(jsonl)
                .expect("{d}/p.jsonl", "no prompts in the file"));
        c.add(bad("jsonl line is a list").file("p.jsonl", "[1, 2]\n").args(jsonl)
                .expect("{d}/p.jsonl:1:", "expected a mapping", "got a list"));
        c.add(bad("jsonl max-tokens not a number")
                .file("p.jsonl", "{\"id\":\"a\",\"prompt\":\"x\",\"expect\":{\"max-tokens\":\"x\"}}\n").args(jsonl)
                .expect("{d}/p.jsonl:1: field 'expect.max-tokens'", "expected a whole number, got 'x'"));
        c.add(bad("jsonl binary").bytes("p.jsonl", BINARY).args(jsonl).expect("{d}/p.jsonl:1:", "not UTF-8 text"));
    }

    private static void configFiles(List<Case> c) {
        String[] run = compare("--config", "{d}/c.yaml", "-p", "hi");
        String endpoint = "endpoints:\n  mine:\n    provider: openai\n";
        c.add(bad("config base-url not a url").file("c.yaml", endpoint + "    base-url: not a url\n").args(run)
                .expect("{d}/c.yaml:4: field 'endpoints.mine.base-url'", "'not a url' is not a URL"));
        c.add(bad("config base-url ftp").file("c.yaml", endpoint + "    base-url: ftp://example.com/v1\n").args(run)
                .expect("{d}/c.yaml:4: field 'endpoints.mine.base-url'", "uses ftp://"));
        c.add(bad("config base-url misspelt scheme").file("c.yaml", endpoint + "    base-url: \"htp:/bad url\"\n")
                .args(run).expect("{d}/c.yaml:4: field 'endpoints.mine.base-url'", "is not a URL"));
        c.add(bad("config base-url flow node").file("c.yaml", endpoint + "    base-url: [oops\n").args(run)
                .expect("{d}/c.yaml:", "field 'base-url'", "YAML syntax", "line 4"));
        c.add(bad("config endpoint field typo").file("c.yaml", endpoint + "    base_url: http://127.0.0.1:1/v1\n")
                .args(run).expect("{d}/c.yaml:4: field 'endpoints.mine.base_url'", "did you mean 'base-url'"));
        c.add(bad("config top-level typo").file("c.yaml", "endpoint:\n  mine: {provider: openai}\n").args(run)
                .expect("{d}/c.yaml:1: field 'endpoint'", "did you mean 'endpoints'"));
        c.add(bad("config api-key-file is a directory")
                .file("c.yaml", endpoint + "    base-url: http://127.0.0.1:1/v1\n    api-key-file: {d}\n").args(run)
                .expect("{d}/c.yaml:5: field 'endpoints.mine.api-key-file'", "is a directory"));
        c.add(bad("config model timeout malformed").file("c.yaml", "models:\n  mock/instant:\n    timeout: forever\n")
                .args(run).expect("{d}/c.yaml:3: field 'models.mock/instant.timeout'", "malformed duration 'forever'"));
        c.add(bad("config model timeout too long").file("c.yaml", "models:\n  mock/instant:\n    timeout: 3000000h\n")
                .args(run).expect("{d}/c.yaml:3: field 'models.mock/instant.timeout'", "too long"));
        c.add(bad("config defaults temperature").file("c.yaml", "defaults:\n  temperature: 5\n").args(run)
                .expect("{d}/c.yaml:2: field 'defaults.temperature'", "between 0 and 2"));
        c.add(bad("config model max-tokens negative").file("c.yaml", "models:\n  mock/instant:\n    max-tokens: -1\n")
                .args(run).expect("{d}/c.yaml:3: field 'models.mock/instant.max-tokens'", "must be positive"));
        c.add(bad("config context-window zero").file("c.yaml", endpoint
                        + "    base-url: http://127.0.0.1:1/v1\n    context-window: 0\n").args(run)
                .expect("{d}/c.yaml:5: field 'endpoints.mine.context-window'", "at least 1"));
        c.add(bad("config price not a number").file("c.yaml", "models:\n  mock/instant:\n    price: {input: cheap}\n")
                .args(run).expect("{d}/c.yaml:3: field 'models.mock/instant.price.input'",
                        "expected a number, got 'cheap'"));
        c.add(bad("config missing").args(run).expect("file not found: {d}/c.yaml"));
        c.add(bad("config binary via YARDSTICK_CONFIG").bytes("c.yaml", BINARY).env("YARDSTICK_CONFIG", "{d}/c.yaml")
                .args(compare("-p", "hi")).expect("{d}/c.yaml:1:", "not UTF-8 text"));
        c.add(bad("config headers as a list").file("c.yaml", endpoint
                        + "    base-url: http://127.0.0.1:1/v1\n    headers: [a, b]\n").args(run)
                .expect("{d}/c.yaml:5: field 'endpoints.mine.headers'", "expected a mapping", "got a list"));
    }

    private static void compareFlags(List<Case> c) {
        c.add(bad("compare base-url not a url").args(compare("-p", "hi", "--base-url", "not a url"))
                .expect("--base-url 'not a url' is not a URL"));
        c.add(bad("compare base-url ftp").args(compare("-p", "hi", "--base-url", "ftp://example.com"))
                .expect("--base-url 'ftp://example.com' uses ftp://"));
        c.add(bad("compare base-url misspelt").args(compare("-p", "hi", "--base-url", "htp:/bad url"))
                .expect("--base-url 'htp:/bad url' is not a URL"));
        c.add(bad("compare base-url no host").args(compare("-p", "hi", "--base-url", "http:///v1"))
                .expect("--base-url", "names no host"));
        c.add(bad("compare timeout too long").args(compare("-p", "hi", "--timeout", "3000000h"))
                .expect("--timeout", "'3000000h' is too long"));
        c.add(bad("compare timeout zero").args(compare("-p", "hi", "--timeout", "0s"))
                .expect("--timeout must be positive"));
        c.add(bad("compare timeout malformed").args(compare("-p", "hi", "--timeout", "soon"))
                .expect("--timeout", "malformed duration 'soon'"));
        c.add(bad("compare repeat zero").args(compare("-p", "hi", "--repeat", "0"))
                .expect("--repeat must be between 1 and 100000, got 0"));
        c.add(bad("compare repeat huge").args(compare("-p", "hi", "--repeat", "2000000000"))
                .expect("--repeat must be between 1 and 100000, got 2000000000"));
        c.add(bad("compare concurrency zero").args(compare("-p", "hi", "--concurrency", "0"))
                .expect("--concurrency must be between 1 and 100000, got 0"));
        c.add(bad("compare warmup negative").args(compare("-p", "hi", "--warmup", "-1"))
                .expect("--warmup must be between 0 and 100000, got -1"));
        c.add(bad("compare temperature too high").args(compare("-p", "hi", "--temperature", "3"))
                .expect("--temperature must be between 0 and 2, got 3.0"));
        c.add(bad("compare temperature not a number").args(compare("-p", "hi", "--temperature", "warm"))
                .expect("--temperature", "warm"));
        c.add(bad("compare max-tokens zero").args(compare("-p", "hi", "--max-tokens", "0"))
                .expect("--max-tokens must be positive, got 0"));
        c.add(bad("compare provider-limit zero").args(compare("-p", "hi", "--provider-limit", "mock=0"))
                .expect("--provider-limit mock must be between 1 and 100000, got 0"));
        c.add(bad("compare samples into a missing folder")
                .args(compare("-p", "hi", "--samples", "{d}/nowhere/s.jsonl"))
                .expect("cannot write {d}/nowhere/s.jsonl: no such file or directory"));
        c.add(bad("compare prompt and prompts").file("p.yaml", PROMPT_OK)
                .args(compare("-p", "hi", "--prompts", "{d}/p.yaml")).expect("not both"));
        c.add(bad("compare empty prompt").args(compare("-p", " ")).expect("the prompt is empty"));
        c.add(bad("compare no prompt").args(compare()).expect("no prompt"));
        c.add(bad("compare unknown provider").args("compare", "-m", "nosuch/model", "-p", "hi")
                .expect("unknown provider 'nosuch'"));
        c.add(bad("compare malformed model").args("compare", "-m", "gpt-4o", "-p", "hi")
                .expect("malformed model name 'gpt-4o'"));
        c.add(bad("compare model twice").args(compare("-m", "mock/instant", "-p", "hi"))
                .expect("the same model is named twice"));
        c.add(bad("compare missing key").args("compare", "-m", "openai/gpt-4o-mini", "-p", "hi")
                .expect("missing API key for openai/gpt-4o-mini", "OPENAI_API_KEY"));
        c.add(bad("compare unknown format").args(compare("-p", "hi", "--format", "yaml")).expect("yaml"));
        c.add(bad("compare unknown output extension").args(compare("-p", "hi", "-o", "{d}/out/r.xyz"))
                .expect("unknown format 'xyz'"));
        c.add(bad("compare option typo").args(compare("-p", "hi", "--concurency", "2"))
                .expect("--concurency", "did you mean"));
        c.add(bad("compare seed not a number").args(compare("-p", "hi", "--seed", "lucky")).expect("--seed", "lucky"));
        c.add(bad("compare no model").args("compare", "-p", "hi").expect("Missing required option", "--model"));
    }

    private static String[] bench(String... more) {
        List<String> args = new ArrayList<>(List.of("benchmark", "-m", "mock/instant", "--requests", "3"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static void benchmark(List<Case> c) {
        c.add(bad("benchmark duration overflow").args("benchmark", "-m", "mock/instant", "--duration", "3000000h")
                .expect("--duration", "'3000000h' is too long"));
        c.add(bad("benchmark warm-up too long").args("benchmark", "-m", "mock/instant", "--warmup", "3000000h")
                .expect("warm-up", "'3000000h' is too long"));
        c.add(bad("benchmark warm-up malformed").args("benchmark", "-m", "mock/instant", "--warmup", "lots")
                .expect("malformed warm-up 'lots'"));
        c.add(bad("benchmark duration zero").args(bench("--duration", "0s")).expect("--duration must be longer than 0"));
        c.add(bad("benchmark requests zero").args("benchmark", "-m", "mock/instant", "--requests", "0")
                .expect("--requests must be between 1 and"));
        c.add(bad("benchmark concurrency zero").args(bench("--concurrency", "0"))
                .expect("--concurrency must be between 1 and 100000, got 0"));
        c.add(bad("benchmark concurrency huge").args(bench("--concurrency", "2000000000"))
                .expect("--concurrency must be between 1 and 100000"));
        c.add(bad("benchmark rate zero").args(bench("--rate", "0")).expect("--rate must be more than 0"));
        c.add(bad("benchmark rate huge").args(bench("--rate", "1e12")).expect("--rate", "at most 1000000"));
        c.add(bad("benchmark rate and concurrency").args(bench("--rate", "5", "--concurrency", "2"))
                .expect("--rate runs open-loop"));
        c.add(bad("benchmark sweep dimension").args(bench("--sweep", "speed=1,2")).expect("malformed sweep"));
        c.add(bad("benchmark sweep value").args(bench("--sweep", "concurrency=1,x"))
                .expect("malformed sweep value 'x'"));
        c.add(bad("benchmark arrival").args(bench("--rate", "1", "--arrival", "bursty"))
                .expect("unknown arrival 'bursty'"));
        c.add(bad("benchmark max-concurrency without rate").args(bench("--max-concurrency", "5"))
                .expect("apply to rate runs"));
        c.add(bad("benchmark error budget over 100").args(bench("--error-budget", "200%")).expect("more than 100%"));
        c.add(bad("benchmark max-regression without baseline").args(bench("--max-regression", "10%"))
                .expect("--max-regression needs --baseline"));
        c.add(bad("benchmark gate malformed").args(bench("--fail-if", "p95(ttft) >> 5")).expect("p95(ttft) >> 5"));
        c.add(bad("benchmark shard out of range").args(bench("--shard", "3/2")).expect("3/2"));
        c.add(bad("benchmark input tokens malformed").args(bench("--input-tokens", "lots")).expect("lots"));
        c.add(bad("benchmark prompts and input tokens").file("p.yaml", PROMPT_OK)
                .args(bench("--prompts", "{d}/p.yaml", "--input-tokens", "64")).expect("not both"));
        c.add(bad("benchmark prompts typo").file("p.yaml", "prompts:\n  - id: a\n    promt: hi\n")
                .args(bench("--prompts", "{d}/p.yaml")).expect("{d}/p.yaml:3: field 'prompts[0].promt'", "prompt"));
        c.add(bad("benchmark base-url ftp").args(bench("--base-url", "ftp://example.com"))
                .expect("--base-url 'ftp://example.com' uses ftp://"));
        c.add(bad("benchmark timeout malformed").args(bench("--timeout", "soon"))
                .expect("--timeout", "malformed duration 'soon'"));
        c.add(bad("benchmark output tokens zero").args(bench("--output-tokens", "0"))
                .expect("--output-tokens must be positive"));
        c.add(bad("benchmark temperature").args(bench("--temperature", "9"))
                .expect("--temperature must be between 0 and 2"));
        c.add(bad("benchmark baseline missing").args(bench("--baseline", "{d}/none.json"))
                .expect("file not found: {d}/none.json"));
        c.add(bad("benchmark baseline is a prompt set").file("p.json", "{\"prompts\": []}")
                .args(bench("--baseline", "{d}/p.json")).expect("{d}/p.json", "not a benchmark report"));
        c.add(bad("benchmark no model").args("benchmark", "--requests", "3").expect("no model to benchmark"));
        c.add(bad("benchmark samples into a missing folder").args(bench("--samples", "{d}/nowhere/s.jsonl"))
                .expect("{d}/nowhere/s.jsonl", "no such file or directory"));
        c.add(bad("benchmark plan missing").args("benchmark", "{d}/plan.yaml").expect("file not found: {d}/plan.yaml"));
    }

    private static void benchmarkPlans(List<Case> c) {
        String[] run = {"benchmark", "{d}/plan.yaml"};
        String head = "models: [mock/instant]\nrequests: 3\n";
        c.add(bad("plan negative concurrency").file("plan.yaml", head + "concurrency: -3\n").args(run)
                .expect("{d}/plan.yaml:3: field 'concurrency'", "must be between 1 and 100000, got -3"));
        c.add(bad("plan field typo").file("plan.yaml", head + "concurency: 2\n").args(run)
                .expect("{d}/plan.yaml:3: field 'concurency'", "did you mean 'concurrency'"));
        c.add(bad("plan duration overflow").file("plan.yaml", head + "duration: 3000000h\n").args(run)
                .expect("{d}/plan.yaml:3: field 'duration'", "too long"));
        c.add(bad("plan base-url").file("plan.yaml", head + "base-url: not a url\n").args(run)
                .expect("{d}/plan.yaml:3: field 'base-url'", "is not a URL"));
        c.add(bad("plan sweep value").file("plan.yaml", head + "sweep: concurrency=1,x\n").args(run)
                .expect("{d}/plan.yaml:3: field 'sweep'", "malformed sweep value 'x'"));
        c.add(bad("plan arrival").file("plan.yaml", head + "rate: 2\narrival: bursty\n").args(run)
                .expect("{d}/plan.yaml:4: field 'arrival'", "unknown arrival 'bursty'"));
        c.add(bad("plan output tokens").file("plan.yaml", head + "output-tokens: 0\n").args(run)
                .expect("{d}/plan.yaml:3: field 'output-tokens'", "must be positive"));
        c.add(bad("plan timeout malformed").file("plan.yaml", head + "timeout: soon\n").args(run)
                .expect("{d}/plan.yaml:3: field 'timeout'", "malformed duration 'soon'"));
        c.add(bad("plan requests not a number").file("plan.yaml", "models: [mock/instant]\nrequests: lots\n").args(run)
                .expect("{d}/plan.yaml:2: field 'requests'", "expected a whole number, got 'lots'"));
        c.add(bad("plan malformed model").file("plan.yaml", "models: [gpt4]\nrequests: 3\n").args(run)
                .expect("{d}/plan.yaml:1: field 'models'", "malformed model name 'gpt4'"));
        c.add(bad("plan prompts missing").file("plan.yaml", head + "prompts: none.yaml\n").args(run)
                .expect("file not found: {d}/none.yaml"));
        c.add(bad("plan binary").bytes("plan.yaml", BINARY).args(run).expect("{d}/plan.yaml:1:", "not UTF-8 text"));
        c.add(bad("plan flag overrides file, flag named")
                .file("plan.yaml", head + "concurrency: 2\n").args("benchmark", "{d}/plan.yaml", "--concurrency", "0")
                .expect("--concurrency must be between 1 and 100000, got 0"));
        c.add(bad("plan error budget").file("plan.yaml", head + "error-budget: 300%\n").args(run)
                .expect("{d}/plan.yaml:3: field 'error-budget'", "more than 100%"));
    }

    private static void reports(List<Case> c) {
        c.add(bad("merge missing report").file("a.json", "@REPORT").args("report", "merge", "{d}/a.json", "{d}/b.json")
                .expect("file not found: {d}/b.json"));
        c.add(bad("merge a prompt set").file("a.json", "@REPORT").file("p.yaml", PROMPT_OK)
                .args("report", "merge", "{d}/a.json", "{d}/p.yaml").expect("{d}/p.yaml", "not"));
        c.add(bad("merge a binary file").file("a.json", "@REPORT").bytes("b.json", BINARY)
                .args("report", "merge", "{d}/a.json", "{d}/b.json").expect("{d}/b.json:1:", "not UTF-8 text"));
        c.add(bad("merge one report").file("a.json", "@REPORT").args("report", "merge", "{d}/a.json")
                .expect("REPORT"));
        c.add(bad("diff report without errors").file("a.json", "@REPORT").file("b.json", "@REPORT-NO-ERRORS")
                .args("report", "diff", "{d}/a.json", "{d}/b.json")
                .expect("{d}/b.json:", "field 'steps[0].models[0].requests'", "missing"));
        c.add(bad("diff truncated report").file("a.json", "@REPORT").file("b.json", "@REPORT-TRUNCATED")
                .args("report", "diff", "{d}/a.json", "{d}/b.json").expect("{d}/b.json", "not a readable"));
        c.add(bad("diff a compare report").file("a.json", "@REPORT")
                .file("b.json", "{\"run\": {\"command\": \"compare\"}}")
                .args("report", "diff", "{d}/a.json", "{d}/b.json").expect("{d}/b.json is not a benchmark report"));
        c.add(bad("diff max-regression malformed").file("a.json", "@REPORT")
                .args("report", "diff", "{d}/a.json", "{d}/a.json", "--max-regression", "lots").expect("lots"));
        c.add(bad("diff empty file").file("a.json", "@REPORT").file("b.json", "")
                .args("report", "diff", "{d}/a.json", "{d}/b.json").expect("{d}/b.json"));
        c.add(bad("diff count as text").file("a.json", "@REPORT").file("b.json", "@REPORT-TEXT-COUNT")
                .args("report", "diff", "{d}/a.json", "{d}/b.json")
                .expect("{d}/b.json:", "field 'steps[0].models[0].requests.attempted'", "expected a whole number, got 'five'"));
    }

    private static void costAnalyze(List<Case> c) {
        String[] run = {"cost-analyze", "{d}/s.yaml"};
        c.add(bad("scenario field typo").file("s.yaml", SCENARIO_HEAD + "tokens: {input: 10, output: 5}\nvolum: 2\n")
                .args(run).expect("{d}/s.yaml:5: field 'volum'", "did you mean 'volume'"));
        c.add(bad("scenario without tokens").file("s.yaml", SCENARIO_HEAD).args(run)
                .expect("{d}/s.yaml", "field 'tokens'", "missing"));
        c.add(bad("scenario volume not a number")
                .file("s.yaml", "models: [mock/instant]\nvolume:\n  requests-per-day: lots\n").args(run)
                .expect("{d}/s.yaml:3: field 'volume.requests-per-day'", "expected a number, got 'lots'"));
        c.add(bad("scenario binary").bytes("s.yaml", BINARY).args(run).expect("{d}/s.yaml:1:", "not UTF-8 text"));
        c.add(bad("scenario missing").args(run).expect("file not found: {d}/s.yaml"));
        c.add(bad("scenario tokens as text").file("s.yaml", SCENARIO_HEAD + "tokens: many\n").args(run)
                .expect("{d}/s.yaml:4: field 'tokens'", "expected a mapping"));
        c.add(bad("usage log missing column").file("u.csv", "in,out\n10,5\n")
                .args("cost-analyze", "--usage", "{d}/u.csv", "-m", "mock/instant", "--requests-per-day", "10")
                .expect("{d}/u.csv", "input_tokens"));
        c.add(bad("usage log non-numeric row").file("u.csv", "input_tokens,output_tokens\n10,5\n12,6\nx,7\n")
                .args("cost-analyze", "--usage", "{d}/u.csv", "-m", "mock/instant", "--requests-per-day", "10")
                .expect("{d}/u.csv:4", "x"));
        c.add(bad("usage log empty").file("u.csv", "input_tokens,output_tokens\n")
                .args("cost-analyze", "--usage", "{d}/u.csv", "-m", "mock/instant", "--requests-per-day", "10")
                .expect("{d}/u.csv", "no requests"));
        c.add(bad("usage log binary").bytes("u.csv", BINARY)
                .args("cost-analyze", "--usage", "{d}/u.csv", "-m", "mock/instant", "--requests-per-day", "10")
                .expect("{d}/u.csv"));
        c.add(bad("usage report not a report").file("u.json", "{}")
                .args("cost-analyze", "--usage", "{d}/u.json", "-m", "mock/instant", "--requests-per-day", "10")
                .expect("{d}/u.json", "not a compare, benchmark or switch-test report"));
        c.add(bad("cost negative requests per day").file("s.yaml", SCENARIO_HEAD + "tokens: {input: 10, output: 5}\n")
                .args("cost-analyze", "{d}/s.yaml", "--requests-per-day", "-5").expect("-5"));
        c.add(bad("cost min-pass-rate over 1").file("s.yaml", SCENARIO_HEAD + "tokens: {input: 10, output: 5}\n")
                .args("cost-analyze", "{d}/s.yaml", "--min-pass-rate", "2").expect("--min-pass-rate"));
        c.add(bad("cost max-p95-latency overflow").file("s.yaml", SCENARIO_HEAD + "tokens: {input: 10, output: 5}\n")
                .args("cost-analyze", "{d}/s.yaml", "--max-p95-latency", "3000000h")
                .expect("--max-p95-latency", "too long"));
        c.add(bad("cost report missing").file("s.yaml", SCENARIO_HEAD + "tokens: {input: 10, output: 5}\n")
                .args("cost-analyze", "{d}/s.yaml", "--report", "{d}/none.json").expect("{d}/none.json"));
        c.add(bad("cost nothing to analyse").args("cost-analyze").expect("scenario"));
        c.add(bad("cost growth not a number").file("s.yaml", SCENARIO_HEAD + "tokens: {input: 10, output: 5}\n")
                .args("cost-analyze", "{d}/s.yaml", "--growth", "fast").expect("--growth", "fast"));
    }

    private static void pricing(List<Case> c) {
        c.add(bad("pricing show malformed model").args("pricing", "show", "gpt4").expect("gpt4"));
        c.add(bad("pricing import missing").args("pricing", "import", "{d}/none.json", "--into", "{d}/out/p.yaml")
                .expect("{d}/none.json"));
        c.add(bad("pricing import binary").bytes("prices.json", BINARY)
                .args("pricing", "import", "{d}/prices.json", "--into", "{d}/out/p.yaml").expect("{d}/prices.json"));
        c.add(bad("pricing import unknown format").file("prices.json", "{\"foo\": 1}")
                .args("pricing", "import", "{d}/prices.json", "--into", "{d}/out/p.yaml").expect("{d}/prices.json"));
        c.add(bad("pricing import as-of").file("prices.json", "{}")
                .args("pricing", "import", "{d}/prices.json", "--into", "{d}/out/p.yaml", "--as-of", "yesterday")
                .expect("--as-of must be a date"));
        c.add(bad("pricing import yaml").file("prices.json", "a: [1\n")
                .args("pricing", "import", "{d}/prices.json", "--into", "{d}/out/p.yaml").expect("{d}/prices.json"));
        c.add(bad("pricing list format").args("pricing", "list", "--format", "yaml").expect("yaml"));
    }

    private static void switchTest(List<Case> c) {
        String[] run = {"switch-test", "{d}/s.yaml"};
        c.add(bad("switch turn typo").file("s.yaml", SCRIPT_HEAD + "turns:\n  - usr: hi\n").args(run)
                .expect("{d}/s.yaml:4: field 'turns[0].usr'", "did you mean 'user'"));
        c.add(bad("switch top-level typo").file("s.yaml", SCRIPT_HEAD + "turns:\n  - user: hi\ntimout: 2s\n").args(run)
                .expect("{d}/s.yaml:5: field 'timout'", "did you mean 'timeout'"));
        c.add(bad("switch unknown target").file("s.yaml", SCRIPT_HEAD + "turns:\n  - user: hi\n  - switch: other\n"
                + "    user: there\n").args(run).expect("{d}/s.yaml:5: field 'turns[1].switch'", "'other'"));
        c.add(bad("switch binary").bytes("s.yaml", BINARY).args(run).expect("{d}/s.yaml:1:", "not UTF-8 text"));
        c.add(bad("switch missing").args(run).expect("file not found: {d}/s.yaml"));
        c.add(bad("switch empty").file("s.yaml", "").args(run).expect("the script is empty"));
        c.add(bad("switch timeout malformed").file("s.yaml", SCRIPT_HEAD + "timeout: soon\nturns:\n  - user: hi\n")
                .args(run).expect("{d}/s.yaml:3: field 'timeout'", "soon"));
        c.add(bad("switch temperature").file("s.yaml", SCRIPT_HEAD + "temperature: 7\nturns:\n  - user: hi\n")
                .args(run).expect("{d}/s.yaml:3: field 'temperature'", "between 0 and 2"));
        c.add(bad("switch fault flag").file("s.yaml", SCRIPT_HEAD + "turns:\n  - user: hi\n")
                .args("switch-test", "{d}/s.yaml", "--fault", "primary:melt@1").expect("melt"));
        c.add(bad("switch timeout flag overflow").file("s.yaml", SCRIPT_HEAD + "turns:\n  - user: hi\n")
                .args("switch-test", "{d}/s.yaml", "--timeout", "3000000h").expect("--timeout", "too long"));
        c.add(bad("switch strategy flag").file("s.yaml", SCRIPT_HEAD + "turns:\n  - user: hi\n")
                .args("switch-test", "{d}/s.yaml", "--strategy", "forget").expect("forget"));
        c.add(bad("switch model malformed").file("s.yaml", "models:\n  primary: gpt4\nturns:\n  - user: hi\n").args(run)
                .expect("{d}/s.yaml:2: field 'models.primary'", "gpt4"));
        c.add(bad("switch expect typo").file("s.yaml", SCRIPT_HEAD + "turns:\n  - user: hi\n    expect: {contain: x}\n")
                .args(run).expect("{d}/s.yaml:5: field 'turns[0].expect.contain'", "did you mean 'contains'"));
    }

    private static void models(List<Case> c) {
        c.add(bad("models with a bad config").file("c.yaml", "endpoints:\n  e:\n    provider: openai\n"
                        + "    base-url: ftp://x\n").args("models", "--config", "{d}/c.yaml")
                .expect("{d}/c.yaml:4: field 'endpoints.e.base-url'", "uses ftp://"));
        c.add(bad("models format").args("models", "--format", "yaml").expect("yaml"));
        c.add(bad("models config typo").file("c.yaml", "defaults:\n  temprature: 1\n")
                .args("models", "--config", "{d}/c.yaml").expect("{d}/c.yaml:2: field 'defaults.temprature'",
                        "did you mean 'temperature'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersWithOneClearLine(Case bad) throws IOException {
        String d = dir.toString();
        for (Map.Entry<String, byte[]> f : bad.files().entrySet()) {
            Files.write(dir.resolve(f.getKey()), content(f.getValue(), d));
        }
        Path out = Files.createDirectories(dir.resolve("out"));
        Set<Path> before = listing();
        Map<String, String> env = new LinkedHashMap<>();
        bad.env().forEach((k, v) -> env.put(k, v.replace("{d}", d)));
        env.putIfAbsent("YARDSTICK_PRICES", d + "/no-overrides.yaml");
        List<String> args = new ArrayList<>(bad.args().stream().map(a -> a.replace("{d}", d)).toList());
        if (!args.contains("--into")) {
            args.addAll(List.of("-o", out.resolve("report.json").toString()));
        }

        CliRun run = CliRun.of(env, null, args.toArray(String[]::new));

        String err = run.err().strip();
        assertEquals(ExitCodes.USAGE, run.exitCode(), "exit code; stderr: " + err);
        assertEquals(1, err.lines().count(), "exactly one line on stderr, got:\n" + err);
        for (String expected : bad.expected()) {
            String e = expected.replace("{d}", d);
            assertTrue(err.contains(e), "expected '" + e + "' in: " + err);
        }
        assertFalse(err.contains("Exception") || err.contains("at dev.") || err.contains("\tat "),
                "no stack trace or exception name: " + err);
        assertTrue(run.out().isEmpty(), "nothing on stdout, got: " + run.out());
        assertEquals(before, listing(), "no file written or left behind");
    }

    private static byte[] content(byte[] declared, String d) {
        String text = new String(declared, StandardCharsets.UTF_8);
        if (text.contains("{d}")) {
            return text.replace("{d}", d).getBytes(StandardCharsets.UTF_8);
        }
        return switch (text) {
            case "@REPORT" -> benchmarkReport.getBytes(StandardCharsets.UTF_8);
            case "@REPORT-NO-ERRORS" -> withoutErrors(benchmarkReport).getBytes(StandardCharsets.UTF_8);
            case "@REPORT-TRUNCATED" -> benchmarkReport.substring(0, benchmarkReport.length() / 2)
                    .getBytes(StandardCharsets.UTF_8);
            case "@REPORT-TEXT-COUNT" -> benchmarkReport.replaceFirst("\"attempted\"\\s*:\\s*\\d+", "\"attempted\" : \"five\"")
                    .getBytes(StandardCharsets.UTF_8);
            default -> declared;
        };
    }

    /** The report with every {@code errors} object removed, as a hand-edited or older report might be. */
    private static String withoutErrors(String report) {
        try {
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            com.fasterxml.jackson.databind.JsonNode tree = json.readTree(report);
            removeErrors(tree);
            return json.writeValueAsString(tree);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void removeErrors(com.fasterxml.jackson.databind.JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            object.remove("errors");
        }
        node.forEach(BadInputSuiteTest::removeErrors);
    }

    private Set<Path> listing() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(dir::relativize).collect(Collectors.toCollection(java.util.TreeSet::new));
        }
    }

    @org.junit.jupiter.api.Test
    void theTableIsLargeAndCoversEveryCommand() {
        List<Case> all = cases().toList();
        assertTrue(all.size() >= 100, "at least 100 cases, got " + all.size());
        Set<String> commands = all.stream().map(c -> c.args().get(0)
                + (Set.of("report", "pricing").contains(c.args().get(0)) ? " " + c.args().get(1) : ""))
                .collect(Collectors.toSet());
        for (String command : List.of("compare", "benchmark", "report merge", "report diff", "cost-analyze",
                "pricing show", "pricing import", "pricing list", "switch-test", "models")) {
            assertTrue(commands.contains(command), "a case for " + command + ": " + commands);
        }
        assertEquals(all.size(), all.stream().map(Case::name).distinct().count(), "case names are unique");
        assertFalse(Arrays.asList(BINARY).isEmpty());
    }
}
