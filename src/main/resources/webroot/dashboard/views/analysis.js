// The noisy-neighbour findings and open alerts panel of the platform view. The analysis may not
// be wired into the server: a 404 on its endpoints reads "analysis not enabled", not an error.

import { get } from '../api.js';
import { h, replace } from '../dom.js';
import { labels, percent, time } from '../format.js';

export class AnalysisPanel {
  constructor() {
    this.findings = h('div', { class: 'findings' }, h('p', { class: 'muted' }, 'Loading…'));
    this.alerts = h('div', { class: 'alerts' });
    this.element = h('section', { class: 'panel analysis' },
      h('h2', {}, 'Noisy-neighbour findings'), this.findings,
      h('h2', {}, 'Open alerts'), this.alerts);
  }

  async load() {
    const [findings, alerts] = await Promise.allSettled([get('/findings'), get('/alerts')]);
    this.draw(this.findings, findings, finding, 'No noisy neighbours found: tenants that share a placement are not degrading together.');
    this.draw(this.alerts, alerts, alert, 'No open alerts.');
    this.element.dataset.loaded = 'true';
  }

  draw(el, result, render, none) {
    if (result.status === 'rejected') {
      replace(el, h('p', { class: 'muted', dataset: { analysis: 'off' } },
        result.reason.status === 404 ? 'Analysis not enabled on this Vigil.' : `Could not load: ${result.reason.message}`));
      return;
    }
    const open = result.value.items.filter((item) => !item.closedAt && !item.resolvedAt);
    replace(el, open.length ? h('ul', { class: 'items' }, open.map(render)) : h('p', { class: 'muted' }, none));
  }
}

/** A finding: what kind, where (the shared placement), who is suspected, who suffers, how sure. */
function finding(item) {
  const d = item.diagnosis ?? item;
  const where = labels(d.placement).join(', ');
  return h('li', { class: 'item' },
    h('strong', {}, humane(d.kind ?? 'finding')), where ? ` on ${where}` : '',
    h('div', {},
      d.suspects?.length ? ['suspect ', h('strong', {}, d.suspects.join(', ')), '; '] : '',
      d.victims?.length ? `degraded: ${d.victims.join(', ')}` : ''),
    h('div', { class: 'muted' },
      [d.since ?? item.openedAt ? `since ${time(d.since ?? item.openedAt)}` : '',
        d.confidence !== undefined ? `confidence ${percent(d.confidence)}` : '',
        d.source && d.source !== 'none' ? `from ${d.source}` : ''].filter(Boolean).join(' · ')));
}

/** An alert: severity, what, since when, and its runbook. */
function alert(item) {
  const cause = item.cause ?? item;
  const severity = String(cause.severity ?? 'info').toLowerCase();
  return h('li', { class: 'item' },
    h('span', { class: `severity severity-${severity}` }, severity), ' ',
    h('strong', {}, humane(cause.kind ?? 'alert')), ' ', cause.summary ?? '',
    h('div', { class: 'muted' },
      item.openedAt ? `since ${time(item.openedAt)} ` : '',
      item.runbook ? h('a', { href: item.runbook, target: '_blank', rel: 'noopener' }, 'runbook') : null));
}

/** SHARED_RESOURCE_CONTENTION or shared-resource-contention → "Shared resource contention". */
function humane(kind) {
  const words = String(kind).toLowerCase().replace(/[_-]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
