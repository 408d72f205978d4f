// The Fixed config panel: the engine's fix of the checked text, as a diff or the full text, and
// what can be done with it.
import { diffLines, hunks, unifiedDiff } from '../diff.js';
import { DIFF_ROWS_SHOWN, FINDINGS_SHOWN, fixSummary, fixedName, fixedPlaceholder, inputName } from '../present.js';
import { exportName } from '../report.js';
import { el, inline, setChildren, setText } from './dom.js';
import { copyText, download } from './exports.js';
import { dom, state } from './state.js';

/** Asks the engine for the fixed text of the last checked input (one request at a time). */
async function computeFixed() {
  if (!state.engine || !state.report || state.checkedText === null) return renderFixed();
  if (state.fixRunning) {
    state.fixPending = true;
    return;
  }
  state.fixRunning = true;
  const text = state.checkedText;
  const unsafeFixes = dom.unsafe.checked;
  dom.panelFixed.setAttribute('aria-busy', 'true');
  try {
    const result = await state.engine.call('fix', text, { ...state.options, unsafeFixes });
    state.fixed = { text, unsafeFixes, ...result };
  } catch (error) {
    state.fixed = { text, unsafeFixes, error };
  } finally {
    state.fixRunning = false;
    dom.panelFixed.removeAttribute('aria-busy');
  }
  if (state.fixPending) {
    state.fixPending = false;
    return computeFixed();
  }
  renderFixed();
}

/** Computes the fixes when the panel shows an older text's. */
export function ensureFixed() {
  if (!state.fixed || state.fixed.text !== state.checkedText) computeFixed();
}

/** After a check: recomputes at once if the panel is open, else only says it is out of date. */
export function refreshFixed() {
  if (!dom.panelFixed.hidden) computeFixed();
  else renderFixed();
}

function renderFixed() {
  const fixed = state.fixed;
  const panel = dom.panelFixed;
  const usable = fixed && !fixed.error && fixed.text === state.checkedText;
  for (const b of [dom.copyFixed, dom.downloadFixed, dom.downloadPatch, dom.useFixed]) b.disabled = !usable;
  panel.dataset.state = usable ? 'done' : 'empty';
  if (!usable) {
    dom.fixedDiff.replaceChildren(
      el('p', { class: 'muted' }, fixedPlaceholder({ fixError: fixed?.error, inputError: state.error, report: state.report })),
    );
    dom.fixedText.textContent = '';
    dom.fixSummary.replaceChildren();
    return;
  }
  const applied = fixed.applied;
  const summary = fixSummary(fixed);
  setChildren(
    dom.fixSummary,
    el('p', {}, el('strong', { text: summary.headline }), summary.details),
    applied.length
      ? el(
          'ul',
          { class: 'applied' },
          ...applied.slice(0, FINDINGS_SHOWN).map((f) => el('li', {}, el('span', { class: `applicability ${f.fix?.applicability}`, text: f.fix?.applicability ?? '' }), ' ', el('code', { text: f.code }), ' ', inline(f.fix?.title ?? f.message))),
          applied.length > FINDINGS_SHOWN ? el('li', { class: 'muted', text: `and ${(applied.length - FINDINGS_SHOWN).toLocaleString('en')} more` }) : null,
        )
      : null,
  );
  setText(dom.fixedText, fixed.output);
  const ops = diffLines(fixed.text, fixed.output);
  state.fixed.ops = ops;
  dom.fixedDiff.replaceChildren(renderDiff(ops));
  panel.dataset.applied = String(applied.length);
}

function renderDiff(ops) {
  if (!ops.some((op) => op.type !== 'same')) return el('p', { class: 'muted', text: 'No change: the fixed config is the same as the input.' });
  const body = el('tbody');
  const row = (op) =>
    el(
      'tr',
      { class: `diff-${op.type}` },
      el('td', { class: 'ln', text: op.oldLine ?? '' }),
      el('td', { class: 'ln', text: op.newLine ?? '' }),
      el('td', { class: 'sign' }, el('span', { 'aria-hidden': 'true', text: op.type === 'add' ? '+' : op.type === 'del' ? '−' : ' ' }), op.type === 'same' ? null : el('span', { class: 'visually-hidden', text: op.type === 'add' ? 'added' : 'removed' })),
      el('td', { class: 'text', text: op.text }),
    );
  const entries = hunks(ops, 3);
  for (const [n, entry] of entries.entries()) {
    // Thousands of changed lines (a 5 MB input) would take seconds to draw: the first rows, a note.
    if (n === DIFF_ROWS_SHOWN) {
      const left = entries.slice(n).reduce((sum, e) => sum + (e.type === 'add' || e.type === 'del' ? 1 : 0), 0);
      body.append(
        el(
          'tr',
          { class: 'diff-skip diff-capped', id: 'diff-capped' },
          el('td', { colspan: '4', text: `${left.toLocaleString('en')} more changed lines are not shown here; "Download diff" and "Download" hold all of them.` }),
        ),
      );
      break;
    }
    if (entry.type !== 'skip') {
      body.append(row(entry));
      continue;
    }
    const skipRow = el('tr', { class: 'diff-skip' });
    const button = el('button', {
      type: 'button',
      class: 'link-button',
      text: `Show ${entry.count} unchanged line${entry.count === 1 ? '' : 's'}`,
      on: {
        click: () => {
          const rows = entry.ops.slice(0, 5000).map(row);
          skipRow.replaceWith(...rows);
          rows[0]?.querySelector('td.text')?.setAttribute('tabindex', '-1');
          rows[0]?.querySelector('td.text')?.focus();
        },
      },
    });
    skipRow.append(el('td', { colspan: '4' }, button));
    body.append(skipRow);
  }
  return el(
    'table',
    { class: 'diff-table' },
    el('caption', { class: 'visually-hidden', text: 'Line diff of the input and the fixed config' }),
    el('thead', { class: 'visually-hidden' }, el('tr', {}, el('th', { text: 'Input line' }), el('th', { text: 'Fixed line' }), el('th', { text: 'Change' }), el('th', { text: 'Text' }))),
    body,
  );
}

/** `useAsInput(text)`: what "Use as input" does with the fixed text (the start-up module decides). */
export function setUpFixed({ useAsInput }) {
  dom.unsafe.addEventListener('change', () => {
    state.fixed = null;
    renderFixed();
    computeFixed();
  });
  for (const radio of document.querySelectorAll('input[name="fixed-view"]')) {
    radio.addEventListener('change', () => {
      const full = radio.value === 'full' && radio.checked;
      dom.fixedText.hidden = !full;
      dom.fixedDiff.hidden = full;
    });
  }
  dom.copyFixed.addEventListener('click', () => state.fixed && copyText(state.fixed.output, 'Fixed config'));
  dom.downloadFixed.addEventListener('click', () => {
    if (!state.fixed) return;
    download(fixedName(state.name, state.report), state.fixed.output, 'text/plain');
  });
  dom.downloadPatch.addEventListener('click', () => {
    if (!state.fixed?.ops) return;
    const name = inputName(state.name, state.report);
    download(exportName(name, '.fix.diff'), unifiedDiff(state.fixed.ops, `a/${name}`, `b/${name}`), 'text/x-diff');
  });
  dom.useFixed.addEventListener('click', () => {
    if (state.fixed) useAsInput(state.fixed.output);
  });
}
