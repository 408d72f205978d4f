// The editor: the line-number gutter, the line marks, and selecting a range from a finding.
import { countLines } from '../present.js';
import { lineStarts, offsetOf } from '../report.js';
import { toast } from './dom.js';
import { dom, state } from './state.js';

function editorMetrics() {
  if (state.metrics) return state.metrics;
  const style = getComputedStyle(dom.editor);
  const canvas = document.createElement('canvas').getContext('2d');
  canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  state.metrics = {
    lineHeight: parseFloat(style.lineHeight) || 20,
    padTop: parseFloat(style.paddingTop) || 0,
    padLeft: parseFloat(style.paddingLeft) || 0,
    charWidth: canvas.measureText('0123456789').width / 10 || 8,
  };
  return state.metrics;
}

export function updateGutter() {
  const lines = countLines(dom.editor.value);
  if (lines === state.lineCount) return;
  state.lineCount = lines;
  let text = '';
  for (let i = 1; i <= lines; i++) text += `${i}\n`;
  dom.gutter.textContent = text;
  syncScroll();
}

function syncScroll() {
  dom.gutter.scrollTop = dom.editor.scrollTop;
  positionMark(dom.markActive);
  positionMark(dom.markError);
}

function positionMark(mark) {
  if (mark.hidden) return;
  const { lineHeight, padTop } = editorMetrics();
  const y = padTop + (Number(mark.dataset.line) - 1) * lineHeight - dom.editor.scrollTop;
  mark.style.transform = `translateY(${y}px)`;
  mark.style.height = `${lineHeight}px`;
}

/** Marks `line` (1-based) with `mark` (dom.markActive or dom.markError); no line hides it. */
export function showMark(mark, line) {
  if (!line) {
    mark.hidden = true;
    delete mark.dataset.line;
    return;
  }
  mark.dataset.line = String(line);
  mark.hidden = false;
  positionMark(mark);
}

function scrollEditorTo(line, column) {
  const { lineHeight, charWidth, padLeft } = editorMetrics();
  const ed = dom.editor;
  const top = (line - 1) * lineHeight;
  if (top < ed.scrollTop || top > ed.scrollTop + ed.clientHeight - 2 * lineHeight) {
    ed.scrollTop = Math.max(0, top - ed.clientHeight / 3);
  }
  const x = padLeft + (column - 1) * charWidth;
  if (x < ed.scrollLeft + padLeft || x > ed.scrollLeft + ed.clientWidth - 4 * charWidth) {
    ed.scrollLeft = Math.max(0, x - ed.clientWidth / 3);
  }
  syncScroll();
}

/**
 * Selects `range` (1-based line, UTF-16 column) in the editor and scrolls it into view; Escape
 * in the editor then returns focus to `from`.
 */
export function selectRange(range, from) {
  const text = dom.editor.value;
  const starts = lineStarts(text);
  let start = offsetOf(text, starts, range.start);
  let end = offsetOf(text, starts, range.end ?? range.start);
  if (end < start) [start, end] = [end, start];
  if (start === end) {
    // An empty range (an empty value): select its whole line so it shows.
    const line = Math.min(range.start.line, starts.length);
    start = starts[line - 1];
    end = line < starts.length ? starts[line] - 1 : text.length;
  }
  dom.editor.focus({ preventScroll: true });
  dom.editor.setSelectionRange(start, end, 'forward');
  scrollEditorTo(range.start.line, range.start.column);
  showMark(dom.markActive, range.start.line);
  const box = dom.editorWrap.getBoundingClientRect();
  if (box.top < 0 || box.bottom > innerHeight) dom.editorWrap.scrollIntoView({ block: 'nearest' });
  state.lastJumpFrom = from ?? null;
  if (text !== state.checkedText) toast('The text changed since it was checked: the position may be off.');
}

/** Scrolling, resizing, and Escape back to the finding last jumped from. */
export function setUpEditor() {
  dom.editor.addEventListener('scroll', syncScroll, { passive: true });
  dom.editor.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && state.lastJumpFrom?.isConnected) {
      event.preventDefault();
      state.lastJumpFrom.focus();
      state.lastJumpFrom = null;
    }
  });
  addEventListener('resize', () => {
    state.metrics = null;
    syncScroll();
  });
}
