// The live stream (WebSocket /ws): authenticates with the session's token in the first message
// (never in the URL), subscribes, and hands every message on. Reconnects with back-off; a close
// with code 4401 means the token was refused or revoked, and is not retried.

import { token } from './session.js';

const REFUSED = 4401;
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30000;
/** A server that accepts the socket but never welcomes us is as good as down: try again. */
const WELCOME_TIMEOUT_MS = 10000;

export class LiveStream {
  /**
   * @param subscription the subscribe message's body: `{tenants: [id]}` or `{all: true}`
   * @param handlers `message(msg)` for every message after the welcome, `state(state, detail)`
   *     with state `connecting` | `live` | `retrying` (detail: seconds until the next attempt),
   *     `refused()` on close code 4401
   */
  constructor(subscription, handlers) {
    this.subscription = subscription;
    this.handlers = handlers;
    this.retryMs = FIRST_RETRY_MS;
    this.stopped = false;
  }

  start() {
    this.connect();
  }

  /** Closes the socket for good (log-out). */
  stop() {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearTimeout(this.welcomeTimer);
    this.socket?.close(1000, 'closed by the dashboard');
  }

  connect() {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${location.host}/ws`);
    this.socket = socket;
    this.handlers.state('connecting');
    socket.addEventListener('open', () => {
      socket.send(JSON.stringify({ type: 'auth', token: token() }));
      this.welcomeTimer = setTimeout(() => socket.close(4000, 'no welcome'), WELCOME_TIMEOUT_MS);
    });
    socket.addEventListener('message', (event) => this.receive(socket, event.data));
    socket.addEventListener('close', (event) => this.closed(socket, event.code));
  }

  receive(socket, data) {
    let msg;
    try {
      msg = JSON.parse(data);
    } catch {
      return; // not ours to understand; the stream goes on
    }
    if (msg.type === 'welcome') {
      clearTimeout(this.welcomeTimer);
      this.retryMs = FIRST_RETRY_MS;
      this.subscribe(socket);
      this.handlers.state('live');
    } else if (msg.type === 'resync') {
      // the server dropped events for us (we were slow, or it restarted its feed): a new snapshot
      this.subscribe(socket);
    } else {
      this.handlers.message(msg);
    }
  }

  subscribe(socket) {
    socket.send(JSON.stringify({ type: 'subscribe', ...this.subscription }));
  }

  closed(socket, code) {
    clearTimeout(this.welcomeTimer);
    if (this.stopped || socket !== this.socket) return;
    if (code === REFUSED) {
      this.stopped = true;
      this.handlers.refused();
      return;
    }
    // half of the wait is random, so that many dashboards do not all come back at once after a restart
    const wait = Math.round(this.retryMs / 2 + Math.random() * this.retryMs / 2);
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
    this.handlers.state('retrying', Math.ceil(wait / 1000));
    this.retryTimer = setTimeout(() => this.connect(), wait);
  }
}
