package dev.yardstick.eval;

import dev.yardstick.config.FieldException;
import dev.yardstick.config.FileProblems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Wraps inline {@code python} assertion code into a program that reads the answer's JSON from stdin, as promptfoo
 * runs it: one line is an expression over {@code output} and {@code context}; several lines are a function body
 * that returns. The result is printed as JSON. A named function of a script file is called the same way.
 */
final class PythonInline {

    private static final Pattern DEFINES_GET_ASSERT = Pattern.compile("(?m)^def\\s+get_assert\\s*\\(");

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

    /**
     * The function promptfoo calls in a python file named without one: {@code get_assert}, when the file defines it
     * at its top level; null for a script written as a program (it reads the answer on stdin and prints its verdict),
     * which runs as before.
     */
    static String defaultFunction(Path script) {
        try {
            // Read byte for byte: the name is ASCII, and a script in another encoding is python's to judge, not ours.
            String text = new String(Files.readAllBytes(script), StandardCharsets.ISO_8859_1);
            return DEFINES_GET_ASSERT.matcher(text).find() ? "get_assert" : null;
        } catch (IOException e) {
            throw new FieldException("value", "cannot read " + script + ": " + FileProblems.reason(e));
        }
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
