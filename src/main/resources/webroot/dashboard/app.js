// The dashboard's shell: login, who is logged in, the live stream, the header, and which view
// the location's hash asks for (#/platform, #/tenant/<id>). Holds no token in the URL: the hash
// only names what to show.

import { get, whenRefused } from './api.js';
import { Checks } from './checks.js';
import { h, replace } from './dom.js';
import { time } from './format.js';
import { LiveStream } from './live.js';
import * as session from './session.js';
import { showLogin } from './views/login.js';
import { showPlatform } from './views/platform.js';
import { showTenant } from './views/tenant.js';

const main = document.getElementById('main');
const top = document.getElementById('top');

let context = null; // {me, checks, stream, tenants: Map, journeys: Map} while logged in
let view = null;

// while logging in, the login form itself says why a token was refused
whenRefused(() => context && logOut('Your token was refused or revoked: log in with a valid one.'));

function logOut(message) {
  session.forget();
  context?.stream.stop();
  context = null;
  open(null);
  top.hidden = true;
  view = showLogin(main, { message, submit: logIn });
}

async function logIn(token) {
  session.keep(token);
  try {
    await enter();
  } catch (e) {
    session.forget();
    throw e;
  }
}

/** With a token in the session: asks who we are, loads the catalog, opens the stream and a view. */
async function enter() {
  const me = await get('/me');
  if (me.role !== 'tenant-admin' && me.role !== 'platform') {
    const refusal = new Error('This token is for deployment gates: the dashboard needs a tenant admin or platform token.');
    refusal.status = 403;
    throw refusal;
  }
  const checks = new Checks();
  context = { me, checks, ...await catalog() };
  context.stream = new LiveStream(me.role === 'platform' ? { all: true } : { tenants: [me.tenant] }, {
    message: receive,
    state: showLive,
    refused: () => logOut('Your token was refused or revoked: log in with a valid one.'),
  });
  context.stream.start();
  checks.addEventListener('change', () => {
    document.getElementById('updated').textContent = checks.updatedAt ? `updated ${time(checks.updatedAt.toISOString())}` : '';
  });
  header();
  route();
}

/** Tenants (with their journeys' budgets) and journeys: the catalog, loaded again when it may have changed. */
async function catalog() {
  const [tenants, journeys] = await Promise.all([get('/tenants'), get('/journeys')]);
  return {
    tenants: new Map(tenants.items.map((t) => [t.id, t])),
    journeys: new Map(journeys.items.map((j) => [j.id, j])),
  };
}

function receive(msg) {
  const { checks } = context;
  switch (msg.type) {
    case 'snapshot':
      // applied at once: the deltas that follow build on it
      checks.snapshot(msg.checks ?? []);
      // a snapshot follows a reconnect or a resync: the catalog may have been reloaded meanwhile
      catalog()
        .then((loaded) => {
          if (context?.checks !== checks) return; // logged out meanwhile
          Object.assign(context, loaded);
          checks.changed();
        })
        .catch(() => {}); // the catalog we have still serves
      break;
    case 'run':
      checks.run(msg.data);
      break;
    case 'status':
      checks.status(msg.data);
      break;
    case 'finding':
    case 'alert':
      checks.dispatchEvent(new CustomEvent('analysis'));
      break;
    case 'error':
      document.getElementById('live').title = `The live stream said: ${msg.message}`;
      break;
    default:
      // a message type newer than this page: nothing to show for it
  }
}

function showLive(state, seconds) {
  const live = document.getElementById('live');
  live.dataset.state = state;
  live.title = '';
  live.querySelector('.live-text').textContent = {
    connecting: 'connecting…',
    live: 'live',
    retrying: `reconnecting in ${seconds} s`,
  }[state];
}

function header() {
  const { me } = context;
  top.hidden = false;
  replace(document.getElementById('who'),
    me.role === 'platform' ? 'platform' : `tenant admin · ${context.tenants.get(me.tenant)?.name ?? me.tenant}`);
}

/** Opens the view the hash names; a tenant admin only ever sees its own tenant. */
function route() {
  if (!context) return;
  const { me } = context;
  const match = /^#\/tenant\/(.+)$/.exec(location.hash);
  const own = `#/tenant/${encodeURIComponent(me.tenant ?? '')}`;
  if (me.role === 'tenant-admin' && location.hash !== own) {
    location.replace(own);
    return;
  }
  if (me.role === 'platform' && !match && location.hash !== '#/platform') {
    location.replace('#/platform');
    return;
  }
  const crumbs = document.getElementById('crumbs');
  if (match) {
    const tenantId = decodeURIComponent(match[1]);
    replace(crumbs, me.role === 'platform' ? [h('a', { href: '#/platform' }, 'Platform'), ' › '] : null,
      context.tenants.get(tenantId)?.name ?? tenantId);
    open(() => showTenant(main, context, tenantId));
  } else {
    replace(crumbs, 'Platform');
    open(() => showPlatform(main, context));
  }
}

function open(show) {
  view?.close();
  view = show ? show() : null;
  window.scrollTo(0, 0);
}

window.addEventListener('hashchange', route);
document.getElementById('logout').addEventListener('click', () => logOut('Logged out.'));

if (session.token()) {
  enter().catch((e) => logOut(e.status === 401 ? 'Your token was refused: log in again.' : e.message));
} else {
  logOut();
}
