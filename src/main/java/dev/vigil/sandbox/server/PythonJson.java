package dev.vigil.sandbox.server;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message Python's {@code json.loads} raises for a body that is not JSON ("Expecting property
 * name enclosed in double quotes: line 1 column 20 (char 19)"), found with a small scanner that
 * follows Python's decoder.
 */
final class PythonJson {
  private static final Pattern NUMBER = Pattern.compile("-?(?:0|[1-9]\\d*)(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");
  private static final String WHITESPACE = " \t\n\r";

  private final String text;
  private int pos;

  private PythonJson(String text) {
    this.text = text;
  }

  /** Python's error message for {@code text}, which the caller failed to parse. */
  static String decodeError(String text) {
    PythonJson scanner = new PythonJson(text);
    try {
      scanner.document();
      return located("Expecting value", text, 0);
    } catch (Failure failure) {
      return located(failure.getMessage(), text, failure.position);
    }
  }

  private static String located(String message, String text, int position) {
    int line = 1;
    for (int i = 0; i < position; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    int column = position - text.lastIndexOf('\n', position - 1);
    return message + ": line " + line + " column " + column + " (char " + position + ")";
  }

  private void document() {
    skipWhitespace();
    value();
    skipWhitespace();
    if (pos != text.length()) {
      throw new Failure("Extra data", pos);
    }
  }

  private void value() {
    if (pos >= text.length()) {
      throw new Failure("Expecting value", pos);
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      case 'n' -> literal("null");
      case 't' -> literal("true");
      case 'f' -> literal("false");
      case 'N' -> literal("NaN");
      case 'I' -> literal("Infinity");
      default -> number();
    }
  }

  private void object() {
    pos++;
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      return;
    }
    if (peek() != '"') {
      throw new Failure("Expecting property name enclosed in double quotes", pos);
    }
    while (true) {
      string();
      skipWhitespace();
      if (peek() != ':') {
        throw new Failure("Expecting ':' delimiter", pos);
      }
      pos++;
      skipWhitespace();
      value();
      if (closedOrComma('}')) {
        return;
      }
      if (peek() != '"') {
        throw new Failure("Expecting property name enclosed in double quotes", pos);
      }
    }
  }

  private void array() {
    pos++;
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      return;
    }
    do {
      value();
    } while (!closedOrComma(']'));
  }

  /** After a member or an element: true past the closing bracket, false past a comma. */
  private boolean closedOrComma(char close) {
    skipWhitespace();
    char next = peek();
    if (next == close) {
      pos++;
      return true;
    }
    if (next != ',') {
      throw new Failure("Expecting ',' delimiter", pos);
    }
    pos++;
    skipWhitespace();
    return false;
  }

  private void string() {
    int start = pos++;
    while (true) {
      if (pos >= text.length()) {
        throw new Failure("Unterminated string starting at", start);
      }
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        return;
      }
      if (c == '\\') {
        escape(start);
      } else if (c < 0x20) {
        throw new Failure("Invalid control character at", pos);
      } else {
        pos++;
      }
    }
  }

  private void escape(int start) {
    pos++;
    if (pos >= text.length()) {
      throw new Failure("Unterminated string starting at", start);
    }
    char escaped = text.charAt(pos);
    if ("\"\\/bfnrt".indexOf(escaped) >= 0) {
      pos++;
    } else if (escaped == 'u' && pos + 5 <= text.length() && text.substring(pos + 1, pos + 5).matches("[0-9a-fA-F]{4}")) {
      pos += 5;
    } else if (escaped == 'u') {
      throw new Failure("Invalid \\uXXXX escape", pos - 1);
    } else {
      throw new Failure("Invalid \\escape", pos - 1);
    }
  }

  private void literal(String word) {
    if (!text.startsWith(word, pos)) {
      throw new Failure("Expecting value", pos);
    }
    pos += word.length();
  }

  private void number() {
    Matcher matcher = NUMBER.matcher(text).region(pos, text.length());
    if (!matcher.lookingAt()) {
      throw new Failure("Expecting value", pos);
    }
    pos = matcher.end();
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void skipWhitespace() {
    while (pos < text.length() && WHITESPACE.indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
  }

  /** A decoding error at a position; a control-flow exception without a stack trace. */
  private static final class Failure extends RuntimeException {
    private final int position;

    Failure(String message, int position) {
      super(message, null, false, false);
      this.position = position;
    }
  }
}
