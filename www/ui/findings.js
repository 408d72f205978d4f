// The results summary (verdict, counts, connectors) and the Findings panel: the finding cards,
// an input error, or the introduction when there is no input.
import { renderMarkdown, section } from '../markdown.js';
import {
  CONNECTORS_SHOWN,
  DIAGNOSTICS_SHOWN,
  FINDINGS_SHOWN,
  FIX_LABELS,
  detectedText,
  errorRange,
  errorVerdict,
  expiredText,
  findingGroups,
  hiddenNote,
  limitGroups,
  shortUrl,
  suppressedNote,
  verdict,
} from '../present.js';
import { REMEDIATION_TABS, SEVERITIES, connectorLabel, editParts } from '../report.js';
import { selectRange, showErrorLine } from './editor.js';
import { el, inline, setText } from './dom.js';
import { copyText } from './exports.js';
import { dom, state } from './state.js';
import { tabKeys } from './tabs.js';

/** Clears what the previous check showed above the findings. */
export function resetSummary() {
  dom.results.classList.remove('stale');
  dom.connectors.replaceChildren();
  dom.counts.replaceChildren();
  dom.detected.textContent = '';
}

export function renderEmpty() {
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
}

export function renderError(error, ms) {
  dom.results.dataset.state = 'error';
  dom.timing.textContent = `checked in ${Math.round(ms)} ms`;
  dom.verdict.className = 'verdict verdict-error';
  dom.verdict.textContent = errorVerdict(error);
  if (error.name === 'OptionsError') {
    dom.policy.open = true;
    setText(dom.policyError, error.message);
  }
  const range = errorRange(error);
  showErrorLine(range ? error.line : 0);
  dom.findings.replaceChildren(
    el(
      'div',
      { class: 'input-error', id: 'input-error' },
      el('h3', { text: error.name === 'OptionsError' ? 'Invalid options' : 'The input cannot be read' }),
      el('p', { class: 'error-message' }, range ? el('strong', { text: `Line ${error.line}, column ${error.column}: ` }) : null, inline(error.message)),
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
}

export function renderReport(report, options, ms) {
  dom.results.dataset.state = 'done';
  dom.timing.textContent = `checked in ${Math.round(ms)} ms`;
  const v = verdict(report, options.failOn);
  dom.verdict.className = v.className;
  dom.verdict.replaceChildren(el('strong', { class: 'verdict-word', text: v.word }), v.text);
  dom.counts.replaceChildren(
    ...SEVERITIES.map((s) =>
      el('li', { class: `count sev-${s}${report.summary[s] ? '' : ' zero'}` }, el('span', { class: 'n', text: String(report.summary[s]) }), ` ${s}`),
    ),
  );
  dom.detected.textContent = detectedText(report);
  const chips = report.connectors.slice(0, CONNECTORS_SHOWN).map(connectorChip);
  const moreConnectors = report.connectors.length - chips.length;
  if (moreConnectors > 0) chips.push(el('li', { class: 'connector-chip more muted', text: `and ${moreConnectors.toLocaleString('en')} more connectors` }));
  dom.connectors.replaceChildren(...chips);
  drawFindings(report, findingGroups(report), FINDINGS_SHOWN);
}

/**
 * The finding cards, the first `limit` of them (a large input can have tens of thousands: all at
 * once would freeze the page), with a note saying how many are not drawn and "Show more".
 */
function drawFindings(report, allGroups, limit) {
  const { groups, shown, hidden } = limitGroups(allGroups, limit);
  const parts = groups.map(({ label, heading, findings }, gi) =>
    el(
      'section',
      { class: 'connector-group', 'aria-labelledby': `connector-${gi}` },
      el('h3', { id: `connector-${gi}` }, label, ' ', el('span', { class: 'muted', text: heading })),
      findings.length
        ? el('ol', { class: 'finding-list' }, ...findings.map(({ finding, index }) => el('li', {}, findingCard(finding, index))))
        : el('p', { class: 'clean', text: 'Nothing crosses the network unencrypted or unverified here.' }),
    ),
  );
  if (hidden) {
    parts.push(
      el(
        'div',
        { class: 'warning findings-capped', id: 'findings-capped', role: 'note' },
        el('p', { text: hiddenNote({ shown, hidden }) }),
        report.findings.length > DIAGNOSTICS_SHOWN
          ? el('p', { text: `The editor underlines the first ${DIAGNOSTICS_SHOWN.toLocaleString('en')}.` })
          : null,
        el('button', {
          type: 'button',
          id: 'show-more-findings',
          text: `Show ${Math.min(hidden, FINDINGS_SHOWN)} more`,
          on: {
            click: () => {
              drawFindings(report, allGroups, limit + FINDINGS_SHOWN);
              // Focus the first card just drawn, so keyboard users go on from there.
              const next = dom.findings.querySelectorAll('.finding')[shown];
              if (next) {
                next.tabIndex = -1;
                next.focus();
              }
            },
          },
        }),
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
          ...report.suppressed.slice(0, FINDINGS_SHOWN).map((s) =>
            el(
              'li',
              {},
              el('span', { class: `badge sev-${s.finding.severity}`, text: s.finding.severity }),
              ' ',
              el('code', { text: s.finding.code }),
              ' ',
              inline(s.finding.message),
              el('span', { class: 'muted' }, suppressedNote(s)),
            ),
          ),
          report.suppressed.length > FINDINGS_SHOWN ? el('li', { class: 'muted', text: `and ${(report.suppressed.length - FINDINGS_SHOWN).toLocaleString('en')} more (see the exports)` }) : null,
        ),
      ),
    );
  }
  if (report.expiredExceptions?.length) {
    parts.push(
      el('div', { class: 'warning', role: 'note' }, el('strong', { text: 'Expired exceptions: ' }), expiredText(report.expiredExceptions)),
    );
  }
  dom.findings.replaceChildren(...parts);
}

function connectorChip(c, i) {
  return el(
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
  );
}

function findingCard(f, index) {
  const rule = state.rules.get(f.code);
  const id = `finding-${index}`;
  const card = el('article', { class: `finding sev-${f.severity}`, id, data: { index: String(index) }, 'aria-labelledby': `${id}-title` });
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

function fixBlock(fix) {
  return el(
    'div',
    { class: 'fix' },
    el('p', { class: 'fix-title' }, el('span', { class: `applicability ${fix.applicability}`, text: FIX_LABELS[fix.applicability] ?? fix.applicability }), ' ', inline(fix.title)),
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
