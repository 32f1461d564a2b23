package dev.vigil.live;

import java.time.Duration;

/**
 * How the live stream treats its connections.
 *
 * @param queueCapacity messages that may wait for one slow client before it is told to resync
 * @param authTimeout how long a connection without a token in its upgrade may take to send one
 * @param pingInterval how often idle connections are pinged (keeps proxies from closing them)
 * @param revocationCheck how often the tokens of open connections are checked for revocation
 * @param snapshotTimeout how long reading a snapshot from Redis may take
 */
public record LiveSettings(int queueCapacity, Duration authTimeout, Duration pingInterval, Duration revocationCheck,
    Duration snapshotTimeout) {

  /** Production defaults: 512 messages, 10 s to authenticate, pings every 20 s, revocations checked every 5 s. */
  public static LiveSettings defaults() {
    return new LiveSettings(512, Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(5),
        Duration.ofSeconds(5));
  }

  public LiveSettings withQueueCapacity(int capacity) {
    return new LiveSettings(capacity, authTimeout, pingInterval, revocationCheck, snapshotTimeout);
  }

  public LiveSettings withRevocationCheck(Duration every) {
    return new LiveSettings(queueCapacity, authTimeout, pingInterval, every, snapshotTimeout);
  }

  public LiveSettings withAuthTimeout(Duration timeout) {
    return new LiveSettings(queueCapacity, timeout, pingInterval, revocationCheck, snapshotTimeout);
  }
}
