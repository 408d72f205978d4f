// The page's shared state and its elements, in one module so the others share them without
// importing each other. `dom` stays empty until the start-up module calls `bindDom(document)`.

export const state = {
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
  settingInput: false,
};

/** Key in `dom` → element id in index.html. */
const IDS = {
  editorWrap: 'editor-wrap',
  editorHost: 'editor-host',
  inputName: 'input-name',
  inputStatus: 'input-status',
  checkNow: 'check-now',
  clear: 'clear',
  openFile: 'open-file',
  fileInput: 'file-input',
  live: 'live',
  format: 'format',
  samplesButton: 'samples-button',
  samplesMenu: 'samples-menu',
  samplesList: 'samples-list',
  results: 'results',
  verdict: 'verdict',
  counts: 'counts',
  detected: 'detected',
  timing: 'timing',
  connectors: 'connectors',
  findings: 'findings',
  failOn: 'fail-on',
  policy: 'policy',
  policyText: 'policy-text',
  policyError: 'policy-error',
  exportJson: 'export-json',
  exportSarif: 'export-sarif',
  exportMd: 'export-md',
  resultTabs: 'result-tabs',
  tabFindings: 'tab-findings',
  tabFixed: 'tab-fixed',
  panelFindings: 'panel-findings',
  panelFixed: 'panel-fixed',
  unsafe: 'unsafe-fixes',
  fixSummary: 'fix-summary',
  fixedDiff: 'fixed-diff',
  fixedText: 'fixed-text',
  copyFixed: 'copy-fixed',
  downloadFixed: 'download-fixed',
  downloadPatch: 'download-patch',
  useFixed: 'use-fixed',
  share: 'share',
  shareResult: 'share-result',
  shareUrl: 'share-url',
  shareStatus: 'share-status',
  sharePreview: 'share-preview',
  viewCheck: 'view-check',
  viewRules: 'view-rules',
  navCheck: 'nav-check',
  navRules: 'nav-rules',
  rulesHeading: 'rules-heading',
  ruleSearch: 'rule-search',
  ruleList: 'rule-list',
  ruleCount: 'rule-count',
  version: 'version',
  footerVersion: 'footer-version',
  toast: 'toast',
  loadError: 'load-error',
};

/** `dom.editor` (the editor's editable element) is set when ui/editor.js mounts the editor. */
export const dom = {};

/** Looks up every element the modules use; a missing one is a bug in index.html, so it throws. */
export function bindDom(doc) {
  for (const [key, id] of Object.entries(IDS)) {
    const node = doc.getElementById(id);
    if (!node) throw new Error(`index.html has no #${id}`);
    dom[key] = node;
  }
}
