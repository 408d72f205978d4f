// The paste-and-check page: the editor, live checking, findings, the fixed config, exports and
// the rule catalogue. Every piece of input-derived text reaches the DOM as a text node (through
// `el()`, `textContent` or the Markdown renderer); nothing here assigns innerHTML.
import { loadEngine } from './engine.js';
import { diffLines, hunks, unifiedDiff } from './diff.js';
import { renderInline, renderMarkdown, section } from './markdown.js';
import {
  SEVERITIES,
  REMEDIATION_TABS,
  cliJson,
  connectorLabel,
  editParts,
  exportName,
  groupByConnector,
  lineStarts,
  offsetOf,
  redactReport,
  reportToMarkdown,
  summaryPhrase,
  where,
} from './report.js';

const DEBOUNCE_MS = 250;
/** Above this, live checking pauses (the Check button and Ctrl+Enter still work). */
const LIVE_LIMIT = 256 * 1024;
const FILE_LIMIT = 20 * 1024 * 1024;

const $ = (id) => document.getElementById(id);
const dom = {
  editor: $('editor'),
  editorWrap: $('editor-wrap'),
  gutter: $('gutter'),
  markActive: $('mark-active'),
  markError: $('mark-error'),
  inputName: $('input-name'),
  inputStatus: $('input-status'),
  results: $('results'),
  verdict: $('verdict'),
  counts: $('counts'),
  detected: $('detected'),
  timing: $('timing'),
  connectors: $('connectors'),
  findings: $('findings'),
  failOn: $('fail-on'),
  format: $('format'),
  live: $('live'),
  policy: $('policy'),
  policyText: $('policy-text'),
  policyError: $('policy-error'),
  samplesButton: $('samples-button'),
  samplesMenu: $('samples-menu'),
  samplesList: $('samples-list'),
  fileInput: $('file-input'),
  unsafe: $('unsafe-fixes'),
  fixSummary: $('fix-summary'),
  fixedDiff: $('fixed-diff'),
  fixedText: $('fixed-text'),
  ruleSearch: $('rule-search'),
  ruleList: $('rule-list'),
  ruleCount: $('rule-count'),
  toast: $('toast'),
  loadError: $('load-error'),
};

const state = {
  engine: null,
  rules: new Map(),
  name: '',
  report: null,
  error: null,
  checkedText: null,
  options: null,
  running: false,
  pending: false,
  checks: 0,
  timer: 0,
  fixed: null,
  fixRunning: false,
  fixPending: false,
  lastJumpFrom: null,
  previousText: null,
  pristineSample: false,
  lineCount: -1,
  metrics: null,
};

/**
 * Builds an element. `props`: `class`, `text`, `data` (dataset), `on` (event handlers) and plain
 * attributes. Children are nodes or strings (strings become text nodes). Style and event
 * attributes are refused: the CSP forbids them and nothing here needs them.
 */
function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = value;
    else if (name === 'data') Object.assign(node.dataset, value);
    else if (name === 'on') for (const [event, fn] of Object.entries(value)) node.addEventListener(event, fn);
    else if (name === 'style' || /^on/i.test(name)) throw new Error(`el(): refusing attribute ${name}`);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

const inline = (text, tag = 'span', props = {}) => renderInline(text, el(tag, props));

// --- The editor: gutter, marks, jumping to a range ------------------------------------------

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

function countLines(text) {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function updateGutter() {
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

function showMark(mark, line) {
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

/** Selects `range` (1-based line, UTF-16 column) in the editor and scrolls it into view. */
function selectRange(range, from) {
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

// --- Input: typing, samples, files, drop ----------------------------------------------------

function setInput(text, { name = '', note = '', sample = false } = {}) {
  const previous = dom.editor.value;
  // Offer the previous text back, unless it was an untouched sample.
  state.previousText = previous && previous !== text && !state.pristineSample ? { text: previous, name: state.name } : null;
  state.pristineSample = sample;
  dom.editor.value = text;
  dom.editor.scrollTop = 0;
  dom.editor.scrollLeft = 0;
  dom.editor.setSelectionRange(0, 0);
  state.name = name;
  dom.inputName.textContent = name;
  showMark(dom.markActive, null);
  updateGutter();
  updateInputStatus(note);
  checkNow();
}

function updateInputStatus(note = '') {
  const text = dom.editor.value;
  const parts = [];
  if (text) {
    const bytes = new Blob([text]).size;
    parts.push(`${countLines(text).toLocaleString('en')} lines, ${formatBytes(bytes)}`);
    if (text.length > LIVE_LIMIT && dom.live.checked) parts.push('live checking pauses above 256 KB: press Check (Ctrl+Enter)');
  }
  if (note) parts.push(note);
  const children = [parts.join(' · ')];
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
            dom.editor.focus();
          },
        },
      }),
    );
  }
  dom.inputStatus.replaceChildren(...children);
}

function formatBytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
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

function setUpInput() {
  dom.editor.addEventListener('input', () => {
    state.pristineSample = false;
    updateGutter();
    showMark(dom.markActive, null);
    if (state.previousText) state.previousText = null;
    updateInputStatus();
    scheduleCheck();
  });
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
  $('check-now').addEventListener('click', () => checkNow());
  $('clear').addEventListener('click', () => {
    setInput('', { name: '' });
    dom.editor.focus();
  });
  $('open-file').addEventListener('click', () => dom.fileInput.click());
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
  dom.policyText.addEventListener('input', () => {
    clearTimeout(state.timer);
    state.timer = setTimeout(checkNow, DEBOUNCE_MS);
  });
  addEventListener('keydown', (event) => {
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

// --- Samples menu ---------------------------------------------------------------------------

async function setUpSamples() {
  const button = dom.samplesButton;
  const items = () => [...dom.samplesList.querySelectorAll('button')];
  const open = (focusFirst) => {
    dom.samplesMenu.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    if (focusFirst) items()[0]?.focus();
  };
  const close = (focusButton) => {
    dom.samplesMenu.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    if (focusButton) button.focus();
  };
  button.addEventListener('click', () => (dom.samplesMenu.hidden ? open(true) : close(false)));
  button.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      open(true);
    }
  });
  dom.samplesMenu.addEventListener('keydown', (event) => {
    const list = items();
    const i = list.indexOf(document.activeElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = (i + (event.key === 'ArrowDown' ? 1 : -1) + list.length) % list.length;
      list[next]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      list[event.key === 'Home' ? 0 : list.length - 1]?.focus();
    }
  });
  dom.samplesMenu.addEventListener('focusout', (event) => {
    if (!dom.samplesMenu.contains(event.relatedTarget) && event.relatedTarget !== button) close(false);
  });
  document.addEventListener('click', (event) => {
    if (!dom.samplesMenu.hidden && !dom.samplesMenu.contains(event.target) && !button.contains(event.target)) close(false);
  });

  let samples;
  try {
    const response = await fetch('samples/index.json');
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    samples = await response.json();
  } catch (error) {
    dom.samplesList.replaceChildren(el('li', { class: 'muted', text: `The samples could not be loaded (${error.message}).` }));
    return;
  }
  dom.samplesList.replaceChildren(
    ...samples.map((sample) =>
      el(
        'li',
        {},
        el(
          'button',
          {
            type: 'button',
            data: { sample: sample.file },
            on: {
              click: async () => {
                close(false);
                try {
                  const response = await fetch(`samples/${encodeURIComponent(sample.file)}`);
                  if (!response.ok) throw new Error(`HTTP ${response.status}`);
                  setInput(await response.text(), { name: sample.file, sample: true });
                  dom.editor.focus({ preventScroll: true });
                } catch (error) {
                  toast(`The sample ${sample.file} could not be loaded (${error.message}).`);
                }
              },
            },
          },
          el('span', { class: 'sample-title', text: sample.title }),
          el('span', { class: 'sample-description', text: sample.description }),
        ),
      ),
    ),
  );
}

// --- Checking -------------------------------------------------------------------------------

function scheduleCheck() {
  clearTimeout(state.timer);
  const text = dom.editor.value;
  if (!dom.live.checked || text.length > LIVE_LIMIT) {
    if (text !== state.checkedText) markStale();
    return;
  }
  const delay = Math.min(1000, DEBOUNCE_MS + Math.floor(text.length / 1000));
  state.timer = setTimeout(checkNow, delay);
}

function markStale() {
  if (state.checkedText !== null) dom.results.classList.add('stale');
  dom.timing.textContent = 'not checked since the last edit';
}

/** Reads the policy box; `{ options }` or `{ error }`. */
function policyOptions() {
  const text = dom.policyText.value.trim();
  if (!text) return { options: {} };
  let policy;
  try {
    policy = JSON.parse(text);
  } catch (error) {
    return { error: `The policy is not valid JSON: ${error.message}` };
  }
  if (!policy || typeof policy !== 'object' || Array.isArray(policy)) return { error: 'The policy must be a JSON object.' };
  const options = { ...policy };
  if (typeof policy.failOn === 'string' && [...dom.failOn.options].some((o) => o.value === policy.failOn)) {
    dom.failOn.value = policy.failOn;
  }
  delete options.failOn;
  delete options.exclude;
  return { options };
}

function currentOptions() {
  const policy = policyOptions();
  dom.policyError.textContent = policy.error ?? '';
  if (policy.error) dom.policy.open = true;
  const options = { ...(policy.options ?? {}), failOn: dom.failOn.value };
  if (dom.format.value !== 'auto') options.format = dom.format.value;
  return options;
}

async function checkNow() {
  clearTimeout(state.timer);
  if (!state.engine) return;
  if (state.running) {
    state.pending = true;
    return;
  }
  const text = dom.editor.value;
  const options = currentOptions();
  state.running = true;
  dom.results.dataset.state = 'checking';
  dom.results.setAttribute('aria-busy', 'true');
  const started = performance.now();
  try {
    if (!text.trim()) {
      renderEmpty();
    } else {
      try {
        const report = await state.engine.call('validate', text, options);
        renderReport(report, text, options, performance.now() - started);
      } catch (error) {
        renderError(error, text, performance.now() - started);
      }
    }
  } finally {
    state.running = false;
    state.checks++;
    dom.results.dataset.checks = String(state.checks);
    dom.results.removeAttribute('aria-busy');
    if (state.pending) {
      state.pending = false;
      checkNow();
    }
  }
}

/**
 * Tab labels with counts: "Findings 3", "Fixed config 2 safe" (or "2 unsafe" when no fix is safe:
 * those apply only with "Include unsafe fixes"). No badge is left out, not passed as null, which
 * replaceChildren would show as the text "null".
 */
function tabCounts(report) {
  const findings = report?.findings.length;
  const safe = report?.findings.filter((f) => f.fix?.applicability === 'safe').length;
  const unsafe = report?.findings.filter((f) => f.fix?.applicability === 'unsafe').length;
  const badge = safe
    ? el('span', { class: 'tab-count', text: `${safe} safe`, title: `${safe} safe fix${safe === 1 ? '' : 'es'} available` })
    : unsafe
      ? el('span', { class: 'tab-count', text: `${unsafe} unsafe`, title: `No safe fix; ${unsafe} unsafe fix${unsafe === 1 ? '' : 'es'} with "Include unsafe fixes"` })
      : '';
  $('tab-findings').replaceChildren('Findings', report ? el('span', { class: 'tab-count', text: String(findings) }) : '');
  $('tab-fixed').replaceChildren('Fixed config', report ? badge : '');
}

function resetResults(text) {
  state.checkedText = text;
  state.fixed = null;
  dom.results.classList.remove('stale');
  showMark(dom.markError, null);
  dom.connectors.replaceChildren();
  dom.counts.replaceChildren();
  dom.detected.textContent = '';
  for (const id of ['export-json', 'export-sarif', 'export-md']) $(id).disabled = true;
  tabCounts(null);
}

function renderEmpty() {
  state.report = null;
  state.error = null;
  resetResults('');
  dom.results.dataset.state = 'empty';
  dom.verdict.className = 'verdict';
  dom.verdict.textContent = 'Paste a configuration or pick a sample to check it.';
  dom.timing.textContent = '';
  dom.findings.replaceChildren(
    el(
      'div',
      { class: 'intro' },
      el('p', { text: 'It reads, detecting the format from the content:' }),
      el(
        'ul',
        {},
        el('li', {}, inline('Kafka Connect REST bodies (`POST /connectors`, `GET /connectors/{name}`, `?expand=info`) and flat `config` maps')),
        el('li', {}, inline('MSK Connect `create-connector` input, `describe-connector` and `list-connectors` output')),
        el('li', {}, inline('CloudFormation JSON templates and `terraform show -json` plans')),
        el('li', {}, inline('connector `.properties` files, self-managed worker configs and MSK custom worker configurations')),
      ),
      el('p', {}, 'It checks every link a connector opens (to Kafka, to the database or service, to schema registries) for plaintext, unverified certificates, weak TLS and exposed credentials: see ', el('a', { href: '#rules', text: 'the rules' }), '.'),
    ),
  );
  renderFixed();
}

function renderError(error, text, ms) {
  state.report = null;
  state.error = error;
  resetResults(text);
  dom.results.dataset.state = 'error';
  dom.timing.textContent = `checked in ${Math.round(ms)} ms`;
  dom.verdict.className = 'verdict verdict-error';
  const located = typeof error.line === 'number';
  if (error.name === 'OptionsError') {
    dom.verdict.textContent = 'The policy or options are invalid.';
    dom.policy.open = true;
    dom.policyError.textContent = error.message;
  } else {
    dom.verdict.textContent = located
      ? `The input cannot be read: line ${error.line}, column ${error.column}.`
      : 'The input cannot be read.';
  }
  if (located) showMark(dom.markError, error.line);
  const range = located ? { start: { line: error.line, column: error.column }, end: { line: error.line, column: error.column + 1 } } : null;
  dom.findings.replaceChildren(
    el(
      'div',
      { class: 'input-error', id: 'input-error' },
      el('h3', { text: error.name === 'OptionsError' ? 'Invalid options' : 'The input cannot be read' }),
      el('p', { class: 'error-message' }, located ? el('strong', { text: `Line ${error.line}, column ${error.column}: ` }) : null, inline(error.message)),
      range
        ? el('button', {
            type: 'button',
            class: 'goto',
            id: 'goto-error',
            text: `Go to line ${error.line}, column ${error.column}`,
            on: { click: (event) => selectRange(range, event.currentTarget) },
          })
        : null,
      el('p', { class: 'hint', text: 'The offending line is marked in the editor. Fix it and the text is checked again.' }),
    ),
  );
  renderFixed();
}

function renderReport(report, text, options, ms) {
  state.report = report;
  state.error = null;
  state.options = options;
  resetResults(text);
  dom.results.dataset.state = 'done';
  dom.timing.textContent = `checked in ${Math.round(ms)} ms`;
  for (const id of ['export-json', 'export-sarif', 'export-md']) $(id).disabled = false;
  tabCounts(report);

  const failOn = options.failOn;
  const total = report.findings.length;
  const rank = SEVERITIES.indexOf(failOn);
  const atOrAbove = rank < 0 ? 0 : report.findings.filter((f) => SEVERITIES.indexOf(f.severity) <= rank).length;
  const threshold = failOn === 'none' ? 'never fails' : failOn === 'info' ? 'fails on any finding' : `fails on ${failOn}${failOn === 'critical' ? '' : ' or worse'}`;
  dom.verdict.className = `verdict ${report.passed ? 'verdict-pass' : 'verdict-fail'}`;
  dom.verdict.replaceChildren(
    el('strong', { class: 'verdict-word', text: report.passed ? 'Pass' : 'Fail' }),
    ` ${total ? `${total} finding${total === 1 ? '' : 's'}` : 'No findings'}`,
    rank >= 0 && atOrAbove ? `, ${atOrAbove} at or above ${failOn}` : '',
    ` (${threshold}).`,
  );
  dom.counts.replaceChildren(
    ...SEVERITIES.map((s) =>
      el('li', { class: `count sev-${s}${report.summary[s] ? '' : ' zero'}` }, el('span', { class: 'n', text: String(report.summary[s]) }), ` ${s}`),
    ),
  );
  const formats = [...new Set(report.connectors.map((c) => c.format))];
  dom.detected.textContent = report.connectors.length
    ? `Detected ${formats.join(', ')}: ${report.connectors.length} ${report.connectors.length === 1 ? 'connector' : 'connectors'}.`
    : 'No connector found.';

  dom.connectors.replaceChildren(
    ...report.connectors.map((c, i) =>
      el(
        'li',
        { class: 'connector-chip' },
        el('span', { class: 'connector-name', text: connectorLabel(c, i) }),
        c.class ? el('code', { class: 'connector-class', text: c.class }) : null,
        el('span', { class: 'tag', text: c.family }),
        el('span', { class: 'tag', text: c.format }),
        c.location?.range
          ? el('button', {
              type: 'button',
              class: 'link-button',
              text: `line ${c.location.range.start.line}`,
              'aria-label': `Go to ${connectorLabel(c, i)}, line ${c.location.range.start.line}`,
              on: { click: (event) => selectRange(c.location.range, event.currentTarget) },
            })
          : null,
      ),
    ),
  );

  const parts = [];
  const groups = groupByConnector(report);
  for (const [gi, { connector, findings }] of groups.entries()) {
    const label = connectorLabel(connector, gi);
    const headingId = `connector-${gi}`;
    parts.push(
      el(
        'section',
        { class: 'connector-group', 'aria-labelledby': headingId },
        el(
          'h3',
          { id: headingId },
          label,
          ' ',
          el('span', { class: 'muted', text: findings.length ? `${findings.length} finding${findings.length === 1 ? '' : 's'}` : 'no findings' }),
        ),
        findings.length
          ? el('ol', { class: 'finding-list' }, ...findings.map((f) => el('li', {}, findingCard(f, report.findings.indexOf(f)))))
          : el('p', { class: 'clean', text: 'Nothing crosses the network unencrypted or unverified here.' }),
      ),
    );
  }
  if (report.suppressed?.length) {
    parts.push(
      el(
        'section',
        { class: 'suppressed', 'aria-labelledby': 'suppressed-heading' },
        el('h3', { id: 'suppressed-heading', text: `Suppressed by the policy (${report.suppressed.length})` }),
        el(
          'ul',
          {},
          ...report.suppressed.map((s) =>
            el(
              'li',
              {},
              el('span', { class: `badge sev-${s.finding.severity}`, text: s.finding.severity }),
              ' ',
              el('code', { text: s.finding.code }),
              ' ',
              inline(s.finding.message),
              el('span', { class: 'muted' }, ` Reason: ${s.reason}${s.expires ? ` (until ${s.expires})` : ''}`),
            ),
          ),
        ),
      ),
    );
  }
  if (report.expiredExceptions?.length) {
    parts.push(
      el(
        'div',
        { class: 'warning', role: 'note' },
        el('strong', { text: 'Expired exceptions: ' }),
        report.expiredExceptions.map((e) => `${e.rule} (expired ${e.expires}: ${e.reason})`).join('; '),
      ),
    );
  }
  dom.findings.replaceChildren(...parts);
  if (!$('panel-fixed').hidden) computeFixed();
  else renderFixed();
}

function findingCard(f, index) {
  const rule = state.rules.get(f.code);
  const id = `finding-${index}`;
  const card = el('article', { class: `finding sev-${f.severity}`, id, 'aria-labelledby': `${id}-title` });
  const position = f.range ? `Line ${f.range.start.line}, column ${f.range.start.column}` : null;
  card.append(
    el(
      'header',
      { class: 'finding-head' },
      el('span', { class: `badge sev-${f.severity}`, text: f.severity }),
      el('h4', { id: `${id}-title` }, el('span', { class: 'code', text: f.code }), ' ', el('span', { class: 'rule-name', text: f.name })),
      position
        ? el('button', {
            type: 'button',
            class: 'goto',
            data: { finding: String(index) },
            'aria-label': `${position}: select it in the editor`,
            text: position,
            on: { click: (event) => selectRange(f.range, event.currentTarget) },
          })
        : el('span', { class: 'muted', text: f.pointer }),
    ),
    inline(f.message, 'p', { class: 'message' }),
    el('p', { class: 'help' }, el('strong', { text: 'What to do: ' }), inline(f.help)),
  );
  const why = rule ? section(rule.docs, 'Why is this bad?') : '';
  if (why) {
    const details = el('details', { class: 'why' }, el('summary', { text: 'Why it matters' }));
    details.append(renderMarkdown(why, document), el('p', {}, el('a', { href: `#rules/${f.code}`, text: `All about ${f.code}` })));
    card.append(details);
  }
  if (f.fix) card.append(fixBlock(f.fix));
  const tabs = REMEDIATION_TABS.filter(([key]) => f.remediation?.[key]);
  if (tabs.length) card.append(remediationTabs(f, index, tabs));
  const meta = [];
  if (f.references?.length) {
    meta.push(
      el(
        'span',
        { class: 'refs' },
        'References: ',
        ...f.references.flatMap((url, i) => [i ? ', ' : '', el('a', { href: url, rel: 'noopener noreferrer', target: '_blank', text: shortUrl(url) })]),
      ),
    );
  }
  if (f.compliance?.length) meta.push(el('span', { class: 'compliance' }, ...f.compliance.map((c) => el('span', { class: 'tag', text: c }))));
  if (meta.length) card.append(el('p', { class: 'finding-meta' }, ...meta));
  return card;
}

function shortUrl(url) {
  try {
    const u = new URL(url);
    return u.hostname.replace(/^www\./, '') + (u.pathname.length > 1 ? u.pathname.replace(/\/$/, '').replace(/^(.{0,40}).*$/, '$1') : '');
  } catch {
    return url;
  }
}

function fixBlock(fix) {
  const labels = { safe: 'safe fix', unsafe: 'unsafe fix', 'display-only': 'manual fix' };
  return el(
    'div',
    { class: 'fix' },
    el('p', { class: 'fix-title' }, el('span', { class: `applicability ${fix.applicability}`, text: labels[fix.applicability] ?? fix.applicability }), ' ', inline(fix.title)),
    fix.edits.length
      ? el(
          'ul',
          { class: 'edits', 'aria-label': 'Edits' },
          ...fix.edits.map((edit) => {
            const e = editParts(edit);
            return e.verb === 'remove'
              ? el('li', {}, el('span', { class: 'verb remove', text: 'remove' }), ' ', el('code', { text: e.target }))
              : el('li', {}, el('span', { class: 'verb set', text: 'set' }), ' ', el('code', { text: e.target }), ' = ', el('code', { class: 'value', text: e.value }));
          }),
        )
      : null,
  );
}

function remediationTabs(f, index, tabs) {
  const base = `rem-${index}`;
  const tabButtons = [];
  const panels = [];
  const select = (i, focus) => {
    tabButtons.forEach((tab, j) => {
      tab.setAttribute('aria-selected', String(i === j));
      tab.tabIndex = i === j ? 0 : -1;
      panels[j].hidden = i !== j;
    });
    if (focus) tabButtons[i].focus();
  };
  tabs.forEach(([key, label], i) => {
    const text = f.remediation[key];
    tabButtons.push(
      el('button', {
        type: 'button',
        role: 'tab',
        id: `${base}-${key}-tab`,
        'aria-controls': `${base}-${key}`,
        'aria-selected': String(i === 0),
        tabindex: i === 0 ? '0' : '-1',
        text: label,
        on: { click: () => select(i, false) },
      }),
    );
    panels.push(
      el(
        'div',
        { role: 'tabpanel', id: `${base}-${key}`, 'aria-labelledby': `${base}-${key}-tab`, class: 'remediation-panel', hidden: i !== 0 },
        el('button', { type: 'button', class: 'copy', text: 'Copy', 'aria-label': `Copy the ${label} remediation`, on: { click: () => copyText(text, `${label} remediation`) } }),
        el('pre', { tabindex: '0' }, el('code', { text })),
      ),
    );
  });
  const list = el('div', { role: 'tablist', class: 'tabs small', 'aria-label': 'Remediation' }, ...tabButtons);
  list.addEventListener('keydown', (event) => tabKeys(event, tabButtons, select));
  return el('div', { class: 'remediation' }, el('p', { class: 'remediation-title', text: 'Where the config alone cannot fix it:' }), list, ...panels);
}

/** Arrow keys, Home and End move between tabs (WAI-ARIA tabs pattern, automatic activation). */
function tabKeys(event, tabs, select) {
  const i = tabs.indexOf(document.activeElement);
  if (i < 0) return;
  const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
  if (next === undefined) return;
  event.preventDefault();
  select((next + tabs.length) % tabs.length, true);
}

// --- Fixed config ---------------------------------------------------------------------------

async function computeFixed() {
  if (!state.engine || !state.report || state.checkedText === null) return renderFixed();
  if (state.fixRunning) {
    state.fixPending = true;
    return;
  }
  state.fixRunning = true;
  const text = state.checkedText;
  const unsafeFixes = dom.unsafe.checked;
  $('panel-fixed').setAttribute('aria-busy', 'true');
  try {
    const result = await state.engine.call('fix', text, { ...state.options, unsafeFixes });
    state.fixed = { text, unsafeFixes, ...result };
  } catch (error) {
    state.fixed = { text, unsafeFixes, error };
  } finally {
    state.fixRunning = false;
    $('panel-fixed').removeAttribute('aria-busy');
  }
  if (state.fixPending) {
    state.fixPending = false;
    return computeFixed();
  }
  renderFixed();
}

function renderFixed() {
  const fixed = state.fixed;
  const panel = $('panel-fixed');
  const buttons = ['copy-fixed', 'download-fixed', 'download-patch', 'use-fixed'].map($);
  const usable = fixed && !fixed.error && fixed.text === state.checkedText;
  for (const b of buttons) b.disabled = !usable;
  panel.dataset.state = usable ? 'done' : 'empty';
  if (!usable) {
    dom.fixedDiff.replaceChildren(
      el(
        'p',
        { class: 'muted' },
        fixed?.error
          ? `The fixes could not be applied: ${fixed.error.message}`
          : state.error
            ? 'Fix the input error first.'
            : state.report
              ? 'Applying the fixes…'
              : 'Check a configuration to see it with the fixes applied.',
      ),
    );
    dom.fixedText.textContent = '';
    dom.fixSummary.replaceChildren();
    return;
  }
  const applied = fixed.applied;
  const remaining = fixed.remaining;
  const unsafeLeft = remaining.findings.filter((f) => f.fix?.applicability === 'unsafe').length;
  const manual = remaining.findings.filter((f) => !f.fix || f.fix.applicability === 'display-only').length;
  dom.fixSummary.replaceChildren(
    el(
      'p',
      {},
      el('strong', { text: applied.length ? `${applied.length} fix${applied.length === 1 ? '' : 'es'} applied` : 'No fix applies' }),
      `; after them: ${summaryPhrase(remaining.summary)} (${remaining.passed ? 'passes' : 'still fails'}).`,
      !fixed.unsafeFixes && unsafeLeft ? ` ${unsafeLeft} more with unsafe fixes.` : '',
      manual ? ` ${manual} need${manual === 1 ? 's' : ''} a change outside the file (see the remediation).` : '',
    ),
    applied.length
      ? el(
          'ul',
          { class: 'applied' },
          ...applied.map((f) => el('li', {}, el('span', { class: `applicability ${f.fix?.applicability}`, text: f.fix?.applicability ?? '' }), ' ', el('code', { text: f.code }), ' ', inline(f.fix?.title ?? f.message))),
        )
      : '',
  );
  dom.fixedText.textContent = fixed.output;
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
  for (const entry of hunks(ops, 3)) {
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

function setUpFixed() {
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
  $('copy-fixed').addEventListener('click', () => state.fixed && copyText(state.fixed.output, 'Fixed config'));
  $('download-fixed').addEventListener('click', () => {
    if (!state.fixed) return;
    download(fixedName(), state.fixed.output, 'text/plain');
  });
  $('download-patch').addEventListener('click', () => {
    if (!state.fixed?.ops) return;
    const name = inputName();
    download(exportName(name, '.fix.diff'), unifiedDiff(state.fixed.ops, `a/${name}`, `b/${name}`), 'text/x-diff');
  });
  $('use-fixed').addEventListener('click', () => {
    if (!state.fixed) return;
    setInput(state.fixed.output, { name: state.name, note: 'fixes applied' });
    selectTab(0, false);
    dom.editor.focus({ preventScroll: true });
  });
}

function inputName() {
  if (state.name) return state.name;
  const format = state.report?.connectors[0]?.format;
  return format === 'properties' || format === 'msk-worker-configuration' ? 'config.properties' : 'config.json';
}

function fixedName() {
  const name = inputName();
  const ext = /\.[^.\\/]+$/.exec(name)?.[0] ?? '';
  return exportName(name, `.fixed${ext}`);
}

// --- Result tabs ----------------------------------------------------------------------------

const resultTabs = [$('tab-findings'), $('tab-fixed')];
const resultPanels = [$('panel-findings'), $('panel-fixed')];

function selectTab(i, focus) {
  resultTabs.forEach((tab, j) => {
    tab.setAttribute('aria-selected', String(i === j));
    tab.tabIndex = i === j ? 0 : -1;
    resultPanels[j].hidden = i !== j;
  });
  if (focus) resultTabs[i].focus();
  if (i === 1 && (!state.fixed || state.fixed.text !== state.checkedText)) computeFixed();
}

function setUpTabs() {
  resultTabs.forEach((tab, i) => tab.addEventListener('click', () => selectTab(i, false)));
  $('result-tabs').addEventListener('keydown', (event) => tabKeys(event, resultTabs, selectTab));
}

// --- Exports, copy, download ----------------------------------------------------------------

function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = el('a', { href: url, download: name, class: 'visually-hidden' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  toast(`Downloaded ${name}`);
}

async function copyText(text, what) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = el('textarea', { class: 'visually-hidden', 'aria-hidden': 'true' });
    area.value = text;
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    if (!ok) return toast(`Copying failed: select the text and copy it by hand.`);
  }
  toast(`${what} copied to the clipboard`);
}

function setUpExports() {
  $('export-json').addEventListener('click', () => {
    if (!state.report) return;
    const json = cliJson(state.report, inputName());
    download(exportName(inputName(), '.msk-connect-lint.json'), `${JSON.stringify(json, null, 2)}\n`, 'application/json');
  });
  $('export-sarif').addEventListener('click', async () => {
    if (!state.report) return;
    try {
      const sarif = await state.engine.call('toSarif', [{ path: inputName(), report: redactReport(state.report) }]);
      download(exportName(inputName(), '.sarif'), `${JSON.stringify(sarif, null, 2)}\n`, 'application/sarif+json');
    } catch (error) {
      toast(`SARIF export failed: ${error.message}`);
    }
  });
  $('export-md').addEventListener('click', () => {
    if (!state.report) return;
    const md = reportToMarkdown(state.report, { path: inputName(), failOn: state.options?.failOn ?? 'high' });
    download(exportName(inputName(), '.msk-connect-lint.md'), md, 'text/markdown');
  });
}

let toastTimer = 0;
function toast(message) {
  dom.toast.textContent = message;
  dom.toast.classList.add('show');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => dom.toast.classList.remove('show'), 4000);
}

// --- Rule catalogue -------------------------------------------------------------------------

function renderRules(rules) {
  const fixLabel = { none: 'no fix', sometimes: 'fix sometimes', always: 'fix' };
  dom.ruleList.replaceChildren(
    ...rules.map((rule) => {
      const details = el(
        'details',
        { class: 'rule-docs' },
        el('summary', {}, 'Documentation'),
      );
      details.addEventListener('toggle', () => {
        if (details.open && !details.dataset.rendered) {
          details.append(renderMarkdown(rule.docs, document, { headingShift: 2 }));
          details.dataset.rendered = 'true';
        }
      });
      const item = el(
        'li',
        { class: `rule sev-${rule.severity}`, id: `rule-${rule.code}`, data: { code: rule.code } },
        el(
          'div',
          { class: 'rule-head' },
          el('span', { class: `badge sev-${rule.severity}`, text: rule.severity }),
          el('h3', { tabindex: '-1' }, el('span', { class: 'code', text: rule.code }), ' ', el('span', { class: 'rule-name', text: rule.name })),
          el('span', { class: 'tag', text: rule.category }),
          el('span', { class: 'tag', text: fixLabel[rule.fix] ?? rule.fix }),
        ),
        inline(rule.summary, 'p', { class: 'rule-summary' }),
        details,
      );
      item.dataset.search = [rule.code, rule.name, rule.severity, rule.category, rule.summary, rule.docs].join('\n').toLowerCase();
      return item;
    }),
  );
  filterRules();
}

function filterRules() {
  const terms = dom.ruleSearch.value.toLowerCase().split(/\s+/).filter(Boolean);
  let shown = 0;
  const items = [...dom.ruleList.children];
  for (const item of items) {
    const match = terms.every((t) => item.dataset.search.includes(t));
    item.hidden = !match;
    if (match) shown++;
  }
  dom.ruleCount.textContent = terms.length ? `${shown} of ${items.length} rules match.` : `${items.length} rules.`;
}

// --- Views ----------------------------------------------------------------------------------

function route() {
  const hash = decodeURIComponent(location.hash.slice(1));
  const rules = hash === 'rules' || hash.startsWith('rules/');
  $('view-check').hidden = rules;
  $('view-rules').hidden = !rules;
  for (const [id, current] of [['nav-check', !rules], ['nav-rules', rules]]) {
    if (current) $(id).setAttribute('aria-current', 'page');
    else $(id).removeAttribute('aria-current');
  }
  if (!rules) {
    if (hash === 'check') dom.editor.focus({ preventScroll: true });
    return;
  }
  const code = hash.startsWith('rules/') ? hash.slice(6).toUpperCase() : '';
  const item = code && $(`rule-${code}`);
  if (item) {
    if (item.hidden) {
      dom.ruleSearch.value = '';
      filterRules();
    }
    const details = item.querySelector('details');
    details.open = true;
    item.scrollIntoView({ block: 'start' });
    item.querySelector('h3').focus({ preventScroll: true });
  } else {
    $('rules-heading').focus({ preventScroll: true });
    scrollTo(0, 0);
  }
}

// --- Start ----------------------------------------------------------------------------------

function showLoadError(error) {
  document.documentElement.dataset.engine = 'error';
  dom.results.dataset.state = 'unavailable';
  const fromDisk = location.protocol === 'file:';
  dom.loadError.hidden = false;
  dom.loadError.replaceChildren(
    el('strong', { text: 'The checker could not be loaded. ' }),
    fromDisk
      ? 'Pages opened straight from disk cannot load WebAssembly: serve the folder over HTTP (`make serve`, or any static file server).'
      : 'It needs a browser with WebAssembly, and the files built by `make build` (www/pkg/) next to this page.',
    el('br'),
    el('span', { class: 'muted', text: `Details: ${error?.message ?? error}` }),
  );
  dom.verdict.className = 'verdict verdict-error';
  dom.verdict.textContent = 'The checker is not available, so nothing can be checked.';
  $('check-now').disabled = true;
}

async function start() {
  document.documentElement.dataset.started = 'true';
  setUpInput();
  setUpTabs();
  setUpFixed();
  setUpExports();
  dom.ruleSearch.addEventListener('input', filterRules);
  document.querySelector('.skip-link').addEventListener('click', (event) => {
    event.preventDefault();
    if (!$('view-check').hidden) return dom.editor.focus();
    location.hash = 'check';
  });
  addEventListener('hashchange', route);
  updateGutter();
  dom.verdict.textContent = 'Loading the checker…';
  const samples = setUpSamples();

  let engine;
  try {
    engine = await loadEngine();
  } catch (error) {
    showLoadError(error);
    await samples;
    route();
    return;
  }
  state.engine = engine;
  for (const rule of engine.rules) state.rules.set(rule.code, rule);
  $('version').textContent = `v${engine.version}`;
  $('footer-version').textContent = engine.version;
  renderRules(engine.rules);
  // For the tests and for the curious: the page's own engine, as promises.
  window.mskConnectLint = Object.freeze({
    validate: (input, options) => engine.call('validate', input, options),
    fix: (input, options) => engine.call('fix', input, options),
    rules: () => engine.call('rules'),
    toSarif: (reports) => engine.call('toSarif', reports),
    version: () => engine.version,
    where: engine.where,
  });
  await samples;
  document.documentElement.dataset.readyMs = String(Math.round(performance.now()));
  document.documentElement.dataset.engine = 'ready';
  route();
  if (dom.editor.value) {
    updateGutter();
    updateInputStatus();
  }
  checkNow();
}

start();
