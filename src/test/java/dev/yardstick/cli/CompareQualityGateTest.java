package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * compare as a quality gate on two mock models that differ only in answer length, so one passes every
 * "at most 10 tokens" check and the other fails every one: the gate fires exactly when the drop is significant.
 */
class CompareQualityGateTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SHORT = "mock/instant?tokens=5";
    private static final String LONG = "mock/instant?tokens=50";

    @TempDir
    Path dir;

    @Test
    void threeFlippedCasesAreNoEvidenceSoTheGatePasses() throws Exception {
        Path prompts = prompts(3);
        Path base = baseline(prompts);
        CliRun run = CliRun.of("compare", "-m", LONG, "--prompts", prompts.toString(), "--baseline", base.toString(),
                "--max-pass-rate-drop", "5%", "--format", "markdown");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Gate passed"), run.out());
        assertTrue(run.out().contains("pass-rate of " + LONG + " worse by +100.0 points (allowed 5.0 points,"
                + " p = 0.2500)"), run.out());
        assertTrue(run.out().contains("within-noise"), run.out());
    }

    @Test
    void tenFlippedCasesAreSignificantSoTheGateFails() throws Exception {
        Path prompts = prompts(10);
        Path base = baseline(prompts);
        Path summary = dir.resolve("summary.md");
        CliRun run = CliRun.of("compare", "-m", LONG, "--prompts", prompts.toString(), "--baseline", base.toString(),
                "--max-pass-rate-drop", "5%", "--max-latency-regression", "1000%", "-o", summary.toString(),
                "--format", "json");
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("GATE FAILED: pass-rate of " + LONG + " worse by +100.0 points"), run.err());
        assertTrue(run.err().contains("significant at 95%"), run.err());
        JsonNode gate = JSON.readTree(run.out()).at("/scores/gate");
        assertEquals("base.json", gate.get("baseline").asText());
        JsonNode passRate = gate.get("checks").get(0);
        assertEquals("pass-rate", passRate.get("gate").asText());
        assertEquals("regressed", passRate.get("verdict").asText());
        assertEquals(2 / 1024.0, passRate.get("pValue").asDouble(), 1e-12);
        assertEquals("McNemar, exact binomial", passRate.get("test").asText());
        assertFalse(gate.get("checks").get(1).get("failed").asBoolean(), "latency: within 1000%");

        String markdown = Files.readString(summary);
        int gateAt = markdown.indexOf("## Quality gate against base.json");
        assertTrue(gateAt > 0 && gateAt < markdown.indexOf("## Prompt"), "the gate leads the summary: " + markdown);
        assertTrue(markdown.contains("GATE FAILED"), markdown);
        assertTrue(markdown.contains("| pass-rate | " + LONG.replace("?", "?") + " | 100.0% | 0.0% | +100.0 points"),
                markdown);
        assertTrue(markdown.contains("baseline: " + SHORT + " → " + LONG + ": pass → fail (10): case0, case1,"),
                markdown);
    }

    @Test
    void twoModelsOfOneRunAreComparedWithoutABaseline() throws Exception {
        CliRun run = CliRun.of("compare", "-m", SHORT, "-m", LONG, "--prompts", prompts(10).toString(), "--repeat",
                "2", "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode scores = JSON.readTree(run.out()).get("scores");
        assertEquals(1.0, scores.at("/models/0/passRate/value").asDouble(), 0);
        assertEquals(0.0, scores.at("/models/0/passRate/sd").asDouble(), 0);
        assertEquals(0.0, scores.at("/models/1/passRate/value").asDouble(), 0);
        assertEquals(2, scores.at("/models/1/repetitions").asInt());
        JsonNode pair = scores.at("/comparisons/0");
        assertEquals(SHORT, pair.get("baseline").asText());
        assertEquals(20, pair.at("/passRateTest/cases").asInt());
        assertEquals(20, pair.get("passToFail").size());
        assertEquals("case0 #1", pair.at("/passToFail/0").asText());
        assertEquals(-1.0, pair.at("/passRateTest/passRateDifference").asDouble(), 0);
        assertTrue(pair.at("/passRateTest/pValue").asDouble() < 1e-4);
        assertFalse(scores.has("gate"), "no baseline, no gate");
    }

    @Test
    void junitXmlHasOneTestCasePerCaseAndModelAndFollowsTheSchema() throws Exception {
        Path results = dir.resolve("results.xml");
        CliRun run = CliRun.of("compare", "-m", SHORT, "-m", LONG, "--prompts", prompts(4).toString(), "-o",
                results.toString());
        assertEquals(0, run.exitCode(), run.err());
        String xml = Files.readString(results);
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(Path.of("src/test/resources/junit/junit.xsd").toFile()).newValidator()
                .validate(new StreamSource(new StringReader(xml)));
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(xml)));
        Element root = doc.getDocumentElement();
        assertEquals("8", root.getAttribute("tests"));
        assertEquals("4", root.getAttribute("failures"));
        NodeList suites = root.getElementsByTagName("testsuite");
        assertEquals(2, suites.getLength());
        assertEquals(LONG, ((Element) suites.item(1)).getAttribute("name"));
        NodeList cases = root.getElementsByTagName("testcase");
        assertEquals(8, cases.getLength());
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element testcase = (Element) cases.item(i);
            NodeList failure = testcase.getElementsByTagName("failure");
            if (failure.getLength() > 0) {
                assertEquals(LONG, testcase.getAttribute("classname"));
                failures.add(testcase.getAttribute("name") + ": " + ((Element) failure.item(0))
                        .getAttribute("message"));
            } else {
                assertEquals(SHORT, testcase.getAttribute("classname"));
            }
        }
        assertEquals(List.of("case0: at most 10 tokens: 50 tokens", "case1: at most 10 tokens: 50 tokens",
                "case2: at most 10 tokens: 50 tokens", "case3: at most 10 tokens: 50 tokens"), failures);
    }

    @Test
    void aFailedRequestIsAJUnitError() throws Exception {
        CliRun run = CliRun.of("compare", "-m", "mock/instant?error-rate=1&error-status=500", "-m", SHORT,
                "--prompts", prompts(1).toString(), "--format", "junit");
        String xml = run.out();
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(Path.of("src/test/resources/junit/junit.xsd").toFile()).newValidator()
                .validate(new StreamSource(new StringReader(xml)));
        assertTrue(xml.contains("<error message="), xml);
        assertTrue(xml.contains("errors=\"1\""), xml);
    }

    @Test
    void reportDiffJudgesTwoCompareReports() throws Exception {
        Path prompts = prompts(10);
        Path base = baseline(prompts);
        Path current = dir.resolve("new.json");
        assertEquals(0, CliRun.of("compare", "-m", LONG, "--prompts", prompts.toString(), "-o", current.toString())
                .exitCode());
        CliRun gated = CliRun.of("report", "diff", base.toString(), current.toString(), "--max-pass-rate-drop", "5%",
                "--format", "markdown");
        assertEquals(1, gated.exitCode(), gated.err());
        assertTrue(gated.out().startsWith("# Yardstick report diff (compare)"), gated.out());
        assertTrue(gated.out().contains("GATE FAILED: pass-rate of " + LONG), gated.out());
        assertTrue(gated.out().contains("pass → fail (10)"), gated.out());
        CliRun ungated = CliRun.of("report", "diff", base.toString(), current.toString(), "--format", "csv");
        assertEquals(0, ungated.exitCode(), ungated.err());
        assertTrue(ungated.out().lines().skip(1).findFirst().orElseThrow()
                .startsWith("baseline: " + SHORT + "," + LONG + ",10,1.0,0.0,0.001953125,exact binomial,10,0,"),
                ungated.out());
        CliRun wrongGate = CliRun.of("report", "diff", base.toString(), current.toString(), "--max-regression", "5%");
        assertEquals(2, wrongGate.exitCode());
        assertTrue(wrongGate.err().contains("--max-regression is for benchmark reports"), wrongGate.err());
    }

    @Test
    void junitIsRefusedBeforeARunWhoseReportHasNoTestCases() {
        Path xml = dir.resolve("bench.xml");
        CliRun run = CliRun.of("benchmark", "-m", "mock/instant", "--requests", "5", "-o", xml.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("JUnit XML is written for compare reports only"), run.err());
        assertFalse(Files.exists(xml));
        assertEquals("", run.out(), "nothing ran");
    }

    @Test
    void aReportWithScoresOfTwoModelsServesAsBaseline() throws Exception {
        Path prompts = prompts(3);
        Path base = dir.resolve("two.json");
        assertEquals(0, CliRun.of("compare", "-m", LONG, "-m", SHORT, "--prompts", prompts.toString(), "-o",
                base.toString()).exitCode());
        assertTrue(JSON.readTree(base.toFile()).at("/scores/comparisons/0/discordantOddsRatio").isMissingNode()
                || JSON.readTree(base.toFile()).at("/scores/comparisons/0/passRateTest/discordantOddsRatio")
                .isNull(), "∞ is null in JSON");
        CliRun run = CliRun.of("compare", "-m", SHORT, "-m", LONG, "--prompts", prompts.toString(), "--baseline",
                base.toString(), "--max-pass-rate-drop", "5%", "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(2, JSON.readTree(run.out()).at("/scores/gate/checks").size());
    }

    @Test
    void gatesWithoutABaselineAreAnInputError() {
        CliRun run = CliRun.of("compare", "-m", SHORT, "-p", "Hi", "--max-pass-rate-drop", "5%");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("need --baseline FILE"), run.err());
    }

    @Test
    void aBaselineThatIsNotACompareReportIsRefusedBeforeAnythingRuns() throws Exception {
        Path notCompare = dir.resolve("bench.json");
        Files.writeString(notCompare, "{\"run\": {\"command\": \"benchmark\"}}");
        CliRun run = CliRun.of("compare", "-m", SHORT, "-p", "Hi", "--baseline", notCompare.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("is not a compare report"), run.err());
        assertEquals("", run.out());
    }

    /**
     * A case id that itself ends in {@code " #2"}, beside a case whose second repetition is labelled the same: each
     * flipped run is tied to its own case and repetition, never recovered from the label.
     */
    @Test
    void aFlippedRunIsExplainedByItsOwnCaseWhenAnotherCaseIsNamedLikeItsLabel() throws Exception {
        Path prompts = Files.writeString(dir.resolve("cases.yaml"), """
                prompts:
                  - id: greet
                    prompt: Tell a story
                    expect: {max-tokens: 10}
                  - id: 'greet #2'
                    prompt: Tell another story
                    expect: {max-tokens: 20}
                """);
        Path base = dir.resolve("base.json");
        CliRun baseline = CliRun.of("compare", "-m", SHORT, "--prompts", prompts.toString(), "--repeat", "2", "-o",
                base.toString());
        assertEquals(0, baseline.exitCode(), baseline.err());
        Path summary = dir.resolve("summary.md");
        Path current = dir.resolve("new.json");
        CliRun run = CliRun.of("compare", "-m", LONG, "--prompts", prompts.toString(), "--repeat", "2", "--baseline",
                base.toString(), "--max-pass-rate-drop", "100%", "--summary", summary.toString(), "-o",
                current.toString());
        assertEquals(0, run.exitCode(), run.err());

        String text = Files.readString(summary);
        assertTrue(text.contains("| " + LONG + " | greet #2 | max-tokens 10: 50 tokens > 10 |"),
                "greet's second repetition, not the case named 'greet #2': " + text);
        assertTrue(text.contains("| " + LONG + " | greet #1 | max-tokens 10: 50 tokens > 10 |"), text);
        assertTrue(text.contains("| " + LONG + " | greet #2 #1 | max-tokens 20: 50 tokens > 20 |"), text);
        assertTrue(text.contains("| " + LONG + " | greet #2 #2 | max-tokens 20: 50 tokens > 20 |"), text);

        JsonNode flips = JSON.readTree(current.toFile()).at("/scores/comparisons/0/passToFail");
        List<String> labels = new ArrayList<>();
        flips.forEach(f -> labels.add(f.asText()));
        assertEquals(List.of("greet #1", "greet #2 #1", "greet #2", "greet #2 #2"), labels,
                "stored as labels, as before");
        CliRun diff = CliRun.of("report", "diff", base.toString(), current.toString(), "--format", "markdown");
        assertEquals(0, diff.exitCode(), diff.err());
        assertTrue(diff.out().contains("pass → fail (4): greet #1, greet #2 #1, greet #2, greet #2 #2"), diff.out());
    }

    private Path baseline(Path prompts) {
        Path base = dir.resolve("base.json");
        CliRun run = CliRun.of("compare", "-m", SHORT, "--prompts", prompts.toString(), "-o", base.toString());
        assertEquals(0, run.exitCode(), run.err());
        return base;
    }

    /** {@code n} cases, each expecting at most 10 tokens. */
    private Path prompts(int n) throws Exception {
        StringBuilder yaml = new StringBuilder("prompts:\n");
        for (int i = 0; i < n; i++) {
            yaml.append("  - id: case").append(i).append("\n    prompt: Tell story ").append(i)
                    .append("\n    expect:\n      max-tokens: 10\n");
        }
        Path file = dir.resolve("cases" + n + ".yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
