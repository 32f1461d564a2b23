// Statuses as a person reads them: a colour, but always with a word and a symbol too, so that
// nobody has to tell red from green.

import { h } from './dom.js';

const STATUSES = {
  DOWN: { label: 'Down', symbol: '✕', rank: 0 },
  PENDING: { label: 'Pending', symbol: '!', rank: 1 },
  DEGRADED: { label: 'Degraded', symbol: '▲', rank: 2 },
  MAINTENANCE: { label: 'Maintenance', symbol: '‖', rank: 3 },
  UP: { label: 'Up', symbol: '✓', rank: 4 },
};
const UNKNOWN = { label: 'No data yet', symbol: '…', rank: 5 };

export const ORDER = Object.keys(STATUSES);

export function describe(status) {
  return STATUSES[status] ?? UNKNOWN;
}

/** Worst first: DOWN, PENDING, DEGRADED, MAINTENANCE, UP, no data. */
export function byUrgency(a, b) {
  return describe(a).rank - describe(b).rank;
}

/** The badge: class `status-<name>` colours it; `data-status` is what tests and styles key on. */
export function badge(status, { short = false } = {}) {
  const { label, symbol } = describe(status);
  const name = status ?? 'NONE';
  return h('span', { class: `badge status-${name.toLowerCase()}`, dataset: { status: name } },
    h('span', { class: 'symbol', 'aria-hidden': 'true' }, symbol), short ? null : ` ${label}`);
}

/** A run's outcome as a small coloured word. */
export function outcome(value) {
  return h('span', { class: `outcome outcome-${String(value).toLowerCase()}` }, String(value).replace('_', ' '));
}
