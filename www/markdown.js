// A small Markdown renderer for the rule docs (and the backticks in finding messages) that only
// ever builds DOM nodes: text goes in through text nodes, never through innerHTML, so even
// untrusted text cannot become markup. Supports what the rule docs use: headings, paragraphs,
// bullet and numbered lists, fenced code, inline code, autolinks, [links](url) and **bold**.

/** Block structure of `md`: `[{ type: 'heading', level, text } | { type: 'paragraph', text } |
 *  { type: 'code', lang, text } | { type: 'list', ordered, items: [text] } | { type: 'quote', text }]`. */
export function parseBlocks(md) {
  const lines = String(md).replace(/\r\n?/g, '\n').split('\n');
  const blocks = [];
  let paragraph = null;
  let list = null;
  const end = () => {
    paragraph = null;
    list = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = /^\s{0,3}(`{3,}|~{3,})\s*([\w+-]*)/.exec(line);
    if (fence) {
      end();
      const body = [];
      const close = new RegExp(`^\\s{0,3}${fence[1][0] === '`' ? '`' : '~'}{${fence[1].length},}\\s*$`);
      for (i++; i < lines.length && !close.test(lines[i]); i++) body.push(lines[i]);
      blocks.push({ type: 'code', lang: fence[2] || '', text: body.join('\n') });
      continue;
    }
    if (/^\s*$/.test(line)) {
      end();
      continue;
    }
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      end();
      blocks.push({ type: 'heading', level: heading[1].length, text: heading[2] });
      continue;
    }
    const item = /^\s{0,3}(?:([-*+])|(\d{1,9})[.)])\s+(.*)$/.exec(line);
    if (item && (list || !paragraph || item[1] || item[2] === '1')) {
      const ordered = !item[1];
      if (!list || list.ordered !== ordered) {
        paragraph = null;
        list = { type: 'list', ordered, start: ordered ? Number(item[2]) : 1, items: [] };
        blocks.push(list);
      }
      list.items.push(item[3]);
      continue;
    }
    if (list && /^\s{2,}\S/.test(line)) {
      list.items[list.items.length - 1] += ` ${line.trim()}`;
      continue;
    }
    const quote = /^\s{0,3}>\s?(.*)$/.exec(line);
    if (quote) {
      list = null;
      const last = blocks[blocks.length - 1];
      if (last?.type === 'quote' && !paragraph) last.text += ` ${quote[1]}`;
      else blocks.push({ type: 'quote', text: quote[1] });
      continue;
    }
    if (paragraph) {
      paragraph.text += `\n${line.trim()}`;
      continue;
    }
    list = null;
    paragraph = { type: 'paragraph', text: line.trim() };
    blocks.push(paragraph);
  }
  return blocks;
}

/**
 * Inline structure: `[{ type: 'text' | 'code' | 'strong' | 'link', text, href? }]`. `codeOnly`
 * reads nothing but code spans: for finding messages, which quote keys and values from the input
 * (a key `[fix](https://evil.example)` must stay text, not become a link).
 */
export function parseInline(text, { codeOnly = false } = {}) {
  const out = [];
  const push = (type, value, extra) => {
    const last = out[out.length - 1];
    if (type === 'text' && last?.type === 'text') last.text += value;
    else out.push({ type, text: value, ...extra });
  };
  let i = 0;
  const s = String(text);
  while (i < s.length) {
    const c = s[i];
    if (codeOnly && c !== '`') {
      const next = s.indexOf('`', i + 1);
      const end = next < 0 ? s.length : next;
      push('text', s.slice(i, end));
      i = end;
      continue;
    }
    if (c === '\\' && i + 1 < s.length && /[\\`*_[\]()<>#!|-]/.test(s[i + 1])) {
      push('text', s[i + 1]);
      i += 2;
      continue;
    }
    if (c === '`') {
      let run = 1;
      while (s[i + run] === '`') run++;
      const fence = '`'.repeat(run);
      let close = s.indexOf(fence, i + run);
      while (close >= 0 && s[close + run] === '`') close = s.indexOf(fence, close + run + 1);
      if (close >= 0) {
        let code = s.slice(i + run, close).replace(/\n/g, ' ');
        if (/^ .* $/.test(code) && code.trim()) code = code.slice(1, -1);
        push('code', code);
        i = close + run;
        continue;
      }
      push('text', fence);
      i += run;
      continue;
    }
    if (c === '<') {
      const auto = /^<((?:https?|mailto):[^\s<>]+)>/i.exec(s.slice(i));
      if (auto) {
        push('link', auto[1], { href: auto[1] });
        i += auto[0].length;
        continue;
      }
    }
    if (c === '[') {
      const link = /^\[([^\]\n]+)\]\(([^()\s]+)\)/.exec(s.slice(i));
      if (link) {
        push('link', link[1], { href: link[2] });
        i += link[0].length;
        continue;
      }
    }
    if (c === '*' && s[i + 1] === '*') {
      const close = s.indexOf('**', i + 2);
      if (close > i + 2 && !/\s/.test(s[i + 2]) && !/\s/.test(s[close - 1])) {
        push('strong', s.slice(i + 2, close));
        i = close + 2;
        continue;
      }
    }
    push('text', c);
    i++;
  }
  return out;
}

/** Only web and mail links, and in-page anchors; anything else (javascript:, data:) stays text. */
export function safeHref(href) {
  if (/^#[\w/.-]*$/.test(href)) return href;
  try {
    const url = new URL(href);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Characters that change how text reads without showing themselves: bidi controls (a key with
 * U+202E reads backwards, "Trojan Source") and zero-width ones (U+200B makes two keys that look
 * the same differ). The page shows each as a visible escape, `\u202E`, so a user can tell.
 */
export const HIDDEN_CHARS = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

const HIDDEN_NAMES = {
  0x00ad: 'soft hyphen',
  0x061c: 'Arabic letter mark',
  0x180e: 'Mongolian vowel separator',
  0x200b: 'zero width space',
  0x200c: 'zero width non-joiner',
  0x200d: 'zero width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2060: 'word joiner',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0xfeff: 'zero width no-break space (BOM)',
};

const HAS_HIDDEN = new RegExp(HIDDEN_CHARS.source);

/** `\u202E` for U+202E: the escape the page shows in place of a hidden character. */
export const hiddenEscape = (ch) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** `text` with every hidden character as its visible escape (for plain-text outputs). */
export const revealHidden = (text) => String(text).replace(HIDDEN_CHARS, hiddenEscape);

/**
 * Appends `text` to `parent` as text nodes, each hidden character as a marked
 * `<span class="hidden-char">\u202E</span>` (its name in the title), never the character itself.
 */
export function appendText(parent, text) {
  const doc = parent.ownerDocument;
  const s = String(text);
  if (!HAS_HIDDEN.test(s)) {
    parent.append(doc.createTextNode(s));
    return parent;
  }
  let at = 0;
  for (const match of s.matchAll(HIDDEN_CHARS)) {
    if (match.index > at) parent.append(doc.createTextNode(s.slice(at, match.index)));
    const mark = doc.createElement('span');
    const code = match[0].charCodeAt(0);
    mark.className = 'hidden-char';
    mark.title = `hidden character U+${code.toString(16).toUpperCase().padStart(4, '0')}: ${HIDDEN_NAMES[code] ?? 'invisible'}`;
    mark.textContent = hiddenEscape(match[0]);
    parent.append(mark);
    at = match.index + 1;
  }
  if (at < s.length) parent.append(doc.createTextNode(s.slice(at)));
  return parent;
}

/** Appends the inline Markdown `text` to `parent` as DOM nodes (`options`: parseInline's). */
export function renderInline(text, parent, options = {}) {
  const doc = parent.ownerDocument;
  for (const node of parseInline(text, options)) {
    if (node.type === 'text') appendText(parent, node.text);
    else if (node.type === 'code') {
      parent.append(appendText(doc.createElement('code'), node.text));
    } else if (node.type === 'strong') {
      const strong = doc.createElement('strong');
      renderInline(node.text, strong, options);
      parent.append(strong);
    } else if (node.type === 'link') {
      const href = safeHref(node.href);
      if (!href) {
        appendText(parent, node.text);
        continue;
      }
      const a = doc.createElement('a');
      a.href = href;
      appendText(a, node.text);
      if (!href.startsWith('#')) {
        a.rel = 'noopener noreferrer';
        a.target = '_blank';
      }
      parent.append(a);
    }
  }
  return parent;
}

/**
 * Renders `md` into a DocumentFragment. `headingShift` moves heading levels down (a `##` in the
 * rule docs becomes an `h4` with a shift of 2), so the docs fit under the page's own headings.
 */
export function renderMarkdown(md, doc = document, { headingShift = 0 } = {}) {
  const fragment = doc.createDocumentFragment();
  for (const block of parseBlocks(md)) {
    if (block.type === 'heading') {
      const h = doc.createElement(`h${Math.min(6, block.level + headingShift)}`);
      renderInline(block.text, h);
      fragment.append(h);
    } else if (block.type === 'paragraph') {
      fragment.append(renderInline(block.text.replace(/\n/g, ' '), doc.createElement('p')));
    } else if (block.type === 'quote') {
      const quote = doc.createElement('blockquote');
      quote.append(renderInline(block.text, doc.createElement('p')));
      fragment.append(quote);
    } else if (block.type === 'code') {
      const pre = doc.createElement('pre');
      const code = doc.createElement('code');
      if (block.lang) code.dataset.lang = block.lang;
      code.textContent = block.text;
      pre.append(code);
      fragment.append(pre);
    } else if (block.type === 'list') {
      const list = doc.createElement(block.ordered ? 'ol' : 'ul');
      if (block.ordered && block.start !== 1) list.start = block.start;
      for (const item of block.items) list.append(renderInline(item, doc.createElement('li')));
      fragment.append(list);
    }
  }
  return fragment;
}

/** The body of the `## heading` section of `md` (up to the next heading of the same level). */
export function section(md, heading) {
  const lines = String(md).split('\n');
  const start = lines.findIndex((line) => line.replace(/^#+\s*/, '').trim() === heading && /^#+\s/.test(line));
  if (start < 0) return '';
  const level = /^#+/.exec(lines[start])[0].length;
  const body = [];
  let inFence = false;
  for (const line of lines.slice(start + 1)) {
    if (/^\s{0,3}(`{3,}|~{3,})/.test(line)) inFence = !inFence;
    const h = /^(#+)\s/.exec(line);
    if (!inFence && h && h[1].length <= level) break;
    body.push(line);
  }
  return body.join('\n').trim();
}
