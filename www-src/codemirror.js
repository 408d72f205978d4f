// The page's editor: CodeMirror 6 with the languages the checker reads, findings as lint
// diagnostics (underlines, gutter marks, the message on hover, "Apply fix"), bundled by esbuild
// into www/pkg/codemirror.js (`make build`). No inline styles, no eval: it runs under the page's CSP.
// Colours come from www/style.css (classHighlighter's tok-* classes), so light and dark follow it.
import { history, defaultKeymap, historyKeymap } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { yaml } from '@codemirror/lang-yaml';
import { StreamLanguage, bracketMatching, syntaxHighlighting } from '@codemirror/language';
import { properties } from '@codemirror/legacy-modes/mode/properties';
import { forceLinting, lintGutter, setDiagnostics } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { Compartment, EditorSelection, EditorState, Prec, StateEffect, StateField } from '@codemirror/state';
import {
  Decoration,
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
  placeholder,
} from '@codemirror/view';
import { classHighlighter } from '@lezer/highlight';

/** HCL (Terraform): comments, strings with ${} interpolation, heredocs, numbers, blocks, keys. */
const hcl = StreamLanguage.define({
  name: 'hcl',
  startState: () => ({ heredoc: null, inString: false, comment: false }),
  token(stream, st) {
    if (st.heredoc) {
      if (stream.sol() && stream.match(new RegExp(`^\\s*${st.heredoc}\\s*$`))) st.heredoc = null;
      else stream.skipToEnd();
      return 'string';
    }
    if (st.comment) {
      if (stream.match(/^.*?\*\//)) st.comment = false;
      else stream.skipToEnd();
      return 'comment';
    }
    if (st.inString) {
      while (!stream.eol()) {
        if (stream.match('${', false)) {
          if (stream.pos === stream.start) {
            stream.match(/^\$\{[^}]*\}?/);
            return 'variableName.special';
          }
          return 'string';
        }
        const ch = stream.next();
        if (ch === '\\') stream.next();
        else if (ch === '"') {
          st.inString = false;
          return 'string';
        }
      }
      return 'string';
    }
    if (stream.eatSpace()) return null;
    if (stream.match('#') || stream.match('//')) {
      stream.skipToEnd();
      return 'comment';
    }
    if (stream.match('/*')) {
      st.comment = true;
      return 'comment';
    }
    const heredoc = stream.match(/^<<-?([A-Za-z_]\w*)/);
    if (heredoc) {
      st.heredoc = heredoc[1];
      return 'string';
    }
    if (stream.eat('"')) {
      st.inString = true;
      return 'string';
    }
    if (stream.match(/^-?\d+(\.\d+)?([eE][+-]?\d+)?/)) return 'number';
    if (stream.match(/^(true|false|null)\b/)) return 'atom';
    if (stream.match(/^(resource|data|variable|output|locals|module|provider|terraform)\b/)) return 'keyword';
    if (stream.match(/^[A-Za-z_][\w-]*(?=\s*=(?!=))/)) return 'propertyName';
    if (stream.match(/^[A-Za-z_][\w.-]*/)) return 'variableName';
    stream.next();
    return null;
  },
  languageData: { commentTokens: { line: '#' } },
});

/**
 * CodeMirror's default special characters, less \r (kept as text, see lineSeparator), plus the
 * hidden ones it leaves out (U+200C, U+200D, U+202A-U+202C, U+2060-U+2064, U+2068, U+180E), so
 * every character the page marks as hidden (www/markdown.js HIDDEN_CHARS) shows in the editor too.
 */
const SPECIAL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffc]/g;

const LANGUAGES = {
  json: () => json(),
  yaml: () => yaml(),
  hcl: () => hcl,
  properties: () => StreamLanguage.define(properties),
  text: () => [],
};

/** A line marked as the place of an input error (the whole line, as the page always did). */
const setErrorLine = StateEffect.define();
const errorLine = StateField.define({
  create: () => Decoration.none,
  update(marks, tr) {
    marks = marks.map(tr.changes);
    for (const effect of tr.effects) {
      if (effect.is(setErrorLine)) {
        const line = effect.value;
        marks = line ? Decoration.set([Decoration.line({ class: 'cm-error-line' }).range(tr.state.doc.line(line).from)]) : Decoration.none;
      }
    }
    return marks;
  },
  provide: (field) => EditorView.decorations.from(field),
});

/**
 * Creates the editor in `parent`. `attributes` go on the editable element (id, aria-*);
 * `onChange(update)` runs after every edit, `onCursor(offset)` when the cursor moves,
 * `onCheck()` on Ctrl/Cmd+Enter.
 */
export function createEditor({ parent, attributes = {}, hint = '', onChange = () => {}, onCursor = () => {}, onCheck = () => {} }) {
  const language = new Compartment();
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: '',
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        // Line breaks stay as they were: \r\n files keep their \r (unmarked), so the engine, the
        // fixes and the share link see the text as given.
        EditorState.lineSeparator.of('\n'),
        highlightSpecialChars({ specialChars: SPECIAL_CHARS }),
        history(),
        drawSelection(),
        bracketMatching(),
        highlightActiveLine(),
        highlightSelectionMatches(),
        syntaxHighlighting(classHighlighter),
        lintGutter(),
        errorLine,
        language.of([]),
        placeholder(hint),
        EditorView.contentAttributes.of({ spellcheck: 'false', autocorrect: 'off', autocapitalize: 'off', ...attributes }),
        Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => (onCheck(), true) }])),
        keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap]),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange(update);
          if (update.selectionSet) onCursor(update.state.selection.main.head);
        }),
      ],
    }),
  });
  let current = 'text';
  return {
    view,
    text: () => view.state.doc.toString(),
    length: () => view.state.doc.length,
    /** Replaces the whole text (one undoable change) and puts the cursor at the start. */
    setText(text) {
      view.dispatch({
        changes: { from: 0, to: view.state.doc.length, insert: text },
        selection: EditorSelection.cursor(0),
        effects: setErrorLine.of(0),
        scrollIntoView: true,
      });
      view.dispatch(setDiagnostics(view.state, []));
    },
    setLanguage(name) {
      if (name === current || !LANGUAGES[name]) return;
      current = name;
      view.dispatch({ effects: language.reconfigure(LANGUAGES[name]()) });
    },
    language: () => current,
    /** Findings as diagnostics: `{ from, to, severity, markClass, message, source, actions }`. */
    setDiagnostics(diagnostics) {
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    setErrorLine(line) {
      view.dispatch({ effects: setErrorLine.of(line && line <= view.state.doc.lines ? line : 0) });
    },
    select(from, to) {
      view.dispatch({ selection: EditorSelection.range(from, to), scrollIntoView: true, effects: EditorView.scrollIntoView(from, { y: 'center' }) });
    },
    selection: () => ({ from: view.state.selection.main.from, to: view.state.selection.main.to, head: view.state.selection.main.head }),
    /** Offset of a 1-based line and 1-based UTF-16 column, clamped into the text. */
    offsetOf({ line, column }) {
      const doc = view.state.doc;
      const l = doc.line(Math.min(Math.max(1, line), doc.lines));
      return Math.min(l.from + Math.max(0, column - 1), l.to);
    },
    lineAt: (offset) => view.state.doc.lineAt(offset).number,
    lineRange(line) {
      const l = view.state.doc.line(Math.min(Math.max(1, line), view.state.doc.lines));
      return { from: l.from, to: l.to };
    },
    /** One edit from `text` to `next` (their common start and end kept), undoable as one step. */
    replaceWith(next, userEvent = 'input.fix') {
      const old = view.state.doc.toString();
      let start = 0;
      const max = Math.min(old.length, next.length);
      while (start < max && old.charCodeAt(start) === next.charCodeAt(start)) start++;
      let end = 0;
      while (end < max - start && old.charCodeAt(old.length - 1 - end) === next.charCodeAt(next.length - 1 - end)) end++;
      if (start === old.length && start === next.length) return null;
      const change = { from: start, to: old.length - end, insert: next.slice(start, next.length - end) };
      view.dispatch({ changes: change, userEvent, scrollIntoView: true });
      return change;
    },
    focus: () => view.focus(),
    forceLinting: () => forceLinting(view),
  };
}
