// Builds DOM nodes without innerHTML: every text that comes from the server (Odoo's error
// messages among them) is set as text, never parsed as markup.

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * An HTML element. `attrs`: `class`, `dataset` (an object), `on` (event name → listener),
 * `style` (an object of CSSOM properties: the page's CSP forbids style attributes), other keys
 * as attributes (skipped when null/undefined/false). Children: nodes, strings, arrays, nullish.
 */
export function h(tag, attrs = {}, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

/** An SVG element, same arguments as {@link h}. */
export function s(tag, attrs = {}, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

function fill(el, attrs, children) {
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'on') for (const [event, fn] of Object.entries(value)) el.addEventListener(event, fn);
    else if (key === 'style') Object.assign(el.style, value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces the children of `el`. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}
