/*
 * Conditional reveal (progressive enhancement; the page works without it). An element with
 * data-reveal-field="<name>" and data-reveal-states='[["yes"], …]' is shown only while the checked or
 * selected values of the inputs named <name>, in page order, equal one of those states (precomputed by the
 * server from the package's condition, see src/forms/reveal.ts). The radios and checkboxes of that question
 * get aria-controls, as in GOV.UK Frontend, and checkboxes aria-expanded too. A question that is itself hidden counts as
 * unanswered, so chains of conditions work; blocks are settled in page order after every change.
 */
(() => {
  const blocks = [...document.querySelectorAll('[data-reveal-field][data-reveal-states]')];
  if (blocks.length === 0) return;

  const inputsOf = (block) => {
    const form = block.closest('form');
    const name = block.getAttribute('data-reveal-field');
    return form ? [...form.querySelectorAll('input, select')].filter((input) => input.name === name) : [];
  };

  const stateOf = (inputs) => {
    if (inputs.some((input) => input.closest('[hidden]'))) return [];
    return inputs.flatMap((input) => {
      if (input instanceof HTMLSelectElement) return input.value === '' ? [] : [input.value];
      return input.checked ? [input.value] : [];
    });
  };

  const update = () => {
    const controlling = new Map();
    for (const block of blocks) {
      const inputs = inputsOf(block);
      let states = [];
      try {
        states = JSON.parse(block.getAttribute('data-reveal-states') ?? '[]').map((s) => JSON.stringify(s));
      } catch {
        continue;
      }
      block.hidden = !states.includes(JSON.stringify(stateOf(inputs)));
      for (const input of inputs) {
        if (input.type !== 'radio' && input.type !== 'checkbox') continue;
        const entry = controlling.get(input) ?? { ids: [], expanded: false };
        entry.ids.push(block.id);
        entry.expanded ||= !block.hidden;
        controlling.set(input, entry);
      }
    }
    for (const [input, { ids, expanded }] of controlling) {
      input.setAttribute('aria-controls', ids.join(' '));
      // ARIA 1.2 allows aria-expanded on checkboxes, not on radios (axe: aria-allowed-attr), unlike GOV.UK.
      if (input.type === 'checkbox') input.setAttribute('aria-expanded', String(expanded));
    }
  };

  update();
  for (const form of new Set(blocks.map((block) => block.closest('form')))) {
    form?.addEventListener('change', update);
  }
})();
