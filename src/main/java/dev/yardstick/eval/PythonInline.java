package dev.yardstick.eval;

/**
 * Wraps inline {@code python} assertion code into a program that reads the answer's JSON from stdin, as promptfoo
 * runs it: one line is an expression over {@code output} and {@code context}; several lines are a function body
 * that returns. The result is printed as JSON.
 */
final class PythonInline {

    private PythonInline() {
    }

    static String program(String code) {
        String body = code.contains("\n") || code.matches("(?s).*\\breturn\\b.*") ? code : "return (" + code + ")";
        String indented = body.stripIndent().strip().indent(4);
        return "import json, sys\n"
                + "_input = json.load(sys.stdin)\n"
                + "def _assert(output, context):\n"
                + indented
                + "print(json.dumps(_assert(_input['output'], _input)))\n";
    }
}
