package io.gpconnect.fhir.error;

import java.util.regex.Pattern;

/**
 * Diagnostics as a consumer may see them. Parser messages (HAPI's, Jackson's, the StAX reader's) name Java
 * exception classes and dump parser locations; the consumer needs what was wrong and where, not our internals.
 */
final class Diagnostics {
    private static final int LIMIT = 2_000;
    private static final Pattern LOCATION = Pattern.compile(
            "\\[Line number = (\\d+)\\s*Column number = (\\d+)[^\\]]*\\]");
    private static final Pattern JAVA_CLASS = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z]\\w*)");
    private static final Pattern EXCEPTION_WORD = Pattern.compile("\\b\\w*(?:Exception|Error)\\b(?:\\s+at\\b)?");

    private Diagnostics() {
    }

    static String clean(String diagnostics) {
        if (diagnostics == null) {
            return null;
        }
        String text = LOCATION.matcher(diagnostics).replaceAll("at line $1, column $2");
        text = JAVA_CLASS.matcher(text).replaceAll("$1");
        text = EXCEPTION_WORD.matcher(text).replaceAll("parse error at");
        text = text.replace("parse error at at", "parse error at");
        return text.length() <= LIMIT ? text : text.substring(0, LIMIT) + "...";
    }
}
