// Input: typing, files (opened or dropped), the controls that re-check, and replacing the text
// with a way back to the previous one.
import { FILE_LIMIT, formatBytes, inputStatusText } from '../present.js';
import { checkNow, checkSoon, scheduleCheck } from './check.js';
import { el, setText, toast } from './dom.js';
import { editorText, focusEditor, setEditorText } from './editor.js';
import { dom, state } from './state.js';

/** Replaces the editor's text and checks it; `sample` marks text nobody typed (no "Restore"). */
export function setInput(text, { name = '', note = '', sample = false } = {}) {
  const previous = editorText();
  // Offer the previous text back, unless it was an untouched sample.
  state.previousText = previous && previous !== text && !state.pristineSample ? { text: previous, name: state.name } : null;
  state.pristineSample = sample;
  state.settingInput = true;
  try {
    setEditorText(text);
  } finally {
    state.settingInput = false;
  }
  state.name = name;
  setText(dom.inputName, name);
  updateInputStatus(note);
  checkNow();
}

export function updateInputStatus(note = '') {
  const text = editorText();
  const children = [inputStatusText(text, { bytes: text ? new Blob([text]).size : 0, live: dom.live.checked, note })];
  if (state.previousText) {
    children.push(
      ' ',
      el('button', {
        type: 'button',
        class: 'link-button',
        text: 'Restore the previous text',
        on: {
          click: () => {
            const { text: old, name } = state.previousText;
            state.previousText = null;
            setInput(old, { name });
            focusEditor();
          },
        },
      }),
    );
  }
  dom.inputStatus.replaceChildren(...children);
}

async function readFile(file) {
  if (!file) return;
  if (file.size > FILE_LIMIT) {
    toast(`${file.name} is ${formatBytes(file.size)}: too large to check here (the limit is 20 MB).`);
    return;
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.subarray(0, 8192).includes(0)) {
    toast(`${file.name} looks like a binary file, not a configuration.`);
    return;
  }
  let text;
  let note = '';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Java reads .properties files as ISO-8859-1; so does this page when the bytes are not UTF-8.
    text = new TextDecoder('iso-8859-1').decode(bytes);
    note = 'not UTF-8: read as ISO-8859-1';
  }
  setInput(text, { name: file.name, note });
}

/** After every edit in the editor (typed, pasted, undone, a fix applied): status, then a check. */
export function onEdit() {
  if (state.settingInput) return;
  // For `make bench` (tests/browser/bench.mjs): an edit's input event, to its findings shown.
  performance.mark('mcl:input');
  state.pristineSample = false;
  if (state.previousText) state.previousText = null;
  updateInputStatus();
  scheduleCheck();
}

export function setUpInput() {
  dom.checkNow.addEventListener('click', () => checkNow());
  dom.clear.addEventListener('click', () => {
    setInput('', { name: '' });
    focusEditor();
  });
  dom.openFile.addEventListener('click', () => dom.fileInput.click());
  dom.fileInput.addEventListener('change', () => {
    readFile(dom.fileInput.files[0]);
    dom.fileInput.value = '';
  });
  dom.live.addEventListener('change', () => {
    updateInputStatus();
    if (dom.live.checked) scheduleCheck();
  });
  dom.format.addEventListener('change', () => checkNow());
  dom.failOn.addEventListener('change', () => checkNow());
  dom.policyText.addEventListener('input', checkSoon);
  addEventListener('keydown', (event) => {
    // In the editor, its own key binding has already checked.
    if (event.defaultPrevented) return;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      checkNow();
    }
  });

  // Dropping a file anywhere on the page opens it; dropped text goes into the editor as usual.
  const hasFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes('Files');
  let depth = 0;
  addEventListener('dragenter', (event) => {
    if (!hasFiles(event)) return;
    depth++;
    document.body.classList.add('dragging');
  });
  addEventListener('dragleave', (event) => {
    if (!hasFiles(event)) return;
    depth = Math.max(0, depth - 1);
    if (!depth) document.body.classList.remove('dragging');
  });
  addEventListener('dragover', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  });
  addEventListener('drop', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    depth = 0;
    document.body.classList.remove('dragging');
    readFile(event.dataTransfer.files[0]);
  });
}
