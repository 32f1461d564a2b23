package dev.vigil.sandbox.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonJsonTest {

  /** Expected messages are what CPython 3's {@code json.loads} raises for the same text. */
  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
    "`{\"jsonrpc\": \"2.0\", `|Expecting property name enclosed in double quotes: line 1 column 20 (char 19)",
    "``|Expecting value: line 1 column 1 (char 0)",
    "`{\"a\" 1}`|Expecting ':' delimiter: line 1 column 6 (char 5)",
    "`[1 2]`|Expecting ',' delimiter: line 1 column 4 (char 3)",
    "`{\"a\": 1}x`|Extra data: line 1 column 9 (char 8)",
    "`{\"a\": \"b`|Unterminated string starting at: line 1 column 7 (char 6)",
    "`{\n\"a\": }`|Expecting value: line 2 column 6 (char 7)",
    "`{\"a\": \"\\q\"}`|Invalid \\escape: line 1 column 8 (char 7)",
    "`nul`|Expecting value: line 1 column 1 (char 0)",
    "`[1,]`|Expecting value: line 1 column 4 (char 3)",
    "`{\"a\":1,}`|Expecting property name enclosed in double quotes: line 1 column 8 (char 7)"})
  @DisplayName("A malformed body gets the message Python's json module gives it")
  void pythonMessages(String text, String message) {
    assertEquals(message, PythonJson.decodeError(text == null ? "" : text));
  }
}
