// The editor: CodeMirror 6 (bundled into pkg/codemirror.js by `make build`; app.js loads it and
// calls mountEditor). Findings show as diagnostics (underlines at their ranges, severity marks in
// the gutter, the message on hover, "Apply fix"); a finding's button selects its range, and the
// cursor inside a range highlights its finding's card.
import { DIAGNOSTICS_SHOWN, diagnosticOf, fixActionName, languageOf } from '../present.js';
import { el, inline, toast } from './dom.js';
import { dom, state } from './state.js';

let editor = null;
/** The findings' ranges as offsets in the current text (mapped through edits since the check). */
let spans = [];
let hooks = { applyFix: async () => null };

/**
 * Creates the editor in #editor-host. `cm` is the bundle's module; `onChange()` runs after every
 * edit, `onCheck()` on Ctrl/Cmd+Enter, `applyFix(finding)` resolves to the fixed text (or null).
 */
export function mountEditor(cm, { onChange, onCheck, applyFix }) {
  hooks = { applyFix };
  editor = cm.createEditor({
    parent: dom.editorHost,
    hint: dom.editorHost.dataset.placeholder ?? '',
    attributes: {
      id: 'editor',
      'aria-label': 'Connector configuration',
      'aria-describedby': 'editor-help input-status',
    },
    onChange: (update) => {
      spans = spans.map((s) => ({ ...s, from: update.changes.mapPos(s.from, 1), to: update.changes.mapPos(s.to, -1) }));
      onChange();
    },
    onCursor: highlightFindingAt,
    onCheck,
  });
  dom.editor = editor.view.contentDOM;
  // What a textarea offers scripts (and the browser tests): the text and the selection.
  Object.defineProperties(dom.editor, {
    value: { get: () => editor.text() },
    selectionStart: { get: () => editor.selection().from },
    selectionEnd: { get: () => editor.selection().to },
  });
  return editor;
}

export const editorText = () => (editor ? editor.text() : '');

/** Replaces the text (undoable), with the language its content suggests. */
export function setEditorText(text) {
  spans = [];
  editor.setLanguage(languageOf(text));
  editor.setText(text);
  delete dom.editorWrap.dataset.errorLine;
}

export function focusEditor() {
  editor?.focus();
}

/** The findings of a check of `text` (the editor's text then) as diagnostics; none clears them. */
export function showFindings(report, text) {
  if (!editor) return;
  editor.setLanguage(languageOf(text, report));
  markErrorLine(0);
  if (!report || text !== editor.text()) {
    spans = [];
    editor.setDiagnostics([]);
    return;
  }
  spans = [];
  const diagnostics = [];
  report.findings.forEach((finding, index) => {
    // Past the first DIAGNOSTICS_SHOWN, no underline: the editor would take seconds to draw them.
    if (!finding.range || diagnostics.length >= DIAGNOSTICS_SHOWN) return;
    const { from, to } = offsets(finding.range);
    spans.push({ from, to, index });
    const action = fixActionName(finding);
    diagnostics.push({
      from,
      to,
      ...diagnosticOf(finding),
      renderMessage: () => el('span', { class: 'cm-finding-message' }, el('strong', { text: finding.code }), ' ', inline(finding.message)),
      actions: action ? [{ name: action, apply: () => applyFix(finding) }] : [],
    });
  });
  editor.setDiagnostics(diagnostics);
  highlightFindingAt(editor.selection().head);
}

/** An input error: its line marked (0 clears it), and named in #editor-wrap's data-error-line. */
export function showErrorLine(line) {
  if (!editor) return;
  editor.setLanguage(languageOf(editor.text()));
  spans = [];
  editor.setDiagnostics([]);
  markErrorLine(line || 0);
}

function markErrorLine(line) {
  editor.setErrorLine(line);
  if (line) dom.editorWrap.dataset.errorLine = String(line);
  else delete dom.editorWrap.dataset.errorLine;
}

async function applyFix(finding) {
  const next = await hooks.applyFix(finding);
  if (next === null || next === undefined) return;
  if (!editor.replaceWith(next)) toast('This fix changes nothing in the text as it is now.');
  editor.focus();
}

function offsets(range) {
  let from = editor.offsetOf(range.start);
  let to = editor.offsetOf(range.end ?? range.start);
  if (to < from) [from, to] = [to, from];
  return { from, to };
}

function highlightFindingAt(offset) {
  const hit = new Set(spans.filter((s) => s.from <= offset && offset <= s.to && (s.from < s.to || offset === s.from)).map((s) => s.index));
  for (const card of dom.findings.querySelectorAll('.finding.current')) {
    if (!hit.has(Number(card.dataset.index))) {
      card.classList.remove('current');
      card.removeAttribute('aria-current');
    }
  }
  for (const index of hit) {
    const card = document.getElementById(`finding-${index}`);
    if (!card) continue;
    card.classList.add('current');
    card.setAttribute('aria-current', 'true');
  }
}

/**
 * Selects `range` (1-based line, UTF-16 column) in the editor and scrolls it into view; Escape
 * in the editor then returns focus to `from`.
 */
export function selectRange(range, from) {
  let { from: start, to: end } = offsets(range);
  if (start === end) ({ from: start, to: end } = editor.lineRange(range.start.line)); // an empty value: its whole line
  editor.focus();
  editor.select(start, end);
  const box = dom.editorWrap.getBoundingClientRect();
  if (box.top < 0 || box.bottom > innerHeight) dom.editorWrap.scrollIntoView({ block: 'nearest' });
  state.lastJumpFrom = from ?? null;
  if (editor.text() !== state.checkedText) toast('The text changed since it was checked: the position may be off.');
}

/** Escape back to the finding last jumped from. */
export function setUpEditor() {
  dom.editorHost.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && state.lastJumpFrom?.isConnected) {
      event.preventDefault();
      state.lastJumpFrom.focus();
      state.lastJumpFrom = null;
    }
  });
}
