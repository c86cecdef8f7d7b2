package dev.yardstick.export;

import dev.yardstick.config.InputException;
import java.util.Locale;

/** The output formats, and which one a file's extension asks for. */
public enum Format {
    TABLE, JSON, CSV, MARKDOWN,
    /** JUnit XML of a compare report's cases, for CI servers. */
    JUNIT,
    /** One self-contained HTML page with the charts inline as SVG. */
    HTML;

    public static Format parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "table", "text", "txt" -> TABLE;
            case "json" -> JSON;
            case "csv" -> CSV;
            case "markdown", "md" -> MARKDOWN;
            case "junit", "xml" -> JUNIT;
            case "html", "htm" -> HTML;
            default -> throw new InputException("unknown format '" + text
                    + "' (expected table, json, csv, markdown, junit or html)");
        };
    }

    /** The format for an output file, from its extension. */
    public static Format forFile(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            throw new InputException("cannot tell the format of '" + fileName
                    + "' from its extension (use .json, .csv, .md, .txt, .xml or .html)");
        }
        return parse(fileName.substring(dot + 1));
    }
}
