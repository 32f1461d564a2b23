// Charts drawn with SVG and CSS, no library: a latency sparkline, a step waterfall and
// horizontal bar groups. Each carries a text alternative (aria-label, titles) for what it shows.

import { h, s } from './dom.js';
import { ms, time } from './format.js';

const FAILED = new Set(['FAILED', 'ERRORED', 'TIMED_OUT']);

/**
 * The duration of each recent run, oldest left, with the budget as a dashed line. Failed runs are
 * red dots (hover: time, outcome, message), runs over budget amber ones.
 */
export function sparkline(runs, budgetMs, { width = 320, height = 72 } = {}) {
  const top = 12;
  const bottom = height - 4;
  if (!runs.length) {
    return h('p', { class: 'spark-empty' }, 'Waiting for the first run…');
  }
  const highest = Math.max(...runs.map((r) => r.durationMs), budgetMs ? budgetMs * 1.2 : 0);
  const y = (value) => bottom - (value / highest) * (bottom - top);
  const step = (width - 8) / Math.max(runs.length - 1, 1);
  const x = (i) => 4 + i * step;
  const points = runs.map((r, i) => `${x(i).toFixed(1)},${y(r.durationMs).toFixed(1)}`);
  const failed = runs.filter((r) => FAILED.has(r.outcome)).length;
  const median = [...runs].map((r) => r.durationMs).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  const label = `Last ${runs.length} runs: latest ${ms(runs[runs.length - 1].durationMs)}, median ${ms(median)}`
    + (budgetMs ? `, budget ${ms(budgetMs)}` : '') + (failed ? `, ${failed} failed` : '');
  return s('svg', { class: 'spark', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label },
    s('title', {}, label),
    s('polygon', { class: 'spark-area', points: `${x(0)},${bottom} ${points.join(' ')} ${x(runs.length - 1)},${bottom}` }),
    s('polyline', { class: 'spark-line', points: points.join(' ') }),
    s('text', { class: 'spark-scale', x: 2, y: 9 }, `${ms(highest)}`),
    budgetMs ? [
      s('line', { class: 'spark-budget', x1: 0, x2: width, y1: y(budgetMs), y2: y(budgetMs) }),
      s('text', { class: 'spark-budget-label', x: width - 2, y: y(budgetMs) - 3, 'text-anchor': 'end' }, `budget ${ms(budgetMs)}`),
    ] : null,
    runs.map((r, i) => {
      const bad = FAILED.has(r.outcome);
      const last = i === runs.length - 1;
      if (!bad && !r.overBudget && !last) return null;
      return s('circle', {
        class: bad ? 'spark-dot failed' : r.overBudget ? 'spark-dot over' : 'spark-dot',
        cx: x(i), cy: y(r.durationMs), r: bad ? 3.5 : 2.5,
      }, s('title', {}, `${time(r.startedAt)} ${r.outcome} ${ms(r.durationMs)}${r.message ? ` — ${r.message}` : ''}`));
    }));
}

/**
 * The steps of one run as bars on a shared time axis, each starting where the steps before it
 * ended. A failed step is red with its message below; skipped steps are counted, not drawn.
 */
export function waterfall(run) {
  const phases = [['', run.steps ?? []], ['teardown', run.teardown ?? []]];
  const ran = (steps) => steps.filter((st) => st.outcome !== 'SKIPPED');
  const total = phases.reduce((sum, [, steps]) => sum + ran(steps).reduce((t, st) => t + st.durationMs, 0), 0) || 1;
  let offset = 0;
  const rows = [];
  for (const [phase, steps] of phases) {
    if (phase && ran(steps).length) rows.push(h('div', { class: 'wf-phase' }, phase));
    for (const step of ran(steps)) {
      const bad = FAILED.has(step.outcome);
      const marks = [step.soft ? 'soft' : null, step.overBudget ? 'over budget' : null, step.usedFallback ? 'fallback' : null]
        .filter(Boolean);
      rows.push(h('div', { class: `wf-row${bad ? ' failed' : ''}${step.overBudget ? ' over' : ''}`, dataset: { step: step.name } },
        h('span', { class: 'wf-name', title: `${step.name} (${step.kind})` }, step.name),
        h('span', { class: 'wf-track' },
          h('span', {
            class: 'wf-bar',
            style: { left: `${(offset / total) * 100}%`, width: `${(step.durationMs / total) * 100}%` },
          })),
        h('span', { class: 'wf-ms' }, bad ? step.outcome.replace('_', ' ') : ms(step.durationMs))));
      if (bad || marks.length) {
        rows.push(h('div', { class: `wf-note${bad ? ' failed' : ''}` },
          [bad && step.errorClass ? `${step.errorClass}: ` : '', bad ? step.message : '', marks.length ? ` (${marks.join(', ')})` : '']));
      }
      offset += step.durationMs;
    }
  }
  const skipped = phases.reduce((n, [, steps]) => n + steps.length - ran(steps).length, 0);
  return h('div', { class: 'waterfall', role: 'group', 'aria-label': `Steps of run ${run.runId}` },
    rows, skipped ? h('div', { class: 'wf-phase' }, `${skipped} step${skipped > 1 ? 's' : ''} skipped`) : null);
}

/**
 * Horizontal bars in groups on one scale. `groups`: `[{label, href?, bars: [{value, cls, text, title}]}]`;
 * a bar with a null value reads "no runs". `format` turns a value into its printed text.
 */
export function barGroups(groups, { format = ms, width = 520, label = 'bars' } = {}) {
  const labelWidth = 170;
  const valueWidth = 64;
  const barHeight = 12;
  const gap = 3;
  const groupGap = 10;
  const highest = Math.max(1e-9, ...groups.flatMap((g) => g.bars.map((b) => b.value ?? 0)));
  const scale = (width - labelWidth - valueWidth) / highest;
  let y = 0;
  const parts = [];
  for (const group of groups) {
    parts.push(s('text', { class: 'bars-label', x: 0, y: y + barHeight - 2 }, group.label));
    for (const bar of group.bars) {
      const missing = bar.value === null || bar.value === undefined;
      parts.push(s('g', { class: `bar ${bar.cls}` },
        s('title', {}, bar.title),
        missing ? null : s('rect', { x: labelWidth, y, width: Math.max(1, bar.value * scale), height: barHeight, rx: 2 }),
        s('text', { class: 'bars-value', x: labelWidth + (missing ? 0 : bar.value * scale) + 4, y: y + barHeight - 2 },
          missing ? 'no runs' : format(bar.value))));
      y += barHeight + gap;
    }
    y += groupGap;
  }
  return s('svg', { class: 'bars', viewBox: `0 0 ${width} ${Math.max(y, 1)}`, role: 'img', 'aria-label': label }, parts);
}
