// The login page: one field for the token. It is checked with GET /api/v1/me before the
// dashboard opens; a throttled client is told how long to wait.

import { h, replace } from '../dom.js';

/**
 * Shows the form in `main`. `submit(token)` resolves when the token is accepted and rejects with
 * an ApiError otherwise; `message` is shown first (why we are back here).
 */
export function showLogin(main, { message, submit }) {
  const input = h('input', {
    id: 'token', name: 'token', type: 'password', autocomplete: 'off', spellcheck: 'false', required: true,
    placeholder: 'vgl_…', 'aria-describedby': 'login-help',
  });
  const button = h('button', { type: 'submit' }, 'Log in');
  const status = h('p', { class: 'login-message', role: 'alert' }, message ?? '');
  let countdown;

  const wait = (seconds) => {
    button.disabled = true;
    let left = seconds;
    const tick = () => {
      if (left <= 0) {
        clearInterval(countdown);
        button.disabled = false;
        status.textContent = 'You can try again now.';
        return;
      }
      status.textContent = `Too many attempts: retry in ${left} s.`;
      left -= 1;
    };
    tick();
    countdown = setInterval(tick, 1000);
  };

  const form = h('form', {
    class: 'login',
    on: {
      submit: async (event) => {
        event.preventDefault();
        const value = input.value.trim();
        if (!value) return;
        button.disabled = true;
        status.textContent = 'Checking…';
        try {
          await submit(value);
        } catch (e) {
          input.value = '';
          if (e.status === 429) {
            wait(e.retryAfter ?? 60);
            return;
          }
          status.textContent = e.status === 401 ? 'This token was refused. Check it, or ask for a new one.' : e.message;
          button.disabled = false;
          input.focus();
        }
      },
    },
  },
  h('h1', {}, 'Vigil'),
  h('p', { class: 'login-lead' }, 'Synthetic monitoring of your Odoo: is it working for your people right now?'),
  h('label', { for: 'token' }, 'Access token'),
  input,
  button,
  status,
  h('p', { id: 'login-help', class: 'help' },
    'A tenant admin token shows your own tenant; a platform token shows every tenant. ',
    'Ask your platform team for one, or take one of those ', h('code', {}, 'vigil demo'), ' prints when it starts. ',
    'The token is kept in this tab only, until you log out or close it.'));

  replace(main, h('section', { class: 'login-page' }, form));
  input.focus();
  return { close: () => clearInterval(countdown) };
}
