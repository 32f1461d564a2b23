package dev.vigil.store.redis;

import dev.vigil.domain.RunResult;
import dev.vigil.schedule.CheckKey;
import dev.vigil.store.ResultJson;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;

/**
 * The write of one check's pending live state, as one Lua script: atomic (a reader never sees a
 * check half-written) and idempotent (a write retried after its reply was lost pushes no run
 * twice: runs up to the one already at the head of the list are skipped). It pushes the runs,
 * trims the list to the newest {@code keep}, sets the latest run and status, and publishes one
 * event per run pushed and one for a status that changed — so an event is never seen before the
 * state it announces.
 */
final class LiveWrite {
  /*
   * KEYS: runs list, latest-run hash, status hash, tenants set.
   * ARGV: journey, tenant, keep, channel, replica, status JSON ('' for none), then run id and
   * run JSON pairs, oldest first. Runs of one check finish one after the other, so the pending
   * runs continue the list.
   */
  private static final String SCRIPT = """
      local journey, tenant, keep, channel = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4]
      local replica = cjson.encode(ARGV[5])
      local function event(kind, data)
        return '{"type":"' .. kind .. '","replica":' .. replica .. ',"data":' .. data .. '}'
      end
      local first = 7
      local head = redis.call('LINDEX', KEYS[1], 0)
      if head then
        local headId = cjson.decode(head).runId
        for i = 7, #ARGV, 2 do
          if ARGV[i] == headId then first = i + 2 end
        end
      end
      for i = first, #ARGV, 2 do
        redis.call('LPUSH', KEYS[1], ARGV[i + 1])
        redis.call('HSET', KEYS[2], journey, ARGV[i + 1])
        redis.call('PUBLISH', channel, event('run', ARGV[i + 1]))
      end
      redis.call('LTRIM', KEYS[1], 0, keep - 1)
      if ARGV[6] ~= '' and redis.call('HGET', KEYS[3], journey) ~= ARGV[6] then
        redis.call('HSET', KEYS[3], journey, ARGV[6])
        redis.call('PUBLISH', channel, event('status', ARGV[6]))
      end
      redis.call('SADD', KEYS[4], tenant)
      return first
      """;

  private LiveWrite() {}

  static Request request(CheckKey check, PendingCheck pending, int keep, String channel, String replica) {
    Request eval = Request.cmd(Command.EVAL).arg(SCRIPT).arg(4)
        .arg(LiveKeys.runs(check.tenantId(), check.journeyId()))
        .arg(LiveKeys.latestRuns(check.tenantId()))
        .arg(LiveKeys.statuses(check.tenantId()))
        .arg(LiveKeys.TENANTS)
        .arg(check.journeyId())
        .arg(check.tenantId())
        .arg(keep)
        .arg(channel)
        .arg(replica)
        .arg(pending.status() == null ? "" : ResultJson.encode(pending.status()).encode());
    for (RunResult run : pending.runs()) {
      eval.arg(run.runId()).arg(ResultJson.encode(run).encode());
    }
    return eval;
  }
}
