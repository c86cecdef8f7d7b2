package dev.yardstick.eval;

/**
 * Wraps inline {@code python} assertion code into a program that reads the answer's JSON from stdin, as promptfoo
 * runs it: one line is an expression over {@code output} and {@code context}; several lines are a function body
 * that returns. The result is printed as JSON. A named function of a script file is called the same way.
 */
final class PythonInline {

    /**
     * Calls the function {@code argv[2]} of the script {@code argv[1]}, promptfoo's {@code file://script.py:fn}: the
     * script is imported as a module (its folder first on the import path, as when it runs), then called like inline
     * code.
     */
    static final String CALL = "import importlib.util, json, os, sys\n"
            + "sys.path.insert(0, os.path.dirname(os.path.abspath(sys.argv[1])))\n"
            + "_spec = importlib.util.spec_from_file_location('assertion', sys.argv[1])\n"
            + "_module = importlib.util.module_from_spec(_spec)\n"
            + "_spec.loader.exec_module(_module)\n"
            + "_input = json.load(sys.stdin)\n"
            + "print(json.dumps(getattr(_module, sys.argv[2])(_input['output'], _input)))\n";

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
