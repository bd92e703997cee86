/*! evidence-bot chat widget: embed with <script src="https://HOST/widget.js" async> */
(function () {
'use strict';
var script = document.currentScript;
if (!script || window.__evidenceBot) return; // one widget per page, even if the tag is pasted twice
window.__evidenceBot = true;

// The API lives next to this file, so the widget works from any site that embeds it.
var API = new URL('.', script.src).href.replace(/\/$/, '');
var ds = script.dataset;
var OPTS = {
  title: ds.title || 'Ask the research',
  greeting: ds.greeting || 'Ask about the articles on this site.', // until /api/widget/intro says more
  examples: (ds.examples || '').split('|').map(function (s) { return s.trim(); }).filter(Boolean).slice(0, 4),
  accent: ds.accent || '',
  position: ds.position === 'left' ? 'left' : 'right',
  open: ds.open === 'true'
};
var STORE_KEY = 'evidence-bot:' + API;
var MAX_QUESTION = 2000, MAX_COMMENT = 2000;

// Level words, badge text colour, badge background (each pair >= 4.5:1), and what the level means.
var LEVELS = {
  HIGH: ['high', '#065f46', '#d1fae5', 'Systematic reviews or meta-analyses of human studies.'],
  MODERATE: ['moderate', '#1e40af', '#dbeafe', 'Randomized controlled trials in people.'],
  LOW: ['low', '#92400e', '#fef3c7', 'Controlled or observational human studies; cause and effect is uncertain.'],
  VERY_LOW: ['very low', '#9a3412', '#ffedd5', 'Uncontrolled human studies or case reports.'],
  PRECLINICAL: ['preclinical', '#5b21b6', '#ede9fe', 'Animal or cell studies; results may not hold in people.'],
  OPINION: ['opinion', '#334155', '#f1f5f9', 'Narrative reviews or expert opinion, not new data.'],
  UNCITED: ['uncited', '#4b5563', '#f3f4f6', 'Stated without a citation to a study.']
};

var STYLE = [
':host{all:initial!important;display:block!important;position:fixed!important;z-index:2147483000!important;',
'width:0!important;height:0!important;bottom:0!important;right:0!important;visibility:visible!important;opacity:1!important;',
'--eb-accent:#0b5cad;--eb-accent-text:#fff;--eb-bg:#fff;--eb-surface:#f6f7f9;--eb-text:#1f2328;--eb-muted:#57606a;',
'--eb-border:#d8dee4;--eb-line:1px solid var(--eb-border);--eb-radius:14px;--eb-font:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}',
'*,*::before,*::after{box-sizing:border-box}',
'.root{font:14px/1.5 var(--eb-font);color:var(--eb-text);text-align:left;letter-spacing:normal}',
'button,textarea{font:inherit;color:inherit}',
'[hidden]{display:none!important}',
'.sr{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}',
':focus-visible{outline:2px solid var(--eb-accent);outline-offset:2px}',
'.launcher{position:fixed;bottom:20px;width:56px;height:56px;border-radius:50%;border:0;cursor:pointer;background:var(--eb-accent);',
'color:var(--eb-accent-text);box-shadow:0 6px 20px rgba(0,0,0,.22);display:flex;align-items:center;justify-content:center;padding:0;margin:0}',
'.launcher:hover{box-shadow:0 8px 24px rgba(0,0,0,.3)}',
'.launcher svg{width:26px;height:26px;fill:currentColor}',
'.right .launcher,.right .panel{right:20px}.left .launcher,.left .panel{left:20px}',
'.panel{position:fixed;bottom:88px;width:384px;height:min(620px,calc(100vh - 110px));background:var(--eb-bg);border:var(--eb-line);',
'border-radius:var(--eb-radius);box-shadow:0 12px 40px rgba(0,0,0,.18);display:flex;flex-direction:column;overflow:hidden}',
'.head{display:flex;align-items:center;gap:6px;padding:12px 10px 12px 16px;background:var(--eb-accent);color:var(--eb-accent-text)}',
'.head h2{flex:1;margin:0;font-size:15px;font-weight:600;line-height:1.3;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}',
'.icon{background:transparent;border:0;color:inherit;cursor:pointer;border-radius:8px;padding:6px 8px;font-size:13px;line-height:1;display:inline-flex;align-items:center;gap:4px}',
'.icon:hover{background:rgba(255,255,255,.16)}.icon svg{width:16px;height:16px;fill:currentColor}',
'.log{flex:1;overflow-y:auto;overflow-x:hidden;padding:16px;display:flex;flex-direction:column;gap:14px;background:var(--eb-surface)}',
'.intro{color:var(--eb-muted)}.intro p{margin:0 0 10px}',
'.examples{display:flex;flex-direction:column;align-items:flex-start;gap:8px}',
'.chip{border:var(--eb-line);background:var(--eb-bg);border-radius:999px;padding:7px 14px;cursor:pointer;color:var(--eb-accent);font-weight:500;text-align:left}',
'.chip:hover{border-color:var(--eb-accent)}',
'.user{align-self:flex-end;max-width:85%;background:var(--eb-accent);color:var(--eb-accent-text);padding:9px 13px;border-radius:16px 16px 4px 16px;white-space:pre-wrap;overflow-wrap:anywhere}',
'.bot{align-self:stretch;background:var(--eb-bg);border:var(--eb-line);border-radius:4px 16px 16px 16px;padding:12px 14px;overflow-wrap:anywhere}',
'.text p{margin:0 0 8px}.text p:last-child{margin-bottom:0}.text ul{margin:0 0 8px;padding-left:20px}',
'.text a,.card a{color:var(--eb-accent)}',
'sup{line-height:0}sup a{font-size:11px;font-weight:600;text-decoration:none;padding:0 1px}',
'.notice{display:flex;gap:8px;align-items:flex-start;background:#fff8e6;border:1px solid #f0d58a;color:#6b4500;border-radius:10px;padding:9px 11px;margin-bottom:10px;font-weight:500}',
'.overall{display:flex;flex-wrap:wrap;align-items:center;gap:6px 8px;margin-top:12px;padding:10px 12px;border-radius:10px;background:var(--eb-surface)}',
'.overall .label{font-weight:600}.overall .sum{color:var(--eb-muted);font-size:13px;flex-basis:100%}',
'.badge{position:relative;display:inline-block;border-radius:999px;padding:2px 9px;font-size:12px;font-weight:600;line-height:1.5;cursor:help;text-transform:capitalize}',
'.overall .badge{font-size:13px;padding:3px 11px}',
'.tip{position:absolute;left:0;top:calc(100% + 6px);z-index:5;width:240px;max-width:70vw;background:#1f2328;color:#fff;font-weight:400;',
'text-transform:none;font-size:12px;line-height:1.45;padding:8px 10px;border-radius:8px;box-shadow:0 4px 14px rgba(0,0,0,.25);display:none}',
'.badge:hover .tip,.badge:focus .tip{display:block}',
'.sources{margin:6px 0 0;padding:0;list-style:none;display:flex;flex-direction:column;gap:8px}',
'.srchead{font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:var(--eb-muted);margin:14px 0 0}',
'.card{border:var(--eb-line);border-radius:10px;padding:10px 12px;background:var(--eb-bg);display:grid;grid-template-columns:auto 1fr;gap:4px 10px}',
'.card:focus{outline:2px solid var(--eb-accent)}',
'.num{grid-row:span 3;width:22px;height:22px;border-radius:50%;background:var(--eb-surface);border:var(--eb-line);font-size:12px;font-weight:600;display:flex;align-items:center;justify-content:center}',
'.quote{margin:0;font-size:13px;color:var(--eb-text);border-left:3px solid var(--eb-border);padding-left:8px}',
'.ref{font-size:12px;color:var(--eb-muted)}.meta{display:flex;flex-wrap:wrap;gap:6px;align-items:center}',
'.warn{font-size:12px;color:#8a4600;grid-column:2}',
'.fb{display:flex;flex-wrap:wrap;align-items:center;gap:6px;margin-top:12px;font-size:13px;color:var(--eb-muted)}',
'.thumb{border:var(--eb-line);background:var(--eb-bg);border-radius:8px;padding:4px 8px;cursor:pointer;display:inline-flex;color:var(--eb-muted)}',
'.thumb svg{width:15px;height:15px;fill:currentColor}.thumb.down svg{transform:scaleY(-1)}',
'.thumb[aria-pressed=true]{border-color:var(--eb-accent);color:var(--eb-accent);background:#e8f0fb}',
'.fbform{display:flex;flex-direction:column;gap:6px;flex-basis:100%}',
'.fbform textarea{resize:vertical;min-height:54px;border:var(--eb-line);border-radius:8px;padding:6px 8px;background:var(--eb-bg)}',
'.btn{align-self:flex-start;background:var(--eb-accent);color:var(--eb-accent-text);border:0;border-radius:8px;padding:6px 12px;cursor:pointer;font-weight:500}',
'.err{align-self:stretch;background:#fdecec;border:1px solid #f3b4b4;color:#8e1b1b;border-radius:10px;padding:10px 12px;display:flex;flex-wrap:wrap;gap:8px;align-items:center}',
'.typing{align-self:flex-start;display:flex;gap:4px;padding:12px 14px;background:var(--eb-bg);border:var(--eb-line);border-radius:4px 16px 16px 16px}',
'.typing span{width:7px;height:7px;border-radius:50%;background:var(--eb-muted);animation:eb-blink 1.2s infinite ease-in-out}',
'.typing span:nth-child(2){animation-delay:.2s}.typing span:nth-child(3){animation-delay:.4s}',
'@keyframes eb-blink{0%,80%,100%{opacity:.25}40%{opacity:1}}',
'@media (prefers-reduced-motion:reduce){.typing span{animation:none}}',
'form{display:flex;gap:8px;align-items:flex-end;padding:10px 12px;border-top:var(--eb-line);background:var(--eb-bg);margin:0}',
'form textarea{flex:1;resize:none;border:var(--eb-line);border-radius:10px;padding:9px 11px;max-height:120px;min-height:40px;background:var(--eb-bg);line-height:1.4}',
'form textarea:focus{outline:2px solid var(--eb-accent);outline-offset:0;border-color:transparent}',
'.send{width:40px;height:40px;border-radius:10px;border:0;background:var(--eb-accent);color:var(--eb-accent-text);cursor:pointer;display:flex;align-items:center;justify-content:center;flex:none}',
'.send svg{width:18px;height:18px;fill:currentColor}.send:disabled{opacity:.55;cursor:default}',
'.foot{font-size:11.5px;color:var(--eb-muted);padding:0 12px 8px;background:var(--eb-bg)}',
'@media (max-width:480px){.panel{inset:0!important;width:100%;height:100%;border-radius:0;border:0}',
'.open .launcher{display:none}}'
].join('');

var ICON = {
  chat: 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01z',
  close: 'M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4L12 13.4 6.4 19 5 17.6 10.6 12 5 6.4z',
  send: 'M3 20.5v-7l9-1.5-9-1.5v-7L22 12z',
  plus: 'M11 5h2v6h6v2h-6v6h-2v-6H5v-2h6z',
  up: 'M2 21h4V9H2zm20-11a2 2 0 0 0-2-2h-6.3l1-4.6v-.3a1.5 1.5 0 0 0-.5-1L13.1 1 6.6 7.6A2 2 0 0 0 6 9v10a2 2 0 0 0 2 2h9a2 2 0 0 0 1.8-1.2l3-7.1.2-.7z'
};

// Every piece of text goes in through textContent, never as markup.
function el(tag, attrs, kids) {
  var n = document.createElement(tag);
  if (attrs) for (var k in attrs) {
    if (k === 'text') n.textContent = attrs[k];
    else if (k === 'on') for (var ev in attrs.on) n.addEventListener(ev, attrs.on[ev]);
    else if (attrs[k] != null && attrs[k] !== false) n.setAttribute(k, attrs[k] === true ? '' : attrs[k]);
  }
  (kids || []).forEach(function (c) { if (c) n.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
  return n;
}
function icon(name) {
  var ns = 'http://www.w3.org/2000/svg', svg = document.createElementNS(ns, 'svg'), p = document.createElementNS(ns, 'path');
  svg.setAttribute('viewBox', '0 0 24 24'); svg.setAttribute('aria-hidden', 'true'); svg.setAttribute('focusable', 'false');
  p.setAttribute('d', ICON[name]); svg.appendChild(p);
  return svg;
}
function safeUrl(u) {
  try { var url = new URL(u); return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null; } catch (e) { return null; }
}
function link(href, text) {
  var u = safeUrl(href);
  return u ? el('a', { href: u, target: '_blank', rel: 'noopener noreferrer', text: text }) : document.createTextNode(text);
}
var uid = 0;
function id(prefix) { return 'eb-' + prefix + '-' + (++uid); }

// Markdown: paragraphs, "- " lists, **bold**, *em*, `code`, [text](url), bare URLs, [n] markers.
var INLINE = /(\*\*[^*]+\*\*|\*[^*\s][^*]*\*|`[^`]+`|\[[^\]]+\]\((?:https?:\/\/[^)\s]+)\)|https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"]|\[\d+\])/g;
function inline(parent, text, markers) {
  var last = 0, m;
  INLINE.lastIndex = 0;
  while ((m = INLINE.exec(text))) {
    if (m.index > last) parent.appendChild(document.createTextNode(text.slice(last, m.index)));
    var t = m[0], lm;
    if (/^\[\d+\]$/.test(t)) parent.appendChild(markers(+t.slice(1, -1)));
    else if (t.slice(0, 2) === '**') parent.appendChild(el('strong', { text: t.slice(2, -2) }));
    else if (t[0] === '*') parent.appendChild(el('em', { text: t.slice(1, -1) }));
    else if (t[0] === '`') parent.appendChild(el('code', { text: t.slice(1, -1) }));
    else if ((lm = /^\[([^\]]+)\]\((.+)\)$/.exec(t))) parent.appendChild(link(lm[2], lm[1]));
    else parent.appendChild(link(t, t));
    last = m.index + t.length;
  }
  if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
}
function markdown(text, markers) {
  var box = el('div', { 'class': 'text' });
  text.replace(/ (\[\d+\])/g, '$1').split(/\n{2,}/).forEach(function (block) {
    var lines = block.split('\n').filter(function (l) { return l.trim(); });
    if (!lines.length) return;
    if (lines.every(function (l) { return /^\s*[-*] /.test(l); })) {
      var ul = el('ul');
      lines.forEach(function (l) { var li = el('li'); inline(li, l.replace(/^\s*[-*] /, ''), markers); ul.appendChild(li); });
      box.appendChild(ul);
    } else {
      var p = el('p');
      lines.forEach(function (l, i) { if (i) p.appendChild(el('br')); inline(p, l, markers); });
      box.appendChild(p);
    }
  });
  return box;
}
// The answer text ends with a Sources block and an Evidence line; both are drawn as cards and a badge instead.
function body(text) {
  var cut = text.indexOf('\n\nSources:');
  if (cut >= 0) text = text.slice(0, cut);
  return text.replace(/\n*Evidence level:[^\n]*$/, '');
}

// ---- state, kept per tab across page loads ----
var state = load();
function load() {
  try { var s = JSON.parse(sessionStorage.getItem(STORE_KEY)); if (s && Array.isArray(s.messages)) return s; } catch (e) { /* private mode */ }
  return { conversationId: null, messages: [], open: false };
}
function save() {
  try { sessionStorage.setItem(STORE_KEY, JSON.stringify(state)); } catch (e) { /* storage full or blocked: the chat still works */ }
}

// The shadow host is a custom element, so no page selector like "div" matches it; its :host rule is
// !important, and important rules inside a shadow root beat the page's own, even `* {all: unset !important}`.
var host = document.createElement('evidence-bot-widget');
if (OPTS.accent && CSS.supports && CSS.supports('color', OPTS.accent)) host.style.setProperty('--eb-accent', OPTS.accent);
var shadow = host.attachShadow({ mode: 'open' });
shadow.appendChild(el('style', { text: STYLE }));

var panelId = id('panel'), liveId = id('live');
var launcher = el('button', { 'class': 'launcher', type: 'button', 'aria-label': 'Open chat: ' + OPTS.title,
  'aria-expanded': 'false', 'aria-controls': panelId, on: { click: function () { toggle(!state.open); } } }, [icon('chat')]);
var log = el('div', { 'class': 'log', role: 'log', 'aria-label': 'Conversation', 'aria-live': 'off', tabindex: '-1' });
// role=log is normally polite; streaming would read every fragment, so the log stays quiet and one
// polite region announces each finished answer instead.
var live = el('div', { 'class': 'sr', id: liveId, 'aria-live': 'polite', 'aria-atomic': 'true' });
var input = el('textarea', { id: id('q'), rows: '1', maxlength: String(MAX_QUESTION), placeholder: 'Ask a question…', 'aria-label': 'Your question' });
var sendBtn = el('button', { 'class': 'send', type: 'submit', 'aria-label': 'Send question' }, [icon('send')]);
var form = el('form', { on: { submit: function (e) { e.preventDefault(); ask(input.value); } } }, [input, sendBtn]);
var panel = el('div', { 'class': 'panel', id: panelId, role: 'dialog', 'aria-label': OPTS.title, hidden: true }, [
  el('div', { 'class': 'head' }, [
    el('h2', { text: OPTS.title }),
    el('button', { 'class': 'icon', type: 'button', 'aria-label': 'Start a new conversation', title: 'New conversation',
      on: { click: reset } }, [icon('plus'), el('span', { text: 'New' })]),
    el('button', { 'class': 'icon', type: 'button', 'aria-label': 'Close chat', title: 'Close', on: { click: function () { toggle(false); } } }, [icon('close')])
  ]),
  log, form,
  el('div', { 'class': 'foot', text: 'Not medical advice. Answers quote the articles on this site; talk to a clinician about your health.' }),
  live
]);
var root = el('div', { 'class': 'root ' + OPTS.position }, [launcher, panel]);
shadow.appendChild(root);

input.addEventListener('keydown', function (e) {
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); ask(input.value); }
});
input.addEventListener('input', grow);
function grow() { input.style.height = 'auto'; input.style.height = Math.min(input.scrollHeight + 2, 120) + 'px'; }
panel.addEventListener('keydown', function (e) {
  if (e.key === 'Escape') { e.stopPropagation(); toggle(false); }
});

// quiet: opened as the page loads, where taking focus would pull the reader away from the page.
function toggle(open, quiet) {
  state.open = open; save();
  panel.hidden = !open;
  root.classList.toggle('open', open);
  launcher.setAttribute('aria-expanded', String(open));
  launcher.setAttribute('aria-label', (open ? 'Close chat: ' : 'Open chat: ') + OPTS.title);
  launcher.querySelector('path').setAttribute('d', ICON[open ? 'close' : 'chat']);
  if (quiet) return;
  if (open) { scrollDown(); input.focus(); } else launcher.focus();
}

function reset() {
  state.messages = []; state.conversationId = null; save();
  render(); input.focus();
}
function scrollDown() { log.scrollTop = log.scrollHeight; }

// ---- rendering ----
function render() {
  log.textContent = '';
  if (!state.messages.length) log.appendChild(intro());
  state.messages.forEach(function (m, i) { log.appendChild(m.role === 'user' ? userBubble(m.text) : answerView(m, i)); });
  scrollDown();
}
function intro() {
  return el('div', { 'class': 'intro' }, [
    el('p', { text: OPTS.greeting }),
    el('div', { 'class': 'examples', role: 'group', 'aria-label': 'Example questions' }, OPTS.examples.map(function (q) {
      return el('button', { 'class': 'chip', type: 'button', text: q, on: { click: function () { ask(q); } } });
    }))
  ]);
}
function userBubble(text) { return el('div', { 'class': 'user' }, [el('span', { 'class': 'sr', text: 'You: ' }), text]); }

function badge(level, explanation, big) {
  var L = LEVELS[level] || LEVELS.UNCITED, tipId = id('tip');
  return el('span', { 'class': 'badge', tabindex: '0', role: 'note', style: 'color:' + L[1] + ';background:' + L[2],
    title: explanation, 'aria-describedby': tipId, 'data-level': level, 'aria-label': (big ? 'Evidence level: ' : 'Evidence: ') + L[0] }, [
    L[0], el('span', { 'class': 'tip', role: 'tooltip', id: tipId, text: explanation })
  ]);
}
function explain(ev) {
  var L = LEVELS[ev.level] || LEVELS.UNCITED, parts = [L[0].charAt(0).toUpperCase() + L[0].slice(1) + ': ' + L[3]];
  if (ev.studyType && ev.studyType !== 'NONE') parts.push('Study: ' + (ev.studyType === 'RCT' ? 'randomized controlled trial' : ev.studyType.toLowerCase().replace(/_/g, ' ')) +
    (ev.population ? ', ' + ev.population : '') + (ev.sampleSize ? ', n = ' + ev.sampleSize : '') + '.');
  if (ev.rationale) parts.push('Why: ' + ev.rationale + '.');
  return parts.join(' ');
}

function answerView(m, index) {
  var a = m.answer, box = el('div', { 'class': 'bot', 'data-answer-id': a ? a.id : '' });
  box.appendChild(el('span', { 'class': 'sr', text: 'Assistant: ' }));
  if (!a) { // still streaming
    box.appendChild(markdown(body(m.partial || ''), function (n) { return el('sup', { text: '[' + n + ']' }); }));
    return box;
  }
  var prefix = 'eb-src-' + index + '-';
  var markers = function (n) {
    var found = a.citations.some(function (c) { return c.marker === n; });
    if (!found) return el('sup', { text: '[' + n + ']' });
    return el('sup', {}, [el('a', { href: '#' + prefix + n, 'class': 'marker', 'aria-label': 'Source ' + n, text: '[' + n + ']', on: {
      click: function (e) {
        e.preventDefault();
        var card = shadow.getElementById(prefix + n);
        if (card) { card.scrollIntoView({ block: 'nearest', behavior: 'smooth' }); card.focus({ preventScroll: true }); }
      } } })]);
  };
  // An abstention's first paragraph says the articles do not answer: shown as the notice, said once.
  var text = body(a.answer), cut = text.indexOf('\n\n');
  if (a.abstained) {
    if (cut < 0) cut = text.length;
    box.appendChild(el('div', { 'class': 'notice', role: 'status' }, ['⚠ ', markdown(text.slice(0, cut), markers)]));
    text = text.slice(cut);
  }
  if (text.trim()) box.appendChild(markdown(text, markers));
  if (a.evidence && !a.abstained) {
    box.appendChild(el('div', { 'class': 'overall' }, [
      el('span', { 'class': 'label', text: 'Evidence level' }),
      badge(a.evidence.level, (LEVELS[a.evidence.level] || LEVELS.UNCITED)[3] + ' The answer takes the strongest level among its sources.', true),
      el('span', { 'class': 'sum', text: a.evidence.summary })
    ]));
  }
  if (a.citations.length) {
    var list = el('ol', { 'class': 'sources', 'aria-label': 'Sources' });
    box.appendChild(el('h3', { 'class': 'srchead', text: 'Sources' }));
    a.citations.forEach(function (c) { list.appendChild(card(c, prefix)); });
    box.appendChild(list);
  }
  box.appendChild(feedback(m));
  return box;
}

function card(c, prefix) {
  var r = c.reference, ev = c.evidence || { level: 'UNCITED', warnings: [] };
  var ref = el('div', { 'class': 'ref' });
  if (r) {
    var title = r.title || r.text || ('Reference ' + r.number);
    var url = r.url || (r.doi ? 'https://doi.org/' + r.doi : r.pmid ? 'https://pubmed.ncbi.nlm.nih.gov/' + r.pmid + '/' : null);
    ref.appendChild(url ? link(url, title) : document.createTextNode(title));
    if (r.year) ref.appendChild(document.createTextNode(' (' + r.year + ')'));
  } else {
    ref.appendChild(document.createTextNode('From “' + (c.article && c.article.title || 'the article') + '”, no study cited'));
  }
  var meta = el('div', { 'class': 'meta' }, [badge(ev.level, explain(ev)), ref]);
  var kids = [el('span', { 'class': 'num', 'aria-hidden': 'true', text: String(c.marker) }),
    el('blockquote', { 'class': 'quote', text: c.passage }), meta];
  (ev.warnings || []).forEach(function (w) { kids.push(el('div', { 'class': 'warn', text: '⚠ ' + w })); });
  return el('li', { 'class': 'card', id: prefix + c.marker, tabindex: '-1', 'aria-label': 'Source ' + c.marker }, kids);
}

function feedback(m) {
  var a = m.answer, row = el('div', { 'class': 'fb' });
  if (m.feedback === 'sent') { row.appendChild(el('span', { role: 'status', text: 'Thanks for your feedback.' })); return row; }
  var form = el('div', { 'class': 'fbform', hidden: true });
  var comment = el('textarea', { maxlength: String(MAX_COMMENT), 'aria-label': 'Comment (optional)', placeholder: 'What was good or missing? (optional)' });
  var status = el('span', { role: 'status' });
  var rating = null;
  function thumb(value, label) {
    return el('button', { 'class': 'thumb ' + value, type: 'button', 'aria-label': label, 'aria-pressed': 'false', 'data-rating': value,
      on: { click: function () {
        rating = value;
        row.querySelectorAll('.thumb').forEach(function (b) { b.setAttribute('aria-pressed', String(b === this)); }, this);
        form.hidden = false; comment.focus();
      } } }, [icon('up')]);
  }
  var sendFb = el('button', { 'class': 'btn', type: 'button', text: 'Send feedback', on: { click: function () {
    sendFb.disabled = true;
    post('/api/feedback', { answerId: a.id, rating: rating, comment: comment.value.trim() || null, channel: 'widget' })
      .then(function () { m.feedback = 'sent'; save(); row.replaceWith(feedback(m)); })
      .catch(function (e) { sendFb.disabled = false; status.textContent = 'Could not send feedback: ' + e.message; });
  } } });
  form.appendChild(comment); form.appendChild(sendFb);
  row.appendChild(el('span', { text: 'Was this helpful?' }));
  row.appendChild(thumb('up', 'Helpful'));
  row.appendChild(thumb('down', 'Not helpful'));
  row.appendChild(status); row.appendChild(form);
  return row;
}

// ---- talking to the API ----
function Failure(message, status, retry, wait) { this.message = message; this.status = status; this.retry = retry; this.wait = wait; }
function post(path, payload, accept) {
  return fetch(API + path, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: accept || 'application/json' },
    body: JSON.stringify(payload) }).then(function (res) {
    if (res.ok) return res;
    return res.json().catch(function () { return {}; }).then(function (j) {
      throw new Failure(j.error || ('the server answered ' + res.status), res.status, res.status >= 500 || res.status === 429,
        +res.headers.get('Retry-After'));
    });
  }, function () { throw new Failure('the network request failed', 0, true); });
}

var busy = false, coolUntil = 0;
function ask(text) {
  text = (text || '').trim();
  if (!text || busy || Date.now() < coolUntil) return;
  if (text.length > MAX_QUESTION) text = text.slice(0, MAX_QUESTION);
  input.value = ''; grow();
  state.messages.push({ role: 'user', text: text }); save();
  render(); input.focus();
  run(text);
}

function run(text) {
  busy = true; sendBtn.disabled = true;
  log.setAttribute('aria-busy', 'true');
  var typing = el('div', { 'class': 'typing', role: 'status', 'aria-label': 'The assistant is writing' }, [el('span'), el('span'), el('span')]);
  log.appendChild(typing); scrollDown();
  var pending = { role: 'bot', partial: '' }, view = null, received = false;
  var payload = { question: text, conversationId: state.conversationId, channel: 'widget' };

  function show() {
    if (typing.parentNode) typing.remove();
    var next = answerView(pending, state.messages.length);
    if (view) view.replaceWith(next); else log.appendChild(next);
    view = next; scrollDown();
  }
  function finish(answer) {
    pending = { role: 'bot', answer: answer };
    state.conversationId = answer.conversationId || state.conversationId;
    state.messages.push(pending); save();
    show();
    var q = view.previousElementSibling || view;
    log.scrollTop = q.offsetTop - log.offsetTop - 8;
    live.textContent = (answer.abstained ? '' : 'Answer: ') + body(answer.answer) +
      (answer.evidence ? ' Evidence level: ' + (LEVELS[answer.evidence.level] || LEVELS.UNCITED)[0] + '.' : '');
  }
  function fail(f) {
    if (typing.parentNode) typing.remove();
    if (view) view.remove();
    if (f.status === 429) return tooMany(text, f.wait);
    var retry = el('button', { 'class': 'btn', type: 'button', text: 'Retry', on: { click: function () {
      box.remove(); run(text);
    } } });
    var box = el('div', { 'class': 'err', role: 'alert' }, [el('span', { text: 'Sorry, no answer: ' + f.message + '.' }), f.retry !== false ? retry : null]);
    log.appendChild(box); scrollDown();
  }
  function done() { busy = false; sendBtn.disabled = Date.now() < coolUntil; log.removeAttribute('aria-busy'); }

  stream(payload, function (name, data) {
    received = true;
    if (name === 'delta') { pending.partial += data.text || ''; show(); }
    else if (name === 'done') finish(data);
    else if (name === 'error') throw new Failure(data.error || 'the answer failed', data.status, data.status !== 400);
  }).then(function (finished) {
    if (!finished) throw new Failure('the answer was cut off', 0, true);
  }).catch(function (f) {
    // Streaming fails where plain requests work (buffering proxies): try once without it.
    if (!received && (!(f instanceof Failure) || f.status === 0 || f.status >= 500 || f.status === 406)) {
      return post('/api/ask', payload).then(function (res) { return res.json(); }).then(finish);
    }
    throw f;
  }).catch(function (f) { fail(f instanceof Failure ? f : new Failure('something went wrong', 0, true)); })
    .then(done);
}

// 429: not asked: the text goes back in the box; sending waits for Retry-After.
function tooMany(text, wait) {
  var n = wait || 5, last = state.messages[state.messages.length - 1];
  if (last && last.text === text) { state.messages.pop(); save(); }
  render();
  if (!input.value.trim()) { input.value = text; grow(); }
  var box = el('div', { 'class': 'err', role: 'alert', 'data-retry-after': n, text: 'Too many questions — try again in ' + n + ' s' });
  log.appendChild(box); scrollDown();
  coolUntil = Date.now() + n * 1e3; sendBtn.disabled = true;
  setTimeout(function () { coolUntil = 0; sendBtn.disabled = busy; box.remove(); }, n * 1e3);
}

// Reads Server-Sent Events from a POST response: EventSource can only GET.
function stream(payload, onEvent) {
  return post('/api/ask/stream', payload, 'text/event-stream').then(function (res) {
    if (!res.body || !/event-stream/.test(res.headers.get('Content-Type') || '')) throw new Failure('streaming is unavailable', 0, true);
    var reader = res.body.getReader(), decoder = new TextDecoder(), buffer = '', finished = false;
    function dispatch(block) {
      var name = 'message', data = [];
      block.split(/\r?\n/).forEach(function (line) {
        if (line.indexOf('event:') === 0) name = line.slice(6).trim();
        else if (line.indexOf('data:') === 0) data.push(line.slice(5).replace(/^ /, ''));
      });
      if (!data.length) return;
      var parsed;
      try { parsed = JSON.parse(data.join('\n')); } catch (e) { return; }
      if (name === 'done') finished = true;
      onEvent(name, parsed);
    }
    function pump() {
      return reader.read().then(function (r) {
        if (r.done) { if (buffer.trim()) dispatch(buffer); return finished; }
        buffer += decoder.decode(r.value, { stream: true });
        var parts = buffer.split(/\r?\n\r?\n/);
        buffer = parts.pop();
        parts.forEach(dispatch);
        return pump();
      }, function () { throw new Failure('the connection dropped', 0, true); });
    }
    return pump();
  });
}

function mount() {
  document.body.appendChild(host);
  render();
  // Unless the page set its own, the greeting and examples follow the corpus the API serves.
  if (!ds.greeting || !ds.examples) fetch(API + '/api/widget/intro').then(function (r) { return r.json(); }).then(function (j) {
    OPTS.greeting = ds.greeting || j.greeting || OPTS.greeting;
    if (!ds.examples) OPTS.examples = (j.examples || []).slice(0, 4);
    if (!state.messages.length) render();
  }).catch(function () { /* the generic greeting stays */ });
  if (state.open || OPTS.open) toggle(true, true);
}
if (document.body) mount(); else document.addEventListener('DOMContentLoaded', mount);
})();
