package dev.vigil.odoo;

import dev.vigil.domain.Secret;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Removes a client's secrets from fault messages, as sent and as a server may echo them back
 * (plain, JSON-escaped). Remembers the last few secrets the client used, so that a message about a
 * call made with a key that was rotated since is scrubbed too. Thread-safe.
 */
final class Redactor {
  static final String MASK = "****";
  private static final int KEEP = 4;

  private final Deque<Secret> secrets = new ArrayDeque<>();

  synchronized void remember(Secret secret) {
    secrets.remove(secret);
    secrets.addFirst(secret);
    while (secrets.size() > KEEP) {
      secrets.removeLast();
    }
  }

  /** The text with every remembered secret masked. */
  String scrub(String text) {
    if (text == null) {
      return null;
    }
    List<Secret> known;
    synchronized (this) {
      known = List.copyOf(secrets);
    }
    String out = text;
    for (Secret secret : known) {
      String value = secret.reveal();
      if (value.isEmpty()) {
        continue;
      }
      out = out.replace(value, MASK);
      String escaped = value.replace("\\", "\\\\").replace("\"", "\\\"");
      if (!escaped.equals(value)) {
        out = out.replace(escaped, MASK);
      }
    }
    return out;
  }

  /** The fault with its message and name scrubbed (the same fault when there was nothing to hide). */
  OdooFault scrub(OdooFault fault) {
    String message = scrub(fault.getMessage());
    String name = scrub(fault.odooName());
    if (Objects.equals(message, fault.getMessage()) && Objects.equals(name, fault.odooName())) {
      return fault;
    }
    return new OdooFault(fault.errorClass(), name, message, fault.httpStatus(), fault.getCause());
  }
}
