// How numbers and times read on the dashboard: short, in the viewer's time zone.

/** 812 ms, 1.24 s, 3 s, 12.5 s; '–' when unknown. */
export function ms(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  if (value < 1000) return `${Math.round(value)} ms`;
  return `${Number((value / 1000).toFixed(value < 10000 ? 2 : 1))} s`;
}

/** 99.5 %; '–' when unknown. */
export function percent(ratio) {
  if (ratio === null || ratio === undefined) return '–';
  const p = ratio * 100;
  return `${p === 100 || p === 0 ? p : p.toFixed(p >= 99 ? 2 : 1)} %`;
}

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const dated = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** 14:03:05 today, 'Mar 3, 14:03' another day. */
export function time(iso) {
  if (!iso) return '–';
  const at = new Date(iso);
  return at.toDateString() === new Date().toDateString() ? clock.format(at) : dated.format(at);
}

/** 'for 5 min', 'for 2 h 10 min': how long a status has lasted. */
export function lasting(iso, now = Date.now()) {
  if (!iso) return '';
  const minutes = Math.floor((now - Date.parse(iso)) / 60000);
  if (minutes < 1) return 'for less than a minute';
  if (minutes < 60) return `for ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `for ${hours} h ${minutes % 60} min`;
  return `for ${Math.floor(hours / 24)} days`;
}

/** A tenant's placement labels as 'odoo_pool=sandbox-18'. */
export function labels(placement = {}) {
  return Object.entries(placement).map(([k, v]) => `${k}=${v}`);
}
