(function () {
'use strict';
// Two modes. Served by `clean-scan review`: every call goes to the server,
// which saves each decision at once. In the HTML report opened from disk:
// the items come with the page, decisions stay in this browser (local
// storage, per input) and "export" downloads them as the decisions file.
const $ = (id) => document.getElementById(id);
const DATA_NODE = $('review-data');
const OFFLINE = DATA_NODE ? JSON.parse(DATA_NODE.textContent) : null;
const TOKEN = OFFLINE ? null : JSON.parse($('token').textContent);
const BOX = $('review-box');
let state = {items: [], decided: {}}, shown = [], at = 0, doubtfulOnly = false;

function keyOf(decision) {
  return decision.word !== undefined ? 'word:' + decision.word : decision.id;
}
const local = {
  name: OFFLINE ? 'clean-scan-review:' + OFFLINE.input_sha256 : '',
  read() {
    try { return JSON.parse(localStorage.getItem(this.name) || '{}'); } catch (e) { return {}; }
  },
  write(decided) {
    try { localStorage.setItem(this.name, JSON.stringify(decided)); } catch (e) { /* kept in the page */ }
  },
};
let offlineDecided = OFFLINE ? local.read() : {};

async function call(path, body) {
  if (OFFLINE) return offlineCall(path, body);
  const init = {headers: {'X-Review-Token': TOKEN}};
  if (body !== undefined) {
    init.method = 'POST'; init.body = JSON.stringify(body);
    init.headers['Content-Type'] = 'application/json';
  }
  const reply = await fetch(path, init);
  const data = await reply.json();
  if (!reply.ok || data.ok === false) throw new Error(data.error || reply.statusText);
  return data;
}
function offlineCall(path, body) {
  if (path === '/api/state') return {items: OFFLINE.items, decided: offlineDecided};
  if (path === '/api/decide') {
    const key = keyOf(body);
    if (body.action === 'undo') delete offlineDecided[key]; else offlineDecided[key] = body;
    local.write(offlineDecided);
    return {ok: true, decided: Object.keys(offlineDecided).length};
  }
  throw new Error('needs the server: clean-scan review REPORT.json');
}
function exportDecisions() {
  const file = {version: 1, input_sha256: OFFLINE.input_sha256,
    decisions: Object.values(offlineDecided)};
  const blob = new Blob([JSON.stringify(file, null, 1) + '\n'], {type: 'application/json'});
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = OFFLINE.decisions_name;
  document.body.appendChild(link); link.click(); link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  $('message').textContent = 'exported ' + file.decisions.length + ' decisions as ' +
    OFFLINE.decisions_name;
}

async function load() {
  state = await call('/api/state');
  const current = shown[at] && shown[at].id;
  shown = state.items.filter((item) => !doubtfulOnly || item.doubtful);
  at = Math.max(0, shown.findIndex((item) => item.id === current));
  render();
}
function decisionOf(item) {
  return state.decided[item.id] || state.decided['word:' + (item.text || '')];
}
function render() {
  const left = shown.filter((item) => !decisionOf(item)).length;
  $('left').textContent = left + ' left of ' + shown.length;
  $('filter').textContent = doubtfulOnly ? 'doubtful only' : 'all items';
  const item = shown[at];
  $('card').hidden = !item;
  if (!item) return;
  $('position').textContent = (at + 1) + ' / ' + shown.length;
  $('kind').textContent = (item.doubtful ? 'Doubtful: ' : 'Change: ') + item.stage + ' / ' + item.rule;
  $('where').textContent = (item.page ? 'printed page ' + item.page + ', ' : '') + 'line ' + item.line;
  $('before').textContent = item.before_context;
  $('raw').textContent = item.raw;
  $('after').textContent = item.after_context;
  $('wrote').textContent = item.kind === 'edit' ? 'clean-scan wrote: ' + JSON.stringify(item.after) : '';
  $('suggestions').textContent = item.suggestions.length ? 'suggestions: ' + item.suggestions.join(', ') : '';
  $('reason').textContent = item.reason + ' (confidence ' + item.confidence + ')';
  const decision = decisionOf(item);
  $('decision').textContent = decision ? 'decided: ' + decision.action + (decision.text !== undefined ? ' "' + decision.text + '"' : '') : '';
  $('accept').disabled = !(item.kind === 'flag' && item.suggestions.length);
  $('reject').disabled = item.kind !== 'edit';
}
async function decide(decision) {
  try {
    await call('/api/decide', decision);
    $('message').textContent = OFFLINE ? 'kept in this browser (export to use it)' : 'saved';
    await load();
  } catch (error) { $('message').textContent = 'not saved: ' + error.message; }
}
function wordOf(item) { return (item.kind === 'flag' ? item.text : item.raw).trim(); }
const actions = {
  next() { if (at < shown.length - 1) at++; render(); },
  prev() { if (at > 0) at--; render(); },
  accept() { const item = shown[at]; if (item && item.kind === 'flag' && item.suggestions.length)
    decide({id: item.id, action: 'accept', text: item.suggestions[0]}); },
  reject() { const item = shown[at]; if (item && item.kind === 'edit') decide({id: item.id, action: 'reject'}); },
  edit() { const item = shown[at]; if (!item) return;
    $('replacement').value = item.kind === 'edit' ? item.after : item.text; $('replacement').focus(); },
  replace() { const item = shown[at]; if (!item) return;
    decide({id: item.id, action: 'replace', text: $('replacement').value}); $('replacement').blur(); },
  trust() { const item = shown[at]; if (item) decide({word: wordOf(item), action: 'trust'}); },
  undo() { const item = shown[at]; if (!item) return; const d = decisionOf(item);
    if (d) decide(d.word ? {word: d.word, action: 'undo'} : {id: item.id, action: 'undo'}); },
  doubtful() { doubtfulOnly = !doubtfulOnly; load(); },
  export() { if (OFFLINE) exportDecisions(); },
  async apply() { $('message').textContent = 'applying…';
    try { const done = await call('/api/apply', {});
      $('message').textContent = 'applied ' + done.applied + ' decisions' +
        (done.stale.length ? '; stale: ' + done.stale.join('; ') : '');
      await load(); }
    catch (error) { $('message').textContent = 'not applied: ' + error.message; } },
};
const KEYS = {j: 'next', ArrowDown: 'next', k: 'prev', ArrowUp: 'prev', a: 'accept', r: 'reject',
  e: 'edit', t: 'trust', u: 'undo', d: 'doubtful', x: OFFLINE ? 'export' : 'apply'};
document.addEventListener('keydown', (event) => {
  if (BOX && !BOX.open) return;  // in the report, the keys work while the review is open
  if (event.target === $('replacement')) {
    if (event.key === 'Enter') { event.preventDefault(); actions.replace(); }
    return;
  }
  const name = KEYS[event.key];
  if (name && !event.ctrlKey && !event.metaKey && !event.altKey) { event.preventDefault(); actions[name](); }
});
for (const name of Object.keys(actions)) {
  const button = $(name === 'doubtful' ? 'doubtful-only' : name);
  if (button) button.addEventListener('click', () => actions[name]());
}
load().catch((error) => { $('message').textContent = 'cannot load: ' + error.message; });
})();
