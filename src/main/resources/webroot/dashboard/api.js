// The REST API (/api/v1), authenticated with the session's bearer token.

import { token } from './session.js';

const BASE = '/api/v1';
/** A dashboard must not hang on a stuck request: it fails, says so, and the next refresh retries. */
const TIMEOUT_MS = 15000;

/**
 * A refused or failed call. `status` is the HTTP status (0 when Vigil could not be reached);
 * `retryAfter` the seconds of a 429's Retry-After header; title/detail from problem+json.
 */
class ApiError extends Error {
  constructor(status, title, detail, retryAfter) {
    super(detail ? `${title}: ${detail}` : title);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.retryAfter = retryAfter;
  }
}

let onRefused = () => {};

/** Called when a call answers 401 (token revoked or expired): the app goes back to the login page. */
export function whenRefused(handler) {
  onRefused = handler;
}

/**
 * GETs `path` (below /api/v1) with the query `params` (nullish values left out) and returns the
 * parsed JSON. Throws an {@link ApiError}; a 401 also calls the {@link whenRefused} handler.
 */
export async function get(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') query.set(key, value);
  }
  const url = BASE + path + (String(query) ? `?${query}` : '');
  let response;
  try {
    response = await fetch(url, {
      headers: { Authorization: `Bearer ${token()}`, Accept: 'application/json' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
      cache: 'no-store',
    });
  } catch (e) {
    throw new ApiError(0, e.name === 'TimeoutError' ? 'Vigil did not answer in time' : 'Vigil is unreachable');
  }
  if (response.ok) return response.json();
  const error = await problem(response);
  if (response.status === 401) onRefused(error);
  throw error;
}

async function problem(response) {
  let body = {};
  try {
    body = await response.json();
  } catch {
    // not problem+json (a proxy's page): the status says enough
  }
  const retryAfter = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
  return new ApiError(response.status, body.title || response.statusText || `HTTP ${response.status}`,
    body.detail, Number.isFinite(retryAfter) ? retryAfter : undefined);
}
