/**
 * The report's one script, inline (allowed by its hash in the Content-Security-Policy). The page
 * is complete without it: it only adds the severity and text filters, the copy buttons, and opens
 * every folded section before printing. It reads the page, never data from a value: no value of
 * the report is ever code.
 */
export const SCRIPT = `(function () {
  'use strict';
  var doc = document;
  var each = function (selector, fn, root) { Array.prototype.forEach.call((root || doc).querySelectorAll(selector), fn); };
  doc.documentElement.classList.add('js');
  each('[data-js]', function (el) { el.hidden = false; });

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = doc.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.className = 'offscreen';
      doc.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = doc.execCommand('copy'); } catch (e) { ok = false; }
      doc.body.removeChild(area);
      if (ok) resolve(); else reject(new Error('copy refused'));
    });
  }
  // One listener for every copy button: a large report has tens of thousands.
  doc.addEventListener('click', function (event) {
    var button = event.target;
    if (!button || !button.classList || !button.classList.contains('copy')) return;
    var command = button.parentNode.querySelector('pre');
    if (!command) return;
    copyText(command.textContent).then(function () {
      button.textContent = 'Copied';
    }, function () {
      button.textContent = 'Select and copy';
    });
    setTimeout(function () { button.textContent = 'Copy'; }, 2000);
  });

  var findings = doc.getElementById('findings');
  function applyFilters() {
    if (!findings) return;
    var shown = {};
    each('input[data-severity-filter]', function (box) { shown[box.value] = box.checked; }, findings);
    var query = (doc.getElementById('finding-query') || { value: '' }).value.trim().toLowerCase();
    each('section.severity[data-severity]', function (section) {
      section.hidden = shown[section.getAttribute('data-severity')] === false;
    }, findings);
    each('li.finding', function (li) {
      li.hidden = !!query && li.textContent.toLowerCase().indexOf(query) < 0;
    }, findings);
    if (query) each('details.more', function (d) { d.open = true; }, findings);
    each('section.rule, section.severity', function (section) {
      if (!section.hidden) section.hidden = !section.querySelector('li.finding:not([hidden])');
    }, findings);
    var count = findings.querySelectorAll('section.severity:not([hidden]) li.finding:not([hidden])').length;
    var status = doc.getElementById('filter-status');
    if (status) status.textContent = count + ' shown';
  }
  each('input[data-severity-filter]', function (box) { box.addEventListener('change', applyFilters); });
  var queryBox = doc.getElementById('finding-query');
  if (queryBox) queryBox.addEventListener('input', applyFilters);

  window.addEventListener('beforeprint', function () { each('details', function (d) { d.open = true; }); });
})();`;
