// Lead Pipeline ops console: renders /api/stream (server-sent events) and /api/leads/{lead}/timeline, after signing in
// (POST /login with a pasted token sets an HttpOnly cookie the browser then sends; this script never sees it again).
// Vanilla JS, no build step; charts are inline SVG drawn here. Every text goes through textContent (no HTML injection).
'use strict';

const SVG_NS = 'http://www.w3.org/2000/svg';
const MAIN_PATH = ['CAPTURED', 'MQL', 'SQL', 'HANDED_OFF', 'ACCEPTED'];
const RECYCLE_PATH = ['REJECTED', 'NURTURED', 'REQUALIFIED'];
const WINDOWS = ['1h', '24h', '7d', 'all'];

const state = {
  window: WINDOWS.includes(localStorage.getItem('ops-console.window')) ? localStorage.getItem('ops-console.window') : '24h',
  source: null,
  lead: null,
  leadEventsSeen: null,
  timelineInFlight: false,
};

// ---------------------------------------------------------------------------------------------------------- helpers

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined) continue;
    if (name === 'class') node.className = value;
    else node.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function byId(id) {
  return document.getElementById(id);
}

function number(value) {
  return value === null || value === undefined ? '–' : Number(value).toLocaleString('en-US');
}

function percent(rate) {
  if (rate === null || rate === undefined) return '–';
  return (rate * 100).toFixed(rate < 0.1 ? 1 : 0) + '\u00a0%';
}

function duration(millis) {
  if (millis === null || millis === undefined) return '–';
  if (millis < 1000) return millis + ' ms';
  if (millis < 60_000) return (millis / 1000).toFixed(millis < 10_000 ? 2 : 1) + ' s';
  if (millis < 3_600_000) return (millis / 60_000).toFixed(1) + ' min';
  if (millis < 86_400_000) return (millis / 3_600_000).toFixed(1) + ' h';
  return (millis / 86_400_000).toFixed(1) + ' d';
}

function time(iso) {
  if (!iso) return '–';
  const at = new Date(iso);
  const sameDay = at.toDateString() === new Date().toDateString();
  return sameDay ? at.toLocaleTimeString() : at.toLocaleString();
}

function replaceRows(tbody, rows) {
  tbody.replaceChildren(...rows);
}

// ----------------------------------------------------------------------------------------------------------- funnel

function renderFunnel(funnel) {
  byId('funnel-window').textContent = funnel.window === 'all' ? 'all time' : 'last ' + funnel.window;
  const steps = Object.fromEntries(funnel.steps.map(step => [step.step, step]));
  const rows = [...MAIN_PATH, ...RECYCLE_PATH].map(code => {
    const step = steps[code];
    return el('tr', { class: RECYCLE_PATH.includes(code) ? 'recycle' : 'main', 'data-step': code },
      el('td', {}, step.label),
      el('td', { class: 'num', id: 'funnel-count-' + code }, number(step.count)),
      el('td', { class: 'num', id: 'funnel-rate-' + code }, step.after ? percent(step.rate) : ''),
      el('td', { class: 'muted' }, step.after ? steps[step.after].label : ''));
  });
  replaceRows(document.querySelector('#funnel-table tbody'), rows);
  drawFunnelChart(steps);
}

function drawFunnelChart(steps) {
  const chart = byId('funnel-chart');
  const width = 420, labelWidth = 86, barHeight = 22, gap = 6, maxBar = width - labelWidth - 84;
  const largest = Math.max(1, ...Object.values(steps).map(step => step.count));
  const nodes = [];
  let y = 4;
  const drawPath = (codes, color, title) => {
    nodes.push(svg('text', { x: 0, y: y + 12, class: 'muted' }, title));
    y += 20;
    for (const code of codes) {
      const step = steps[code];
      const barWidth = Math.max(2, Math.round(maxBar * step.count / largest));
      nodes.push(svg('text', { x: 0, y: y + barHeight / 2 + 4 }, step.label));
      nodes.push(svg('rect', { x: labelWidth, y, width: barWidth, height: barHeight, rx: 3, fill: color, opacity: 0.85 }));
      const rate = step.after && step.rate !== null ? '  ' + percent(step.rate) : '';
      nodes.push(svg('text', { x: labelWidth + barWidth + 6, y: y + barHeight / 2 + 4 }, number(step.count) + rate));
      y += barHeight + gap;
    }
    y += 6;
  };
  drawPath(MAIN_PATH, 'var(--main)', 'Sales path');
  drawPath(RECYCLE_PATH, 'var(--recycle)', 'Recycling path');
  chart.setAttribute('viewBox', `0 0 ${width} ${y}`);
  chart.replaceChildren(...nodes);
}

// ----------------------------------------------------------------------------------------------------------- health

function sparkline(series) {
  const width = 120, height = 22;
  const top = Math.max(...series, 0.0001);
  const step = width / Math.max(1, series.length - 1);
  const points = series.map((value, index) => `${(index * step).toFixed(1)},${(height - 1 - (value / top) * (height - 2)).toFixed(1)}`);
  const line = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, class: 'spark' });
  line.append(svg('polyline', { points: points.join(' '), fill: 'none', stroke: 'var(--main)', 'stroke-width': 1.5 }));
  return line;
}

function renderHealth(health) {
  replaceRows(document.querySelector('#topics tbody'), health.topics.map(topic =>
    el('tr', { 'data-topic': topic.topic },
      el('td', {}, topic.topic),
      el('td', { class: 'num' }, topic.perSecond.toFixed(topic.perSecond < 10 ? 2 : 1)),
      el('td', { class: 'num' }, number(topic.total)),
      el('td', {}, sparkline(topic.series)))));

  replaceRows(document.querySelector('#lag tbody'), health.consumerGroups.map(group =>
    el('tr', { 'data-group': group.group, title: group.problem || '' },
      el('td', {}, group.group),
      el('td', { class: group.problem ? 'muted' : '' }, group.problem ? 'unknown' : group.state),
      el('td', { class: 'num' }, group.problem ? '–' : group.members),
      el('td', { class: 'num' + (group.totalLag > 0 ? ' alert-text' : '') }, number(group.totalLag)),
      el('td', { class: 'small muted' }, group.problem || Object.entries(group.lagByTopic || {})
        .filter(([, lag]) => lag > 0).map(([topic, lag]) => `${topic}: ${lag}`).join(', ') || 'none'))));

  const dead = health.deadLetters;
  const total = byId('dlq-total');
  total.textContent = number(dead.total);
  total.className = 'badge' + (dead.total > 0 ? ' alert' : '');
  byId('dlq-reasons').replaceChildren(...(dead.topReasons.length === 0
    ? [el('li', { class: 'muted' }, 'none')]
    : dead.topReasons.map(reason => el('li', {}, el('b', {}, number(reason.count) + '× '), reason.reason))));
  byId('dlq-topics').textContent = Object.entries(dead.byTopic).map(([topic, count]) => `${topic}: ${count}`).join(' · ');

  const latency = health.latency;
  byId('latency-window').textContent = latency.window === 'all' ? 'all kept samples' : 'last ' + latency.window;
  byId('latency-p50').textContent = duration(latency.p50Millis);
  byId('latency-p95').textContent = duration(latency.p95Millis);
  byId('latency-p99').textContent = duration(latency.p99Millis);
  byId('latency-count').textContent = number(latency.count);
  drawLatencyChart(latency.series);

  const reader = health.console.reader;
  const view = health.console.view;
  byId('reader').textContent = `${reader.caughtUp ? 'caught up' : 'reading history…'} · ${number(view.eventsApplied)} events`
    + (view.unreadable > 0 ? ` · ${number(view.unreadable)} unreadable` : '')
    + (reader.state !== 'READING' ? ` · ${reader.state.toLowerCase().replaceAll('_', ' ')}` : '');
}

function drawLatencyChart(series) {
  const chart = byId('latency-chart');
  const width = 640, height = 180, left = 56, right = 10, top = 10, bottom = 24;
  const values = series.flatMap(bucket => [bucket.p50Millis, bucket.p95Millis]).filter(value => value !== null);
  const nodes = [svg('line', { x1: left, y1: height - bottom, x2: width - right, y2: height - bottom, class: 'axis' }),
    svg('line', { x1: left, y1: top, x2: left, y2: height - bottom, class: 'axis' })];
  if (values.length === 0) {
    nodes.push(svg('text', { x: left + 12, y: height / 2, class: 'muted' }, 'no handoffs measured in this window'));
    chart.replaceChildren(...nodes);
    return;
  }
  const highest = Math.max(...values) * 1.1;
  const x = index => left + (index + 0.5) * (width - left - right) / series.length;
  const y = value => height - bottom - (value / highest) * (height - top - bottom);
  nodes.push(svg('text', { x: 4, y: top + 10, class: 'muted' }, duration(Math.round(highest))));
  nodes.push(svg('text', { x: 4, y: height - bottom, class: 'muted' }, '0'));
  nodes.push(svg('text', { x: left, y: height - 6, class: 'muted' }, time(series[0].from)));
  nodes.push(svg('text', { x: width - right, y: height - 6, class: 'muted', 'text-anchor': 'end' }, time(series[series.length - 1].to)));
  const line = (key, color, label, labelX) => {
    let segment = [];
    const flush = () => {
      if (segment.length > 1) nodes.push(svg('polyline', { points: segment.join(' '), fill: 'none', stroke: color, 'stroke-width': 2 }));
      segment = [];
    };
    series.forEach((bucket, index) => {
      const value = bucket[key];
      if (value === null) { flush(); return; }
      segment.push(`${x(index).toFixed(1)},${y(value).toFixed(1)}`);
      nodes.push(svg('circle', { cx: x(index).toFixed(1), cy: y(value).toFixed(1), r: 2.5, fill: color }));
    });
    flush();
    nodes.push(svg('text', { x: left + 8 + labelX, y: top + 12, style: `fill:${color}` }, label));
  };
  line('p95Millis', 'var(--p95)', '● p95', 0);
  line('p50Millis', 'var(--main)', '● p50', 48);
  chart.replaceChildren(...nodes);
}

// ------------------------------------------------------------------------------------------------------ sales floor

function renderCloserLoad(closer) {
  if (closer.capacity === null || closer.capacity === undefined) {
    return el('span', { class: 'load' }, el('b', {}, String(closer.open)), el('span', { class: 'muted small' }, 'capacity unknown'));
  }
  const share = Math.min(1, closer.open / Math.max(1, closer.capacity));
  return el('span', { class: 'load' },
    el('b', {}, `${closer.open} / ${closer.capacity}`),
    el('span', { class: 'bar' }, el('span', { class: 'fill' + (closer.open >= closer.capacity ? ' full' : ''), style: `width:${Math.round(share * 100)}%` })));
}

function renderFloor(closers) {
  const rows = closers.closers.map(closer =>
    el('tr', { 'data-closer': closer.closerId },
      el('td', {}, closer.name || closer.closerId, closer.onDuty === false ? el('span', { class: 'muted small' }, ' (off duty)') : null),
      el('td', {}, renderCloserLoad(closer)),
      el('td', { class: 'num' + (closer.overdue > 0 ? ' alert-text' : '') }, number(closer.overdue)),
      el('td', { class: 'num' + (closer.slaBreaches > 0 ? ' alert-text' : '') }, number(closer.slaBreaches)),
      el('td', { class: 'num' }, number(closer.reassigned)),
      el('td', { class: 'num' }, number(closer.accepted)),
      el('td', { class: 'num' }, number(closer.rejected)),
      el('td', { class: 'num' }, number(closer.handedOff))));
  replaceRows(document.querySelector('#closers tbody'), rows.length ? rows
    : [el('tr', {}, el('td', { colspan: 8, class: 'muted' }, 'no handoffs yet'))]);
  const roster = closers.roster;
  byId('roster').textContent = roster.problem
    ? `Capacity from routing-service: unavailable (${roster.problem}).`
    : `Capacity from ${roster.url}/v1/closers, fetched ${time(roster.fetchedAt)}.`;
}

// ---------------------------------------------------------------------------------------------------------- journey

function renderJourney(journey) {
  const head = el('div', { class: 'lead-head' },
    el('span', {}, 'Lead ', el('code', { id: 'journey-lead-id' }, journey.leadId)),
    journey.stage ? el('span', { class: 'stage ' + journey.stage, id: 'journey-stage' }, journey.stage) : null,
    el('span', { class: 'muted' }, `${journey.events.length} events` + (journey.truncated ? ' (oldest dropped)' : '')));
  const items = journey.events.map(entry => {
    const details = Object.entries(entry.details);
    return el('li', { class: entry.event, 'data-event': entry.event },
      el('div', {}, el('span', { class: 'when' }, time(entry.at)), el('span', { class: 'topic' }, entry.topic)),
      el('div', { class: 'summary' }, entry.summary),
      details.length ? el('dl', { class: 'details' }, details.flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, value)])) : null,
      entry.reasons.length ? el('ul', { class: 'score' }, entry.reasons.map(reason =>
        el('li', {}, el('b', {}, (reason.points >= 0 ? '+' : '') + reason.points), ' ', reason.description, ' ', el('span', { class: 'muted' }, reason.ruleId)))) : null);
  });
  byId('journey-result').replaceChildren(head, el('ol', { class: 'timeline', id: 'timeline' }, items));
}

async function loadJourney() {
  if (!state.lead || state.timelineInFlight) return;
  state.timelineInFlight = true;
  try {
    const response = await fetch('/api/leads/' + encodeURIComponent(state.lead) + '/timeline');
    if (response.status === 401 || response.status === 403) {
      checkSession();
    } else if (response.ok) {
      renderJourney(await response.json());
    } else {
      const problem = await response.json().catch(() => ({ detail: response.statusText }));
      byId('journey-result').replaceChildren(el('p', { class: 'error', id: 'journey-problem' }, problem.detail));
    }
  } catch (error) {
    byId('journey-result').replaceChildren(el('p', { class: 'error' }, 'The console did not answer: ' + error));
  } finally {
    state.timelineInFlight = false;
  }
}

// ------------------------------------------------------------------------------------------------------ live stream

function render(overview) {
  renderFunnel(overview.funnel);
  renderHealth(overview.health);
  renderFloor(overview.closers);
  byId('updated').textContent = 'updated ' + time(overview.generatedAt);
  // The searched lead's journey follows the stream: refetch whenever the console has taken in new events.
  const applied = overview.health.console.view.eventsApplied;
  if (state.lead && applied !== state.leadEventsSeen) {
    state.leadEventsSeen = applied;
    loadJourney();
  }
}

function connect() {
  if (state.source) state.source.close();
  const live = byId('live');
  live.className = 'live connecting';
  live.textContent = 'connecting…';
  const source = new EventSource('/api/stream?window=' + encodeURIComponent(state.window));
  source.onopen = () => {
    live.className = 'live connected';
    live.textContent = 'live';
  };
  source.onmessage = message => render(JSON.parse(message.data));
  source.onerror = () => {
    // EventSource reconnects by itself; say so until it does. It gives up on a refusal: the session may have ended.
    live.className = 'live ' + (source.readyState === EventSource.CLOSED ? 'down' : 'connecting');
    live.textContent = source.readyState === EventSource.CLOSED ? 'disconnected' : 'reconnecting…';
    if (source.readyState === EventSource.CLOSED) checkSession();
  };
  state.source = source;
}

function chooseWindow(code) {
  state.window = code;
  localStorage.setItem('ops-console.window', code);
  document.querySelectorAll('.windows button').forEach(button =>
    button.classList.toggle('active', button.dataset.window === code));
  connect();
}

document.querySelectorAll('.windows button').forEach(button =>
  button.addEventListener('click', () => chooseWindow(button.dataset.window)));

byId('journey-form').addEventListener('submit', event => {
  event.preventDefault();
  const query = byId('journey-input').value.trim();
  if (!query) return;
  state.lead = query;
  state.leadEventsSeen = null;
  const url = new URL(location.href);
  url.hash = 'lead=' + encodeURIComponent(query);
  history.replaceState(null, '', url);
  loadJourney();
});

// --------------------------------------------------------------------------------------------------------- sign-in

function showDashboard(session) {
  byId('signin-section').hidden = true;
  byId('signin-problem').hidden = true;
  byId('dashboard').hidden = false;
  byId('windows').hidden = false;
  byId('status').hidden = false;
  byId('signed-in').textContent = `${session.subject} (${session.role}) until ${time(session.expiresAt)}`;
  chooseWindow(state.window);
}

function showSignIn(message) {
  if (state.source) state.source.close();
  state.source = null;
  byId('dashboard').hidden = true;
  byId('windows').hidden = true;
  byId('status').hidden = true;
  byId('signin-section').hidden = false;
  const problem = byId('signin-problem');
  problem.textContent = message || '';
  problem.hidden = !message;
  byId('signin-token').focus();
}

async function problemOf(response) {
  const problem = await response.json().catch(() => ({ detail: response.status + ' ' + response.statusText }));
  return problem.detail;
}

/** Dashboard or sign-in form, as /api/session answers. */
async function checkSession() {
  let response;
  try {
    response = await fetch('/api/session', { headers: { Accept: 'application/json' } });
  } catch (error) {
    showSignIn('The console did not answer: ' + error);
    return;
  }
  if (response.ok) {
    if (byId('dashboard').hidden) showDashboard(await response.json());
  } else if (response.status === 401) {
    showSignIn(byId('dashboard').hidden ? null : 'Your session has ended (the token expired); sign in again.');
  } else {
    showSignIn(await problemOf(response));
  }
}

// Posted by fetch, not by the form itself: a form post under Referrer-Policy: no-referrer carries Origin: null,
// while this one names the page's origin, which the console checks against cross-site requests.
function post(path, body) {
  return fetch(path, { method: 'POST', body, headers: { Accept: 'application/json' }, referrerPolicy: 'same-origin' });
}

byId('signin-form').addEventListener('submit', async event => {
  event.preventDefault();
  const field = byId('signin-token');
  const token = field.value.trim();
  if (!token) return;
  try {
    const response = await post('/login', new URLSearchParams({ token }));
    field.value = '';
    if (response.ok) {
      showDashboard(await response.json());
    } else {
      showSignIn(await problemOf(response));
    }
  } catch (error) {
    showSignIn('The console did not answer: ' + error);
  }
});

byId('signout-form').addEventListener('submit', async event => {
  event.preventDefault();
  try {
    const response = await post('/logout');
    showSignIn(response.ok ? 'Signed out.' : await problemOf(response));
  } catch (error) {
    showSignIn('The console did not answer: ' + error);
  }
});

const linked = new URLSearchParams(location.hash.slice(1)).get('lead');
if (linked) {
  byId('journey-input').value = linked;
  state.lead = linked;
}
checkSession();
