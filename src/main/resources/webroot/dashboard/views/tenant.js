// The tenant view: one card per journey (status, since when, latency sparkline against the
// budget, the last run's step waterfall) and the tenant's failure history. Live: cards follow the
// checks store, new failures join the history as they happen.

import { get } from '../api.js';
import { sparkline, waterfall } from '../charts.js';
import { h, replace } from '../dom.js';
import { labels, lasting, ms, time } from '../format.js';
import { badge, byUrgency, describe, outcome } from '../status.js';

const FAILURES = ['FAILED', 'ERRORED', 'TIMED_OUT'];
const HISTORY_DAYS = 7;
const HISTORY_ROWS = 25;
/** "for 5 min" ages: redraw this often even when nothing happens. */
const AGE_REFRESH_MS = 30000;

export function showTenant(main, ctx, tenantId) {
  const head = h('header', { class: 'view-head' });
  const summary = h('p', { class: 'summary', 'aria-live': 'polite' });
  const problem = h('p', { class: 'notice', hidden: true });
  const cards = h('div', { class: 'cards' });
  const history = new FailureHistory(tenantId);
  replace(main, h('section', { class: 'tenant-view', dataset: { tenant: tenantId } },
    head, problem, summary, cards, history.element));

  let frame = 0;
  let fresh = null;
  const render = () => {
    frame = 0;
    drawHead(head, ctx.tenants.get(tenantId), tenantId);
    const journeys = journeysOf(ctx, tenantId);
    const checks = journeys.map((j) => ctx.checks.get(tenantId, j.id));
    drawSummary(summary, checks);
    replace(cards, journeys.length
      ? journeys.map((j, i) => card(ctx, tenantId, j, checks[i], fresh === j.id))
      : h('p', { class: 'empty' }, 'This tenant runs no journeys.'));
    fresh = null;
  };
  // bursts of events (a snapshot, many runs at once) are drawn once per frame
  const schedule = () => { frame ||= requestAnimationFrame(render); };
  const changed = (event) => {
    const run = event.detail?.run;
    if (run?.tenantId === tenantId) {
      fresh = run.journeyId;
      history.add(run);
    }
    schedule();
  };

  ctx.checks.addEventListener('change', changed);
  const ages = setInterval(schedule, AGE_REFRESH_MS);
  get('/status', { tenant: tenantId })
    .then((status) => ctx.checks.load(status.items))
    .catch((e) => show(problem, `Could not load the statuses: ${e.message}. The live stream will bring them.`));
  history.load();
  render();

  return {
    close() {
      ctx.checks.removeEventListener('change', changed);
      clearInterval(ages);
      cancelAnimationFrame(frame);
    },
  };
}

/** The tenant's configured journeys, then any check the stream knows that the catalog does not (yet). */
function journeysOf(ctx, tenantId) {
  const configured = ctx.tenants.get(tenantId)?.journeys ?? [];
  const ids = new Set(configured.map((j) => j.id));
  const extra = ctx.checks.all().filter((c) => c.tenantId === tenantId && !ids.has(c.journeyId)).map((c) => ({ id: c.journeyId }));
  return [...configured, ...extra];
}

function drawHead(head, tenant, tenantId) {
  replace(head,
    h('h1', {}, tenant?.name ?? tenantId),
    tenant ? h('p', { class: 'tags' },
      h('span', { class: `tag tier-${tenant.tier}` }, tenant.tier),
      labels(tenant.placement).map((label) => h('span', { class: 'tag' }, label))) : h('p', { class: 'notice' }, `No tenant ${tenantId} in the catalog.`));
}

/** "1 down · 3 up": worst first. */
function drawSummary(summary, checks) {
  const counts = new Map();
  for (const status of checks.map((c) => c?.status).sort(byUrgency)) {
    const label = describe(status).label.toLowerCase();
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  replace(summary, [...counts].map(([label, n]) => `${n} ${label}`).join(' · '));
}

function card(ctx, tenantId, journey, check, fresh) {
  const status = check?.status;
  const run = check?.lastRun;
  const name = ctx.journeys.get(journey.id)?.name;
  return h('article', {
    class: `card status-${(status ?? 'none').toLowerCase()}${fresh ? ' fresh' : ''}`,
    dataset: { tenant: tenantId, journey: journey.id, status: status ?? 'NONE', lastRun: run?.runId ?? '' },
  },
  h('header', {},
    h('h2', { title: name && name !== journey.id ? name : null }, journey.id),
    badge(status)),
  h('p', { class: 'since' },
    check?.since ? `since ${time(check.since)} (${lasting(check.since)})` : 'no status yet',
    check?.reason && status !== 'UP' ? h('span', { class: 'reason' }, ` — ${check.reason}`) : null),
  sparkline(check?.recentRuns ?? [], journey.budgetMs),
  run ? [
    h('p', { class: 'last-run' },
      `Last run ${time(run.startedAt)} · `, outcome(run.outcome), ` in ${ms(run.durationMs)}`,
      journey.budgetMs ? ` · budget ${ms(journey.budgetMs)}` : '',
      journey.intervalSeconds ? ` · every ${every(journey.intervalSeconds)}` : ''),
    run.outcome !== 'PASSED' && run.message ? h('p', { class: 'run-message' }, run.errorClass ? `${run.errorClass}: ` : '', run.message) : null,
    waterfall(run),
  ] : null);
}

function every(seconds) {
  return seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}

function show(el, text) {
  el.textContent = text;
  el.hidden = false;
}

/**
 * The failed, errored and timed-out runs of the last days, newest first; a row opens that run's
 * waterfall. New failures are added live.
 */
class FailureHistory {
  constructor(tenantId) {
    this.tenantId = tenantId;
    this.runs = [];
    this.body = h('tbody');
    this.note = h('p', { class: 'muted' }, 'Loading…');
    this.table = h('table', { hidden: true },
      h('thead', {}, h('tr', {}, h('th', {}, 'Time'), h('th', {}, 'Journey'), h('th', {}, 'Outcome'), h('th', {}, 'Message'))),
      this.body);
    this.element = h('section', { class: 'panel failures' }, h('h2', {}, 'Failure history'), this.table, this.note);
  }

  async load() {
    const from = new Date(Date.now() - HISTORY_DAYS * 86400000).toISOString();
    try {
      // one query per outcome: the API filters on one outcome at a time
      const pages = await Promise.all(FAILURES.map((outcome) =>
        get('/runs', { tenant: this.tenantId, outcome, from, limit: HISTORY_ROWS })));
      pages.forEach((page) => page.items.forEach((run) => this.merge(run)));
      this.draw();
    } catch (e) {
      this.note.textContent = `Could not load the failure history: ${e.message}`;
    }
    this.element.dataset.loaded = 'true';
  }

  add(run) {
    if (FAILURES.includes(run.outcome)) {
      this.merge(run);
      this.draw();
    }
  }

  merge(run) {
    if (this.runs.some((r) => r.runId === run.runId)) return;
    this.runs.push(run);
    this.runs.sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
    this.runs.length = Math.min(this.runs.length, HISTORY_ROWS);
  }

  draw() {
    this.note.textContent = this.runs.length ? '' : `No failures in the last ${HISTORY_DAYS} days.`;
    this.table.hidden = !this.runs.length;
    replace(this.body, this.runs.map((run) => {
      const open = h('button', { class: 'link', type: 'button', 'aria-expanded': 'false', title: 'Show the steps of this run' },
        time(run.startedAt));
      const row = h('tr', { dataset: { run: run.runId } },
        h('td', {}, open), h('td', {}, run.journeyId), h('td', {}, outcome(run.outcome)),
        h('td', { class: 'message' }, run.errorClass ? h('strong', {}, `${run.errorClass} `) : null, run.message));
      open.addEventListener('click', () => this.toggle(row, open, run.runId));
      return row;
    }));
  }

  async toggle(row, button, runId) {
    if (row.nextElementSibling?.classList.contains('run-detail')) {
      row.nextElementSibling.remove();
      button.setAttribute('aria-expanded', 'false');
      return;
    }
    const cell = h('td', { colspan: 4 }, 'Loading…');
    row.after(h('tr', { class: 'run-detail' }, cell));
    button.setAttribute('aria-expanded', 'true');
    try {
      replace(cell, waterfall(await get(`/runs/${encodeURIComponent(runId)}`)));
    } catch (e) {
      replace(cell, `Could not load the run: ${e.message}`);
    }
  }
}
