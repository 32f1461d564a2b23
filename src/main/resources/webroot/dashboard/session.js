// The bearer token lives in sessionStorage only: gone when the tab closes, never in the URL
// (URLs end up in history, logs and Referer headers) and never in localStorage (shared by tabs,
// kept forever). Nothing here logs or displays it.

const KEY = 'vigil.token';

export function token() {
  return sessionStorage.getItem(KEY);
}

export function keep(value) {
  sessionStorage.setItem(KEY, value);
}

export function forget() {
  sessionStorage.removeItem(KEY);
}
