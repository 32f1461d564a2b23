// The platform view: every tenant × journey at a glance (a heatmap by status or by p95), tenants
// ranked by degradation, shared vs dedicated compared per journey, and the noisy-neighbour panel.
// Statuses are live; latency figures come from GET /compare, refreshed every minute.

import { get } from '../api.js';
import { barGroups } from '../charts.js';
import { h, replace } from '../dom.js';
import { ms, percent, time } from '../format.js';
import { badge, describe, ORDER } from '../status.js';
import { AnalysisPanel } from './analysis.js';

const COMPARE_REFRESH_MS = 60000;
const WINDOWS = { '1 h': 3600000, '24 h': 86400000, '7 days': 7 * 86400000 };
const METRICS = {
  p50Ms: { label: 'p50', format: ms },
  p95Ms: { label: 'p95', format: ms },
  p99Ms: { label: 'p99', format: ms },
  successRatio: { label: 'success', format: percent },
};
const TIERS = ['shared', 'dedicated'];

export function showPlatform(main, ctx) {
  const state = { mode: 'status', window: '1 h', metric: 'p95Ms', journey: null, compare: new Map(), compareError: null };
  const tiles = h('div', { class: 'tiles', 'aria-live': 'polite' });
  const heat = h('div', { class: 'heatmap-wrap' });
  const ranking = h('ol', { class: 'ranking' });
  const tiers = h('div', { class: 'tier-chart' });
  const placements = h('div', { class: 'placement-chart' });
  const journeyPick = h('span');
  const compareNote = h('p', { class: 'muted' });
  const analysis = new AnalysisPanel();

  const toggle = h('div', { class: 'toggle', role: 'group', 'aria-label': 'Colour cells by' },
    ['status', 'p95'].map((mode) => h('button', {
      type: 'button', dataset: { mode }, 'aria-pressed': String(state.mode === mode),
      on: { click: () => { state.mode = mode; render(); } },
    }, mode === 'status' ? 'Status' : 'p95 vs budget')));
  const windowSelect = select('Window', Object.keys(WINDOWS), state.window, (value) => { state.window = value; refresh(); });
  const metricSelect = select('Metric', Object.keys(METRICS), state.metric, (value) => { state.metric = value; render(); },
    (key) => METRICS[key].label);

  replace(main, h('section', { class: 'platform-view' },
    h('header', { class: 'view-head' }, h('h1', {}, 'All tenants'), h('div', { class: 'controls' }, windowSelect)),
    tiles,
    h('section', { class: 'panel' }, h('div', { class: 'panel-head' }, h('h2', {}, 'Tenants × journeys'), toggle), heat),
    h('div', { class: 'columns' },
      h('div', { class: 'column' }, h('section', { class: 'panel' }, h('h2', {}, 'Most degraded tenants'), ranking), analysis.element),
      h('div', { class: 'column' }, h('section', { class: 'panel' },
        h('div', { class: 'panel-head' }, h('h2', {}, 'Shared vs dedicated'), metricSelect), tiers, compareNote),
      h('section', { class: 'panel' }, h('div', { class: 'panel-head' }, h('h2', {}, 'By placement'), journeyPick), placements)))));

  let frame = 0;
  const render = () => {
    frame = 0;
    const tenants = [...ctx.tenants.values()].sort((a, b) => a.name.localeCompare(b.name));
    const journeyIds = [...new Set(tenants.flatMap((t) => t.journeys.map((j) => j.id)))];
    drawTiles(tiles, ctx);
    drawHeatmap(heat, ctx, state, tenants, journeyIds);
    toggle.querySelectorAll('button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.mode === state.mode)));
    drawRanking(ranking, ctx, state, tenants);
    drawTiers(tiers, state, journeyIds);
    state.journey = journeyIds.includes(state.journey) ? state.journey : journeyIds[0];
    replace(journeyPick, select('Journey', journeyIds, state.journey, (value) => { state.journey = value; render(); }));
    drawPlacements(placements, state);
    compareNote.textContent = state.compareError
      ? `Latency figures unavailable: ${state.compareError}`
      : `Runs of the last ${state.window}; bars show each tier's ${METRICS[state.metric].label} over its tenants' runs.`;
  };
  const schedule = () => { frame ||= requestAnimationFrame(render); };

  const refresh = async () => {
    const to = new Date();
    const from = new Date(to - WINDOWS[state.window]);
    const journeyIds = [...new Set([...ctx.tenants.values()].flatMap((t) => t.journeys.map((j) => j.id)))];
    try {
      const results = await Promise.all(journeyIds.map((journey) =>
        get('/compare', { journey, from: from.toISOString(), to: to.toISOString() })));
      state.compare = new Map(results.map((r) => [r.journey, r]));
      state.compareError = null;
    } catch (e) {
      state.compareError = e.message;
    }
    tiers.dataset.loaded = 'true';
    schedule();
  };
  const analysisChanged = () => analysis.load();

  ctx.checks.addEventListener('change', schedule);
  ctx.checks.addEventListener('analysis', analysisChanged);
  const timer = setInterval(() => { refresh(); analysis.load(); }, COMPARE_REFRESH_MS);
  get('/status')
    .then((status) => ctx.checks.load(status.items))
    .catch(() => {}); // the live snapshot brings the same; the heatmap shows "no data" meanwhile
  refresh();
  analysis.load();
  render();

  return {
    close() {
      ctx.checks.removeEventListener('change', schedule);
      ctx.checks.removeEventListener('analysis', analysisChanged);
      clearInterval(timer);
      cancelAnimationFrame(frame);
    },
  };
}

function select(label, options, value, changed, text = (o) => o) {
  return h('label', { class: 'select' }, `${label} `,
    h('select', { on: { change: (e) => changed(e.target.value) } },
      options.map((o) => h('option', { value: o, selected: o === value }, text(o)))));
}

function drawTiles(tiles, ctx) {
  const counts = Object.fromEntries([...ORDER, undefined].map((s) => [s, 0]));
  for (const check of ctx.checks.all()) counts[check.status] = (counts[check.status] ?? 0) + 1;
  replace(tiles, [...ORDER, undefined].filter((s) => s || counts[s]).map((status) =>
    h('div', { class: `tile status-${(status ?? 'none').toLowerCase()}`, dataset: { status: status ?? 'NONE' } },
      h('span', { class: 'tile-count' }, String(counts[status])),
      h('span', { class: 'tile-label' }, describe(status).label))));
}

/** p95 over the window and its ratio to the budget (undefined without runs or without a budget). */
function latency(state, tenant, journeyId) {
  const row = state.compare.get(journeyId)?.tenants?.find((t) => t.tenantId === tenant.id);
  const budgetMs = tenant.journeys.find((j) => j.id === journeyId)?.budgetMs;
  const p95 = row?.p95Ms;
  return { p95, budgetMs, ratio: p95 !== undefined && p95 !== null && budgetMs ? p95 / budgetMs : undefined };
}

function drawHeatmap(el, ctx, state, tenants, journeyIds) {
  const cell = (tenant, journeyId) => {
    if (!tenant.journeys.some((j) => j.id === journeyId)) return h('td', { class: 'cell off' }, h('span', { class: 'sr' }, 'not run'));
    const check = ctx.checks.get(tenant.id, journeyId);
    const { p95, budgetMs, ratio } = latency(state, tenant, journeyId);
    const title = `${tenant.name} · ${journeyId}: ${describe(check?.status).label}`
      + (check?.since ? ` since ${time(check.since)}` : '')
      + `\np95 ${ms(p95)}${budgetMs ? ` (budget ${ms(budgetMs)})` : ''} over ${state.window}`
      + (check?.lastRun ? `\nlast run ${time(check.lastRun.startedAt)} ${check.lastRun.outcome} in ${ms(check.lastRun.durationMs)}` : '');
    const content = state.mode === 'status'
      ? badge(check?.status)
      : h('span', { class: `p95 ${band(ratio)}` }, ms(p95));
    return h('td', {
      class: `cell ${state.mode === 'status' ? `status-${(check?.status ?? 'none').toLowerCase()}` : `p95-${band(ratio)}`}`,
      title, dataset: { tenant: tenant.id, journey: journeyId, status: check?.status ?? 'NONE', lastRun: check?.lastRun?.runId ?? '' },
    }, h('a', { href: `#/tenant/${encodeURIComponent(tenant.id)}`, 'aria-label': title.replaceAll('\n', '; ') }, content));
  };
  replace(el, h('table', { class: 'heatmap' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Tenant'), journeyIds.map((j) => h('th', { scope: 'col' }, j)))),
    h('tbody', {}, tenants.map((tenant) => h('tr', {},
      h('th', { scope: 'row' },
        h('a', { href: `#/tenant/${encodeURIComponent(tenant.id)}` }, tenant.name),
        h('span', { class: `tag tier-${tenant.tier}` }, tenant.tier)),
      journeyIds.map((j) => cell(tenant, j)))))),
  state.mode === 'p95' ? h('p', { class: 'legend' },
    h('span', { class: 'p95 ok' }, 'under 80 % of budget'), h('span', { class: 'p95 near' }, '80–100 %'),
    h('span', { class: 'p95 over' }, 'over budget'), h('span', { class: 'p95 none' }, 'no budget or no runs')) : null);
}

function band(ratio) {
  if (ratio === undefined) return 'none';
  if (ratio >= 1) return 'over';
  return ratio >= 0.8 ? 'near' : 'ok';
}

/** Worst first: most checks DOWN, then PENDING, then DEGRADED, then the highest p95 to budget ratio. */
function drawRanking(el, ctx, state, tenants) {
  const scored = tenants.map((tenant) => {
    const counts = { DOWN: 0, PENDING: 0, DEGRADED: 0 };
    let worst = { ratio: 0 };
    for (const journey of tenant.journeys) {
      const status = ctx.checks.get(tenant.id, journey.id)?.status;
      if (status in counts) counts[status] += 1;
      const { ratio } = latency(state, tenant, journey.id);
      if (ratio !== undefined && ratio > worst.ratio) worst = { ratio, journeyId: journey.id };
    }
    return { tenant, counts, worst };
  });
  scored.sort((a, b) => b.counts.DOWN - a.counts.DOWN || b.counts.PENDING - a.counts.PENDING
    || b.counts.DEGRADED - a.counts.DEGRADED || b.worst.ratio - a.worst.ratio);
  replace(el, scored.map(({ tenant, counts, worst }) => {
    const bad = Object.entries(counts).filter(([, n]) => n > 0);
    return h('li', { dataset: { tenant: tenant.id } },
      h('a', { href: `#/tenant/${encodeURIComponent(tenant.id)}` }, tenant.name),
      h('span', { class: 'rank-detail' },
        bad.length ? bad.map(([status, n]) => [badge(status, { short: true }), ` ${n} ${describe(status).label.toLowerCase()} `])
          : 'all passing',
        worst.journeyId ? h('span', { class: `p95 ${band(worst.ratio)}` }, `p95 at ${Math.round(worst.ratio * 100)} % of budget (${worst.journeyId})`) : null));
  }));
}

function drawTiers(el, state, journeyIds) {
  const { format, label } = METRICS[state.metric];
  const groups = journeyIds.filter((j) => state.compare.has(j)).map((journeyId) => {
    const byTier = state.compare.get(journeyId).byTier ?? {};
    return {
      label: journeyId,
      bars: TIERS.map((tier) => {
        const stats = byTier[tier];
        const value = stats && stats.runs ? stats[state.metric] : null;
        return {
          value, cls: `tier-${tier}`,
          title: `${journeyId}, ${tier} tenants: ${label} ${value === null ? 'no runs' : format(value)}`
            + (stats?.runs ? ` over ${stats.runs} runs, ${percent(stats.successRatio)} passed` : ''),
        };
      }),
    };
  });
  replace(el,
    h('p', { class: 'legend' }, TIERS.map((tier) => h('span', { class: `swatch tier-${tier}` }, tier))),
    groups.length ? barGroups(groups, { format, label: `${label} of shared and dedicated tenants per journey` })
      : h('p', { class: 'muted' }, 'No runs to compare yet.'));
}

/**
 * The chosen journey's metric per placement label (a shared Odoo pool, a PostgreSQL server): a
 * label far worse than the others points at what its tenants share.
 */
function drawPlacements(el, state) {
  const { format, label } = METRICS[state.metric];
  const byPlacement = state.compare.get(state.journey)?.byPlacement ?? {};
  const groups = Object.entries(byPlacement).sort(([a], [b]) => a.localeCompare(b)).map(([placement, stats]) => {
    const value = stats.runs ? stats[state.metric] : null;
    return {
      label: placement,
      bars: [{
        value, cls: 'placement',
        title: `${state.journey} on ${placement}: ${label} ${value === null ? 'no runs' : format(value)}`
          + (stats.runs ? ` over ${stats.runs} runs, ${percent(stats.successRatio)} passed` : ''),
      }],
    };
  });
  replace(el, groups.length ? barGroups(groups, { format, label: `${label} of ${state.journey} per placement` })
    : h('p', { class: 'muted' }, 'No runs to compare yet.'));
}
