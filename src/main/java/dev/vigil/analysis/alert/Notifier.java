package dev.vigil.analysis.alert;

import io.vertx.core.Future;

/** Delivers a notification along its route; never blocks, and the future never fails. */
public interface Notifier {
  Future<Void> send(Notification notification, Route route);
}
