// Exports of the report (JSON, SARIF, Markdown), and the download and copy the other views use.
import { inputName } from '../present.js';
import { cliJson, exportName, jsonText, redactReport, reportToMarkdown } from '../report.js';
import { el, toast } from './dom.js';
import { dom, state } from './state.js';

export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = el('a', { href: url, download: name, class: 'visually-hidden' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  toast(`Downloaded ${name}`);
}

export async function copyText(text, what) {
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

/** The export buttons work only while a report is shown. */
export function setExportsEnabled(enabled) {
  for (const button of [dom.exportJson, dom.exportSarif, dom.exportMd]) button.disabled = !enabled;
}

export function setUpExports() {
  const name = () => inputName(state.name, state.report);
  dom.exportJson.addEventListener('click', () => {
    if (!state.report) return;
    const json = cliJson(state.report, name());
    download(exportName(name(), '.msk-connect-lint.json'), jsonText(json), 'application/json');
  });
  dom.exportSarif.addEventListener('click', async () => {
    if (!state.report) return;
    try {
      const sarif = await state.engine.call('toSarif', [{ path: name(), report: redactReport(state.report) }]);
      download(exportName(name(), '.sarif'), jsonText(sarif), 'application/sarif+json');
    } catch (error) {
      toast(`SARIF export failed: ${error.message}`);
    }
  });
  dom.exportMd.addEventListener('click', () => {
    if (!state.report) return;
    const md = reportToMarkdown(state.report, { path: name(), failOn: state.options?.failOn ?? 'high' });
    download(exportName(name(), '.msk-connect-lint.md'), md, 'text/markdown');
  });
}
