// Building elements, and the toast. Every piece of input-derived text reaches the DOM as a text
// node (through `el()`, `setText()` or the Markdown renderer); nothing assigns innerHTML. Hidden
// characters (bidi controls, zero-width) in that text show as marked escapes (`appendText`).
import { appendText, renderInline } from '../markdown.js';
import { dom } from './state.js';

/**
 * Builds an element. `props`: `class`, `text`, `data` (dataset), `on` (event handlers) and plain
 * attributes. Children are nodes or strings (strings become text nodes); null, undefined and
 * false are skipped. Style and event attributes are refused: the CSP forbids them and nothing
 * here needs them.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'text') appendText(node, value);
    else if (name === 'data') Object.assign(node.dataset, value);
    else if (name === 'on') for (const [event, fn] of Object.entries(value)) node.addEventListener(event, fn);
    else if (name === 'style' || /^on/i.test(name)) throw new Error(`el(): refusing attribute ${name}`);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

const kept = (children) => children.flat().filter((child) => child !== undefined && child !== null && child !== false);

function append(node, children) {
  for (const child of kept(children)) {
    if (typeof child === 'string') appendText(node, child);
    else node.append(child);
  }
}

/** `node.replaceChildren()` minus null, undefined and false, which the DOM would show as text. */
export function setChildren(node, ...children) {
  node.replaceChildren();
  append(node, children);
}

/** `node.textContent = text`, with hidden characters shown (for text that came from the input). */
export function setText(node, text) {
  node.replaceChildren();
  appendText(node, text);
}

/**
 * Engine or input text with its code spans (backticks) as a `tag` element. Nothing else is read
 * as Markdown: messages quote keys and values, which must never become links or formatting.
 */
export const inline = (text, tag = 'span', props = {}) => renderInline(text, el(tag, props), { codeOnly: true });

/** The rule docs' inline Markdown (backticks, links, bold) as a `tag` element. */
export const docInline = (text, tag = 'span', props = {}) => renderInline(text, el(tag, props));

export const byId = (id) => document.getElementById(id);

let toastTimer = 0;
export function toast(message) {
  setText(dom.toast, message);
  dom.toast.classList.add('show');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => dom.toast.classList.remove('show'), 4000);
}
