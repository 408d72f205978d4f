// Line diff (Myers' O(ND) algorithm) between the input and the fixed config.
// Pure: no DOM, so the tests run it under Node too.

/**
 * Splits text into lines; a final newline does not make an extra empty line.
 * @param {string} text
 */
export function splitLines(text) {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * The edit script turning `oldText` into `newText`, one entry per line:
 * `{ type: 'same' | 'del' | 'add', text, oldLine?, newLine? }` (1-based line numbers).
 * Past `maxEdits` differing lines (fewer for long texts: Myers costs edits × lines) it gives up
 * on a minimal script and falls back to a linear one (`resync`).
 */
export function diffLines(oldText, newText, { maxEdits = 4000 } = {}) {
  const a = splitLines(oldText);
  const b = splitLines(newText);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops = [];
  for (let i = 0; i < start; i++) ops.push({ type: 'same', text: a[i], oldLine: i + 1, newLine: i + 1 });
  const middleA = a.slice(start, endA);
  const middleB = b.slice(start, endB);
  const budget = Math.max(1, Math.min(maxEdits, Math.floor(MYERS_WORK / (middleA.length + middleB.length + 1))));
  const middle = myers(middleA, middleB, budget) ?? resync(middleA, middleB);
  let oldLine = start + 1;
  let newLine = start + 1;
  // Plain object literals, not spreads: a 5 MB text has hundreds of thousands of lines.
  for (const op of middle) {
    if (op.type === 'same') ops.push({ type: 'same', text: op.text, oldLine: oldLine++, newLine: newLine++ });
    else if (op.type === 'del') ops.push({ type: 'del', text: op.text, oldLine: oldLine++ });
    else ops.push({ type: 'add', text: op.text, newLine: newLine++ });
  }
  for (let i = endA; i < a.length; i++) {
    ops.push({ type: 'same', text: a[i], oldLine: oldLine++, newLine: newLine++ });
  }
  return ops;
}

/** About how many steps Myers may take before the linear fallback: well under a second. */
const MYERS_WORK = 20_000_000;

/**
 * A linear edit script, not always minimal: equal lines are kept, and at a difference it skips
 * to the nearest pair of equal lines at most `window` lines ahead on each side (a fix changes,
 * removes or adds a line or two at a time), else replaces one line.
 */
function resync(a, b, window = 16) {
  const ops = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ type: 'same', text: a[i++] });
      j++;
      continue;
    }
    let skip = null;
    for (let s = 1; s <= 2 * window && !skip; s++) {
      for (let di = Math.max(0, s - window); di <= Math.min(s, window); di++) {
        if (i + di < a.length && j + s - di < b.length && a[i + di] === b[j + s - di]) {
          skip = [di, s - di];
          break;
        }
      }
    }
    const [del, add] = skip ?? [Math.min(1, a.length - i), Math.min(1, b.length - j)];
    for (let k = 0; k < del; k++) ops.push({ type: 'del', text: a[i++] });
    for (let k = 0; k < add; k++) ops.push({ type: 'add', text: b[j++] });
  }
  return ops;
}

function myers(a, b, maxEdits) {
  const n = a.length;
  const m = b.length;
  if (n === 0) return b.map((text) => ({ type: 'add', text }));
  if (m === 0) return a.map((text) => ({ type: 'del', text }));
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace = [];
  for (let d = 0; d <= max; d++) {
    if (d > maxEdits) return null;
    // The furthest x per diagonal after d - 1 edits, for diagonals -d-1 .. d+1.
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, a, b);
    }
  }
  return null;
}

function backtrack(trace, a, b) {
  const ops = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d];
    const at = (k) => v[k + d + 1];
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ type: 'same', text: a[x - 1] });
      x--;
      y--;
    }
    if (d > 0) {
      if (x === prevX) ops.push({ type: 'add', text: b[y - 1] });
      else ops.push({ type: 'del', text: a[x - 1] });
    }
    x = prevX;
    y = prevY;
  }
  return ops.reverse();
}

/**
 * Groups an edit script into hunks with `context` unchanged lines around each change; the runs
 * left out become `{ type: 'skip', count, ops }` entries (the page can expand them).
 */
export function hunks(ops, context = 3) {
  const keep = new Uint8Array(ops.length);
  ops.forEach((op, i) => {
    if (op.type === 'same') return;
    for (let j = Math.max(0, i - context); j <= Math.min(ops.length - 1, i + context); j++) keep[j] = 1;
  });
  const out = [];
  let skipped = [];
  const flush = () => {
    if (skipped.length) out.push({ type: 'skip', count: skipped.length, ops: skipped });
    skipped = [];
  };
  ops.forEach((op, i) => {
    if (keep[i]) {
      flush();
      out.push(op);
    } else skipped.push(op);
  });
  flush();
  return out;
}

/** A unified diff (`--- a` / `+++ b` / `@@` hunks), as `diff -u` prints it. */
export function unifiedDiff(ops, oldName, newName, context = 3) {
  const lines = [`--- ${oldName}`, `+++ ${newName}`];
  const changed = ops.map((op, i) => (op.type === 'same' ? -1 : i)).filter((i) => i >= 0);
  if (!changed.length) return '';
  let i = 0;
  while (i < changed.length) {
    let from = Math.max(0, changed[i] - context);
    let to = Math.min(ops.length - 1, changed[i] + context);
    while (i + 1 < changed.length && changed[i + 1] - context <= to + 1) {
      i++;
      to = Math.min(ops.length - 1, changed[i] + context);
    }
    const slice = ops.slice(from, to + 1);
    const oldStart = firstLine(ops, from, 'oldLine');
    const newStart = firstLine(ops, from, 'newLine');
    const oldCount = slice.filter((op) => op.type !== 'add').length;
    const newCount = slice.filter((op) => op.type !== 'del').length;
    lines.push(`@@ -${oldCount ? oldStart : oldStart - 1},${oldCount} +${newCount ? newStart : newStart - 1},${newCount} @@`);
    for (const op of slice) lines.push(`${op.type === 'same' ? ' ' : op.type === 'del' ? '-' : '+'}${op.text}`);
    i++;
  }
  return `${lines.join('\n')}\n`;
}

function firstLine(ops, from, field) {
  for (let i = from; i < ops.length; i++) if (ops[i][field] !== undefined) return ops[i][field];
  for (let i = from - 1; i >= 0; i--) if (ops[i][field] !== undefined) return ops[i][field] + 1;
  return 1;
}
