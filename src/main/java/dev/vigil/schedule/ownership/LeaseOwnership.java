package dev.vigil.schedule.ownership;

import dev.vigil.domain.RunLease;
import dev.vigil.schedule.CheckKey;
import dev.vigil.schedule.Ownership;
import dev.vigil.schedule.ownership.Membership.Roster;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Ownership} through leases on the shards of this replica's location. Every round (a third
 * of the lease time, each once the previous one has finished) it announces the replica to the
 * {@link Membership}, renews every lease it holds and reads who holds each shard, all at once;
 * drops the shards whose renewal was refused; then, per {@link ShardPlan}, releases the shards
 * above its fair share — after telling the scheduler, so their timers stop before another replica
 * can take them — or tries to take free ones up to it.
 *
 * <p>Fencing: a lease counts as proven until {@link OwnershipSettings#provenFor()} after its last
 * successful acquisition or renewal was <em>sent</em>, on the monotonic clock, so before Redis
 * can hand it to another replica. A replica that was paused, or that cannot reach Redis, starts no
 * run once that has passed; the first round Redis answers tells it the lease is gone and it drops
 * the shard. Runs started before remain in flight and are not fenced (see README, "Scale-out").
 *
 * <p>Confined to the event loop that calls {@link #start} (the scheduler's): every callback runs
 * there. Failures: a call that fails leaves the lease as last known (it may lapse, never extend);
 * a round whose heartbeat or view fails changes no shares; a Redis outage is logged when it begins
 * and when it ends. {@link #heldShards()} and {@link #liveReplicas()} may be read from any thread.
 */
public final class LeaseOwnership implements Ownership {
  private static final Logger LOG = LoggerFactory.getLogger(LeaseOwnership.class);

  private final Vertx vertx;
  private final Leases leases;
  private final Membership membership;
  private final OwnershipSettings settings;
  private final LongSupplier nanoTime;
  private final List<String> keys;
  private final Map<Integer, Held> held = new HashMap<>();
  private Set<Integer> published = Set.of();
  private Runnable changed = () -> {};
  private long timer = -1;
  private boolean stopped;
  private boolean redisAway;
  private boolean shardCountRefused;
  private volatile int heldCount;
  private volatile int replicaCount;

  /** A held shard: its fencing token, and until when ({@code nanoTime}) its lease is proven. */
  private record Held(long token, long provenUntil) {}

  /** @param nanoTime the monotonic clock ({@code System::nanoTime}) */
  public LeaseOwnership(Vertx vertx, Leases leases, Membership membership, OwnershipSettings settings,
      LongSupplier nanoTime) {
    this.vertx = vertx;
    this.leases = leases;
    this.membership = membership;
    this.settings = settings;
    this.nanoTime = nanoTime;
    this.keys = IntStream.range(0, settings.shards().count()).mapToObj(settings::leaseKey).toList();
  }

  @Override
  public String location() {
    return settings.location();
  }

  @Override
  public void start(Runnable changed) {
    this.changed = changed;
    LOG.info("replica {} takes its share of the {} shards of location {} (leases of {} ms)", settings.replicaId(),
        settings.shards().count(), settings.location(), settings.leaseTtl().toMillis());
    round();
  }

  @Override
  public boolean holds(CheckKey check) {
    return held.containsKey(settings.shards().of(check));
  }

  @Override
  public Optional<RunLease> lease(CheckKey check) {
    int shard = settings.shards().of(check);
    Held lease = held.get(shard);
    return lease != null && nanoTime.getAsLong() - lease.provenUntil() < 0
        ? Optional.of(new RunLease(settings.location(), shard, lease.token()))
        : Optional.empty();
  }

  /** Shards held now; safe from any thread (a gauge). */
  public int heldShards() {
    return heldCount;
  }

  /** Live replicas of the location at the last round Redis answered; safe from any thread (a gauge). */
  public int liveReplicas() {
    return replicaCount;
  }

  @Override
  public Future<Void> stop() {
    stopped = true;
    vertx.cancelTimer(timer);
    List<Integer> givenUp = List.copyOf(held.keySet());
    held.clear();
    published = Set.of();
    heldCount = 0;
    List<Future<?>> calls = new ArrayList<>();
    givenUp.forEach(shard -> calls.add(leases.release(settings.leaseKey(shard), settings.replicaId())));
    calls.add(membership.leave(settings.replicaId()));
    return Future.join(calls).transform(done -> {
      if (done.failed()) {
        LOG.warn("could not give up every lease of location {} ({}); the other replicas take them over when they run"
            + " out, within {} ms", settings.location(), done.cause().toString(), settings.leaseTtl().toMillis());
      } else {
        LOG.info("gave up {} shard(s) of location {}", givenUp.size(), settings.location());
      }
      return Future.succeededFuture();
    });
  }

  private void round() {
    long sentAt = nanoTime.getAsLong();
    Future<Roster> roster = membership.heartbeat(settings.replicaId(), settings.shards().count(), settings.leaseTtl());
    Future<Map<String, String>> owners = leases.owners(keys);
    Map<Integer, Future<Boolean>> renewals = new HashMap<>();
    held.forEach((shard, lease) -> renewals.put(shard,
        leases.renew(settings.leaseKey(shard), settings.replicaId(), lease.token(), settings.leaseTtl())));
    List<Future<?>> calls = new ArrayList<>(renewals.values());
    calls.add(roster);
    calls.add(owners);
    Future.join(calls)
        .transform(ignored -> stopped ? Future.<Void>succeededFuture() : rebalance(sentAt, renewals, roster, owners))
        .onComplete(ignored -> {
          if (!stopped) {
            publish();
            timer = vertx.setTimer(settings.roundInterval().toMillis(), id -> round());
          }
        });
  }

  private Future<Void> rebalance(long sentAt, Map<Integer, Future<Boolean>> renewals, Future<Roster> roster,
      Future<Map<String, String>> owners) {
    List<Integer> lost = new ArrayList<>();
    renewals.forEach((shard, renewal) -> {
      if (!renewed(shard, renewal, sentAt)) {
        lost.add(shard);
      }
    });
    if (!lost.isEmpty()) {
      LOG.warn("lost shard(s) {} of location {}: their leases ran out or another replica holds them", lost,
          settings.location());
    }
    if (roster.failed() || owners.failed()) {
      if (!redisAway) {
        redisAway = true;
        LOG.warn("cannot reach Redis for the leases of location {} ({}); the {} shard(s) held stop running once their"
            + " leases run out, within {} ms, until it answers", settings.location(),
            (roster.failed() ? roster.cause() : owners.cause()).toString(), held.size(), settings.leaseTtl().toMillis());
      }
      return Future.succeededFuture();
    }
    if (redisAway) {
      redisAway = false;
      LOG.info("Redis answers again for the leases of location {}", settings.location());
    }
    Roster seen = roster.result();
    replicaCount = seen.replicas().size();
    if (seen.shards() != settings.shards().count()) {
      if (!shardCountRefused) {
        shardCountRefused = true;
        LOG.error("the live replicas of location {} use {} shards and this one {}: it takes no checks until the"
            + " shards setting is the same everywhere", settings.location(), seen.shards(), settings.shards().count());
      }
      return release(List.copyOf(held.keySet()));
    }
    shardCountRefused = false;
    Map<Integer, String> byShard = new HashMap<>();
    for (int shard = 0; shard < keys.size(); shard++) {
      String owner = owners.result().get(keys.get(shard));
      if (owner != null) {
        byShard.put(shard, owner);
      }
    }
    ShardPlan plan = ShardPlan.decide(keys.size(), seen.replicas().size(), settings.replicaId(), settings.name(),
        held.keySet(), byShard);
    return release(plan.release()).compose(ignored -> acquire(plan.acquire()));
  }

  /** Applies a renewal's answer; false when Redis said the lease is no longer this replica's. */
  private boolean renewed(int shard, Future<Boolean> renewal, long sentAt) {
    Held lease = held.get(shard);
    if (lease == null || renewal.failed()) {
      return true; // not known: the lease keeps its proof, which may lapse
    }
    if (renewal.result()) {
      held.put(shard, new Held(lease.token(), sentAt + settings.provenFor().toNanos()));
      return true;
    }
    held.remove(shard);
    return false;
  }

  /** Stops the shards here first (the scheduler hears at once), then gives their leases up. */
  private Future<Void> release(List<Integer> shards) {
    if (shards.isEmpty()) {
      return Future.succeededFuture();
    }
    shards.forEach(held::remove);
    publish();
    List<Future<Boolean>> calls = shards.stream()
        .map(shard -> leases.release(settings.leaseKey(shard), settings.replicaId()))
        .toList();
    return Future.join(calls).otherwiseEmpty().mapEmpty(); // a lease not released runs out on its own
  }

  private Future<Void> acquire(List<Integer> shards) {
    if (shards.isEmpty()) {
      return Future.succeededFuture();
    }
    long sentAt = nanoTime.getAsLong();
    List<Future<OptionalLong>> calls = shards.stream()
        .map(shard -> leases.acquire(settings.leaseKey(shard), settings.replicaId(), settings.leaseTtl())
            .onSuccess(token -> token.ifPresent(value -> acquired(shard, value, sentAt))))
        .toList();
    return Future.join(calls).otherwiseEmpty().mapEmpty();
  }

  private void acquired(int shard, long token, long sentAt) {
    if (stopped) {
      leases.release(settings.leaseKey(shard), settings.replicaId());
      return;
    }
    held.put(shard, new Held(token, sentAt + settings.provenFor().toNanos()));
  }

  /** Tells the scheduler when the set of held shards changed since it last heard. */
  private void publish() {
    Set<Integer> now = Set.copyOf(held.keySet());
    heldCount = now.size();
    if (now.equals(published)) {
      return;
    }
    long gained = now.stream().filter(shard -> !published.contains(shard)).count();
    long gone = published.stream().filter(shard -> !now.contains(shard)).count();
    published = now;
    LOG.info("location {}: holds {} of {} shards, {} replica(s) alive ({} taken, {} given up or lost)",
        settings.location(), now.size(), keys.size(), replicaCount, gained, gone);
    changed.run();
  }
}
