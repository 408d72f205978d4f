// The result tabs (Findings, Fixed config) with their count badges, and the arrow-key handling
// every tab list on the page shares.
import { tabBadges } from '../present.js';
import { el, setChildren } from './dom.js';
import { dom } from './state.js';

/** Arrow keys, Home and End move between tabs (WAI-ARIA tabs pattern, automatic activation). */
export function tabKeys(event, tabs, select) {
  const i = tabs.indexOf(document.activeElement);
  if (i < 0) return;
  const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
  if (next === undefined) return;
  event.preventDefault();
  select((next + tabs.length) % tabs.length, true);
}

// Set by setUpResultTabs: what showing the Fixed config tab starts (computing the fixes).
let onShowFixed = () => {};

/** Shows result tab `i` (0 Findings, 1 Fixed config). */
export function selectTab(i, focus) {
  const tabs = [dom.tabFindings, dom.tabFixed];
  const panels = [dom.panelFindings, dom.panelFixed];
  tabs.forEach((tab, j) => {
    tab.setAttribute('aria-selected', String(i === j));
    tab.tabIndex = i === j ? 0 : -1;
    panels[j].hidden = i !== j;
  });
  if (focus) tabs[i].focus();
  if (i === 1) onShowFixed();
}

export function setUpResultTabs({ showFixed }) {
  onShowFixed = showFixed;
  const tabs = [dom.tabFindings, dom.tabFixed];
  tabs.forEach((tab, i) => tab.addEventListener('click', () => selectTab(i, false)));
  dom.resultTabs.addEventListener('keydown', (event) => tabKeys(event, tabs, selectTab));
}

/** Tab labels with their badges: "Findings 3", "Fixed config 2 safe"; no report, no badges. */
export function renderTabCounts(report) {
  const badges = tabBadges(report);
  const badge = (b) => b && el('span', { class: 'tab-count', text: b.text, title: b.title });
  setChildren(dom.tabFindings, 'Findings', badge(badges.findings));
  setChildren(dom.tabFixed, 'Fixed config', badge(badges.fixed));
}
