// The rule catalogue (#rules): every rule with its docs rendered on first open, the search, and
// the hash routes between it and the checker.
import { renderMarkdown } from '../markdown.js';
import { RULE_FIX_LABELS, matchesTerms, routeOf, ruleCountText, ruleSearchText, searchTerms } from '../present.js';
import { byId, docInline, el } from './dom.js';
import { focusEditor } from './editor.js';
import { dom } from './state.js';

export function renderRules(rules) {
  dom.ruleList.replaceChildren(
    ...rules.map((rule) => {
      const details = el('details', { class: 'rule-docs' }, el('summary', {}, 'Documentation'));
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
          el('span', { class: 'tag', text: RULE_FIX_LABELS[rule.fix] ?? rule.fix }),
        ),
        docInline(rule.summary, 'p', { class: 'rule-summary' }),
        details,
      );
      item.dataset.search = ruleSearchText(rule);
      return item;
    }),
  );
  filterRules();
}

function filterRules() {
  const terms = searchTerms(dom.ruleSearch.value);
  let shown = 0;
  const items = [...dom.ruleList.children];
  for (const item of items) {
    const match = matchesTerms(item.dataset.search, terms);
    item.hidden = !match;
    if (match) shown++;
  }
  dom.ruleCount.textContent = ruleCountText(shown, items.length, terms.length > 0);
}

/** Shows the view the hash names: the checker, the rule list, or one rule (#rules/MSK010). */
export function route() {
  const hash = decodeURIComponent(location.hash.slice(1));
  const { rules, code } = routeOf(hash);
  dom.viewCheck.hidden = rules;
  dom.viewRules.hidden = !rules;
  for (const [nav, current] of [[dom.navCheck, !rules], [dom.navRules, rules]]) {
    if (current) nav.setAttribute('aria-current', 'page');
    else nav.removeAttribute('aria-current');
  }
  if (!rules) {
    if (hash === 'check') focusEditor();
    return;
  }
  const item = code && byId(`rule-${code}`);
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
    dom.rulesHeading.focus({ preventScroll: true });
    scrollTo(0, 0);
  }
}

export function setUpCatalogue() {
  dom.ruleSearch.addEventListener('input', filterRules);
}
