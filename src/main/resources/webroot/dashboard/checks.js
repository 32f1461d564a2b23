// The live state of the checks (tenant × journey) the dashboard shows: status, since when, the
// last run and recent runs. Filled from GET /status, replaced by each WebSocket snapshot, then
// kept up to date by run and status deltas. Views listen for 'change'.

/** Runs kept per check for the sparkline: about half an hour of a 60 s check. */
const RECENT_RUNS = 30;

const key = (tenantId, journeyId) => `${tenantId}/${journeyId}`;

export class Checks extends EventTarget {
  constructor() {
    super();
    this.byKey = new Map();
    /** When the last live message arrived (null before the first). */
    this.updatedAt = null;
  }

  get(tenantId, journeyId) {
    return this.byKey.get(key(tenantId, journeyId));
  }

  all() {
    return [...this.byKey.values()];
  }

  /** The items of GET /status: statuses and last runs, no history (the snapshot brings it). */
  load(items) {
    if (this.updatedAt) return; // the live snapshot came first, and is at least as new
    for (const item of items) {
      const check = this.entry(item.tenantId, item.journeyId);
      Object.assign(check, { status: item.status, since: item.since, reason: item.reason });
      if (item.lastRun) this.addRun(check, item.lastRun);
    }
    this.changed();
  }

  /** A snapshot replaces everything: it is the server's whole truth for our subscription. */
  snapshot(checks) {
    this.byKey.clear();
    for (const item of checks) {
      const check = this.entry(item.tenantId, item.journeyId);
      Object.assign(check, { status: item.status, since: item.since, reason: item.reason });
      for (const run of item.recentRuns ?? []) this.addRun(check, run);
      if (item.lastRun) this.addRun(check, item.lastRun);
    }
    this.live();
  }

  run(run) {
    this.addRun(this.entry(run.tenantId, run.journeyId), run);
    this.live(run);
  }

  status(change) {
    const check = this.entry(change.tenantId, change.journeyId);
    Object.assign(check, { status: change.to, since: change.at, reason: change.reason });
    this.live();
  }

  entry(tenantId, journeyId) {
    const k = key(tenantId, journeyId);
    let check = this.byKey.get(k);
    if (!check) {
      check = { tenantId, journeyId, status: undefined, since: undefined, reason: undefined, lastRun: undefined, recentRuns: [] };
      this.byKey.set(k, check);
    }
    return check;
  }

  addRun(check, run) {
    // a run can come twice (in a snapshot and as a delta around a resync): it is one run
    const runs = check.recentRuns.filter((r) => r.runId !== run.runId);
    runs.push(run);
    runs.sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
    check.recentRuns = runs.slice(-RECENT_RUNS);
    check.lastRun = check.recentRuns[check.recentRuns.length - 1];
  }

  live(run) {
    this.updatedAt = new Date();
    this.changed(run);
  }

  changed(run) {
    this.dispatchEvent(new CustomEvent('change', { detail: { run } }));
  }
}
