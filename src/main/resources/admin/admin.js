/*! evidence-bot console (/admin): reads /api/admin/* with the session cookie; charts by uPlot */
(function () {
'use strict';

var PAGE = 50, CSV_LIMIT = 10000;
// Level words and colours, as the widget shows them (each colour >= 4.5:1 on white).
var LEVELS = {
  HIGH: ['high', '#065f46'], MODERATE: ['moderate', '#1e40af'], LOW: ['low', '#92400e'],
  VERY_LOW: ['very low', '#9a3412'], PRECLINICAL: ['preclinical', '#5b21b6'], OPINION: ['opinion', '#334155'],
  UNCITED: ['uncited', '#4b5563'], NONE: ['none given', '#6b7280']
};
var LEVEL_ORDER = ['HIGH', 'MODERATE', 'LOW', 'VERY_LOW', 'PRECLINICAL', 'OPINION', 'UNCITED', 'NONE'];
var COLORS = { answered: '#0b5cad', abstained: '#c2410c', up: '#15803d', down: '#b91c1c' };

var csrf = null;      // the session's CSRF token, sent on POST; the cookie itself is HttpOnly
var charts = [];      // live uPlot instances, resized with the window
var pages = { feedback: 0, questions: 0 };

function $(id) { return document.getElementById(id); }

function el(tag, attrs, children) {
  var node = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (name) {
    if (name === 'text') node.textContent = attrs[name];
    else if (name === 'className') node.className = attrs[name];
    else node.setAttribute(name, attrs[name]);
  });
  (children || []).forEach(function (child) { if (child != null) node.appendChild(child); });
  return node;
}

function say(message) { $('status').textContent = message; }

function alarm(message) {
  var alert = $('alert');
  alert.textContent = message || '';
  alert.hidden = !message;
}

// ---- talking to the server ----

function SignedOut(message) { this.message = message; }

function request(path, options) {
  options = options || {};
  var headers = { Accept: 'application/json' };
  if (options.body) headers['Content-Type'] = 'application/json';
  if (options.method && options.method !== 'GET' && csrf) headers['X-CSRF-Token'] = csrf;
  return fetch(path, { method: options.method || 'GET', headers: headers, body: options.body,
    credentials: 'same-origin', cache: 'no-store' })
    .then(function (response) {
      if (response.status === 204) return null;
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (response.ok) return body;
        var error = new Error(body.error || ('the server answered ' + response.status));
        error.status = response.status;
        throw error;
      });
    });
}

// A data request: a 401 means the session ended (expired, signed out elsewhere, server restarted).
function data(path) {
  return request(path).catch(function (error) {
    if (error.status === 401) throw new SignedOut('Your session has ended. Sign in again.');
    throw error;
  });
}

function failed(error) {
  if (error instanceof SignedOut) { showSignIn(error.message); return; }
  alarm(error.message);
}

// ---- signing in and out ----

function showSignIn(message) {
  csrf = null;
  $('console').hidden = true;
  $('nav').hidden = true;
  $('sign-out').hidden = true;
  $('signin').hidden = false;
  charts.forEach(function (chart) { chart.destroy(); });
  charts = [];
  alarm(message || '');
  $('token').focus();
}

function showConsole(focus) {
  $('signin').hidden = true;
  $('console').hidden = false;
  $('nav').hidden = false;
  $('sign-out').hidden = false;
  alarm('');
  if (focus) $('console-title').focus(); // after signing in, start reading at the console's heading
  loadAll();
}

$('signin-form').addEventListener('submit', function (event) {
  event.preventDefault();
  var token = $('token');
  say('Signing in…');
  request('/admin/session', { method: 'POST', body: JSON.stringify({ token: token.value }) })
    .then(function (session) {
      csrf = session.csrfToken;
      token.value = '';
      say('Signed in.');
      showConsole(true);
    })
    .catch(function (error) {
      say('');
      alarm(error.status === 401 ? 'That is not the admin token. Try again.' : error.message);
      token.focus();
      token.select();
    });
});

$('sign-out').addEventListener('click', function () {
  request('/admin/session/sign-out', { method: 'POST' })
    .then(function () { say('Signed out.'); showSignIn(''); })
    .catch(failed);
});

// ---- formatting ----

function day(iso) { // "2026-06-03" -> "Jun 3"
  var date = new Date(iso + 'T00:00:00Z');
  return date.toLocaleDateString('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

function time(iso) { // an instant as "2026-06-03 14:05", in UTC like the filters
  return iso ? iso.slice(0, 16).replace('T', ' ') : '';
}

function timeCell(iso) {
  return el('td', {}, [el('time', { datetime: iso || '', text: time(iso) })]);
}

function number(n) { return Number(n).toLocaleString('en'); }

function percent(part, whole) { return whole ? Math.round(100 * part / whole) + '%' : '–'; }

function sum(values) { return values.reduce(function (a, b) { return a + b; }, 0); }

function table(caption, headers, rows, classes) {
  var head = el('tr', {}, headers.map(function (header, i) {
    return el('th', { scope: 'col', className: (classes && classes[i]) || '', text: header });
  }));
  var body = el('tbody', {}, rows.length ? rows : [el('tr', {}, [el('td', { colspan: String(headers.length),
    className: 'empty', text: 'Nothing here yet.' })])]);
  return el('table', {}, [el('caption', { text: caption }), el('thead', {}, [head]), body]);
}

function put(id, node) {
  var holder = $(id);
  holder.textContent = '';
  holder.appendChild(node);
}

// ---- overview and charts ----

function loadOverview() {
  var days = $('days').value;
  return data('/api/admin/overview?days=' + encodeURIComponent(days)).then(function (overview) {
    var perDay = overview.perDay;
    var answered = perDay.map(function (d) { return d.answered; });
    var abstained = perDay.map(function (d) { return d.abstained; });
    var up = perDay.map(function (d) { return d.thumbsUp; });
    var down = perDay.map(function (d) { return d.thumbsDown; });
    var labels = perDay.map(function (d) { return day(d.date); });
    var questions = sum(answered) + sum(abstained);
    totals([
      ['Questions', number(questions)],
      ['Answered', number(sum(answered)) + ' (' + percent(sum(answered), questions) + ')'],
      ['Abstained', number(sum(abstained)) + ' (' + percent(sum(abstained), questions) + ')'],
      ['Thumbs up', number(overview.thumbsUp)],
      ['Thumbs down', number(overview.thumbsDown)]
    ]);
    charts.forEach(function (chart) { chart.destroy(); });
    charts = [];

    var busiest = perDay.reduce(function (best, d) { return d.questions > best.questions ? d : best; }, perDay[0]);
    drawBars('chart-days', labels, [['Answered', COLORS.answered, answered], ['Abstained', COLORS.abstained, abstained]],
      'Questions per day over the last ' + days + ' days: ' + number(questions) + ' in all, ' + number(sum(answered))
        + ' answered and ' + number(sum(abstained)) + ' abstained' + (busiest && busiest.questions
          ? '; the busiest day was ' + day(busiest.date) + ' with ' + number(busiest.questions) + '.' : '.'),
      ['Day', 'Answered', 'Abstained']);

    var levels = LEVEL_ORDER.filter(function (level) { return overview.levels[level]; })
      .concat(Object.keys(overview.levels).filter(function (level) { return LEVEL_ORDER.indexOf(level) < 0; }));
    var levelCounts = levels.map(function (level) { return overview.levels[level]; });
    var levelNames = levels.map(function (level) { return (LEVELS[level] || [level.toLowerCase()])[0]; });
    var answeredAll = sum(levelCounts);
    drawBars('chart-levels', levelNames, [['Answers', levels.map(function (level) {
      return (LEVELS[level] || [0, '#4b5563'])[1]; }), levelCounts]],
      'Evidence level of the ' + number(answeredAll) + ' answers: ' + (levels.length ? levels.map(function (level, i) {
        return levelNames[i] + ' ' + number(levelCounts[i]) + ' (' + percent(levelCounts[i], answeredAll) + ')';
      }).join(', ') : 'none yet') + '.', ['Level', 'Answers']);

    drawBars('chart-thumbs', labels, [['Thumbs up', COLORS.up, up], ['Thumbs down', COLORS.down, down]],
      'Thumbs over the last ' + days + ' days: ' + number(overview.thumbsUp) + ' up and ' + number(overview.thumbsDown)
        + ' down.', ['Day', 'Thumbs up', 'Thumbs down']);
  });
}

function totals(pairs) {
  var list = $('totals');
  list.textContent = '';
  pairs.forEach(function (pair) {
    list.appendChild(el('div', {}, [el('dt', { text: pair[0] }), el('dd', { text: pair[1] })]));
  });
}

/**
 * One bar chart: categories along x (days or levels), one or two series of bars side by side.
 * The canvas is hidden from screen readers; the figure says the same in words (aria-label) and in
 * a table of the numbers.
 */
function drawBars(figureId, labels, series, summary, headers) {
  var figure = $(figureId);
  var plot = figure.querySelector('.plot');
  plot.setAttribute('aria-label', summary);
  plot.textContent = '';
  var numbers = labels.map(function (label, i) {
    return el('tr', {}, [el('th', { scope: 'row', text: label })].concat(series.map(function (s) {
      return el('td', { className: 'num', text: number(s[2][i]) });
    })));
  });
  figure.querySelector('.numbers').textContent = '';
  figure.querySelector('.numbers').appendChild(table(figure.querySelector('figcaption').textContent, headers, numbers,
    headers.map(function (h, i) { return i ? 'num' : ''; })));
  if (typeof uPlot === 'undefined') {
    plot.appendChild(el('p', { className: 'empty', text: 'The chart library did not load; the numbers are below.' }));
    return;
  }
  var xs = labels.map(function (label, i) { return i; });
  var width = 1 / (series.length + 1.2); // a gap between groups of bars
  var step = Math.max(1, Math.ceil(labels.length / Math.max(2, Math.floor(plot.clientWidth / 70))));
  var options = {
    width: plot.clientWidth || 600,
    height: 220,
    legend: { show: series.length > 1, live: false }, // a key of colours; the numbers are in the table below
    cursor: { drag: { x: false, y: false }, points: { show: false } },
    scales: { x: { time: false, range: function (u, min, max) { return [min - 0.5, max + 0.5]; } },
      y: { range: function (u, min, max) { return [0, Math.max(4, max * 1.1)]; } } },
    axes: [
      { splits: function () { return xs.filter(function (i) { return i % step === 0; }); },
        values: function (u, splits) { return splits.map(function (i) { return labels[i] || ''; }); },
        grid: { show: false }, stroke: '#57606a' },
      { incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000],
        values: function (u, splits) { return splits.map(function (v) { return number(v); }); },
        grid: { stroke: '#eaeef2' }, stroke: '#57606a', size: 56 }
    ],
    series: [{ label: headers[0], value: function (u, i) { return i == null ? '' : (labels[i] || ''); } }]
      .concat(series.map(function (s, index) {
        var perBar = Array.isArray(s[1]);
        var bars = uPlot.paths.bars({ size: [series.length > 1 ? width : 0.6, 64], align: series.length > 1 ? (index ? 1 : -1) : 0,
          disp: perBar ? { fill: { unit: 3, values: function () { return s[1]; } } } : undefined });
        return { label: s[0], fill: perBar ? undefined : s[1], stroke: perBar ? s[1][0] : s[1], width: perBar ? 0 : 1,
          paths: bars, points: { show: false }, value: function (u, v) { return v == null ? '' : number(v); } };
      }))
  };
  // a zero is no bar at all, rather than a hairline on the axis
  var values = series.map(function (s) { return s[2].map(function (v) { return v || null; }); });
  var chart = new uPlot(options, [xs].concat(values), plot);
  plot.querySelectorAll('canvas').forEach(function (canvas) { canvas.setAttribute('aria-hidden', 'true'); });
  charts.push(chart);
}

window.addEventListener('resize', function () {
  charts.forEach(function (chart) {
    var plot = chart.root.parentNode;
    if (plot.clientWidth) chart.setSize({ width: plot.clientWidth, height: 220 });
  });
});

$('days').addEventListener('change', function () {
  say('Loading the overview…');
  loadOverview().then(function () { say('Overview of the last ' + $('days').value + ' days.'); }).catch(failed);
});

// ---- gaps and weak evidence ----

function loadClusters(path, holder, caption) {
  return data(path).then(function (body) {
    var rows = body.clusters.map(function (cluster) {  // the visitors' own words: text only, never HTML
      return el('tr', {}, [
        el('td', { className: 'num count', text: number(cluster.count) }),
        el('td', {}, [el('ul', { className: 'examples' }, cluster.examples.map(function (example) {
          return el('li', { text: example });
        }))]),
        timeCell(cluster.firstSeen),
        timeCell(cluster.lastSeen)
      ]);
    });
    put(holder, table(caption(body.clusters.length), ['Asked', 'Example questions', 'First seen (UTC)', 'Last seen (UTC)'],
      rows, ['num asked', '', 'when', 'when']));
  });
}

function loadGaps() {
  return loadClusters('/api/admin/gaps', 'gaps-table', function (n) {
    return n + (n === 1 ? ' topic' : ' topics') + ' the articles do not cover, most asked first';
  });
}

function loadWeak() {
  return loadClusters('/api/admin/weak-evidence', 'weak-table', function (n) {
    return n + (n === 1 ? ' topic' : ' topics') + ' answered only with weak evidence, most asked first';
  });
}

// ---- feedback and the question log: filters, pages, CSV ----

function query(form, extra) {
  var params = new URLSearchParams();
  Array.prototype.forEach.call(form.elements, function (field) {
    if (field.name && field.value.trim()) params.set(field.name, field.value.trim());
  });
  Object.keys(extra).forEach(function (name) { params.set(name, extra[name]); });
  return params.toString();
}

function pager(id, name, total, offset, count, load) {
  var nav = $(id);
  nav.textContent = '';
  var previous = el('button', { type: 'button', text: 'Previous page' });
  var next = el('button', { type: 'button', text: 'Next page' });
  previous.disabled = offset === 0;
  next.disabled = offset + count >= total;
  previous.addEventListener('click', function () { load(Math.max(0, offset - PAGE), id, 0); });
  next.addEventListener('click', function () { load(offset + PAGE, id, 1); });
  var shown = total ? (number(offset + 1) + '–' + number(offset + count) + ' of ' + number(total)) : 'none';
  nav.appendChild(previous);
  nav.appendChild(el('span', { text: 'Showing ' + shown }));
  nav.appendChild(next);
  return name + ': showing ' + shown + '.';
}

function loadFeedback(offset, focusAfter) {
  var form = $('feedback-filters');
  pages.feedback = offset;
  $('feedback-csv').href = '/api/admin/feedback.csv?' + query(form, { limit: CSV_LIMIT });
  return data('/api/admin/feedback?' + query(form, { limit: PAGE, offset: offset })).then(function (page) {
    var rows = page.items.map(function (item) {
      return el('tr', {}, [
        timeCell(item.time),
        el('td', {}, [el('span', { className: 'rating ' + item.rating, text: item.rating === 'up' ? '👍 up' : '👎 down' })]),
        el('td', { text: item.door || '' }),
        el('td', { className: 'text', text: item.comment || '' }),
        el('td', { className: 'text', text: item.question || '(no longer in the log)' })
      ]);
    });
    put('feedback-table', table('Feedback, newest first (' + number(page.total) + ')',
      ['Time (UTC)', 'Rating', 'Door', 'Comment', 'Question rated'], rows));
    var said = pager('feedback-pager', 'Feedback', page.total, offset, page.items.length, pageTo(loadFeedback));
    if (focusAfter) say(said);
  });
}

function loadQuestions(offset, focusAfter) {
  var form = $('questions-filters');
  pages.questions = offset;
  $('questions-csv').href = '/api/admin/questions.csv?' + query(form, { limit: CSV_LIMIT });
  return data('/api/admin/questions?' + query(form, { limit: PAGE, offset: offset })).then(function (page) {
    var rows = page.items.map(function (item) {
      var level = item.level && LEVELS[item.level];
      return el('tr', {}, [
        timeCell(item.time),
        el('td', { text: item.door }),
        el('td', { className: 'text', text: item.question }),
        el('td', {}, [el('span', { className: 'outcome ' + (item.abstained ? 'abstained' : 'answered'),
          text: item.abstained ? 'abstained' : 'answered' })]),
        el('td', { text: item.abstained ? '' : (level ? level[0] : (item.level || '')) }),
        el('td', { className: 'cited', text: item.citations.map(function (cited) {
          return cited.reference == null ? cited.article : cited.article + ' #' + cited.reference;
        }).join(', ') }),
        el('td', { className: 'num', text: number(item.latencyMs) + ' ms' }),
        el('td', { text: (item.feedback || []).join(', ') })
      ]);
    });
    put('questions-table', table('Questions, newest first (' + number(page.total) + ')',
      ['Time (UTC)', 'Door', 'Question', 'Outcome', 'Evidence', 'Cited', 'Latency', 'Feedback'], rows,
      ['', '', '', '', '', '', 'num', '']));
    var said = pager('questions-pager', 'Question log', page.total, offset, page.items.length, pageTo(loadQuestions));
    if (focusAfter) say(said);
  });
}

// The pager is drawn anew for each page: focus goes to the new twin of the button pressed (or to
// the other one, when the end was reached), and the status line says where we are.
function pageTo(load) {
  return function (offset, pagerId, pressed) {
    load(offset, true).then(function () {
      var buttons = $(pagerId).querySelectorAll('button');
      (buttons[pressed].disabled ? buttons[1 - pressed] : buttons[pressed]).focus();
    }).catch(failed);
  };
}

$('feedback-filters').addEventListener('submit', function (event) {
  event.preventDefault();
  alarm('');
  loadFeedback(0, true).catch(failed);
});

$('questions-filters').addEventListener('submit', function (event) {
  event.preventDefault();
  alarm('');
  loadQuestions(0, true).catch(failed);
});

function loadAll() {
  say('Loading the console…');
  Promise.all([loadOverview(), loadGaps(), loadWeak(), loadFeedback(0), loadQuestions(0)])
    .then(function () { say('Console loaded.'); $('console').setAttribute('data-loaded', 'true'); })
    .catch(function (error) { say(''); failed(error); });
}

// A reloaded page may still have its session: ask, rather than showing the sign-in form first.
request('/admin/session').then(function (session) {
  csrf = session.csrfToken;
  showConsole(false);
}).catch(function () {
  showSignIn('');
});
})();
