// The console page: calls a device through the HTTP API and shows /api/console every second. No framework.
'use strict';

const PROCESS_ID_HEADER = 'X-Rrpc-Process-Id';
const $ = (id) => document.getElementById(id);

function text(element, value) {
  element.textContent = value === undefined || value === null ? '' : String(value);
}

function showResult(outcome, ok, reply, processId, millis) {
  text($('outcome'), outcome);
  $('outcome').className = ok ? 'ok' : 'failed';
  text($('reply'), reply);
  text($('process-id'), processId);
  text($('latency'), millis.toFixed(1) + ' ms');
}

async function call(device, payload, timeout) {
  const [productId, deviceName] = device.split('/');
  const url = '/api/devices/' + encodeURIComponent(productId) + '/' + encodeURIComponent(deviceName)
      + '/rrpc?timeout=' + encodeURIComponent(timeout);
  const start = performance.now();
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: payload });
    const body = await response.text();
    const millis = performance.now() - start;
    const processId = response.headers.get(PROCESS_ID_HEADER);
    if (response.ok) {
      showResult('ok', true, body, processId, millis);
    } else {
      let error = { error: 'HTTP ' + response.status, message: body };
      try { error = JSON.parse(body); } catch (ignored) { /* not JSON */ }
      showResult(error.error, false, error.message, processId, millis);
    }
  } catch (failure) {
    showResult('unreachable', false, failure.message, null, performance.now() - start);
  }
  refresh();
}

function renderDevices(devices) {
  const list = $('devices');
  const options = $('device-list');
  list.replaceChildren();
  options.replaceChildren();
  for (const device of devices) {
    const item = document.createElement('li');
    text(item, device.device + (device.simulated ? ' (simulated)' : '')
        + (device.lastCall ? ', last called ' + new Date(device.lastCall).toLocaleTimeString() : ''));
    const pick = document.createElement('button');
    pick.type = 'button';
    text(pick, 'use');
    pick.addEventListener('click', () => { $('device').value = device.device; });
    item.append(pick);
    list.append(item);
    const option = document.createElement('option');
    option.value = device.device;
    options.append(option);
  }
}

function renderCalls(calls) {
  const rows = calls.map((c) => {
    const row = document.createElement('tr');
    const cells = [new Date(c.at).toLocaleTimeString(), c.device, c.processId, c.outcome, c.millis.toFixed(1)];
    for (const value of cells) {
      const cell = document.createElement('td');
      text(cell, value);
      row.append(cell);
    }
    row.children[3].className = c.outcome === 'ok' ? 'outcome-ok' : 'outcome-failed';
    return row;
  });
  $('calls').replaceChildren(...rows);
}

function renderChart(history) {
  const canvas = $('chart');
  const g = canvas.getContext('2d');
  const w = canvas.width;
  const h = canvas.height;
  g.clearRect(0, 0, w, h);
  const maxRate = Math.max(1, ...history.map((s) => s.calls));
  const maxP99 = Math.max(1, ...history.map((s) => s.p99Millis || 0));
  const step = w / history.length;
  g.fillStyle = '#4c78a8';
  history.forEach((s, i) => {
    const bar = (s.calls / maxRate) * (h - 20);
    g.fillRect(i * step + 1, h - bar, step - 2, bar);
  });
  g.strokeStyle = '#e45756';
  g.lineWidth = 2;
  g.beginPath();
  let drawing = false;
  history.forEach((s, i) => {
    if (s.p99Millis === null) { drawing = false; return; }
    const x = i * step + step / 2;
    const y = h - (s.p99Millis / maxP99) * (h - 20);
    if (drawing) { g.lineTo(x, y); } else { g.moveTo(x, y); drawing = true; }
  });
  g.stroke();
  g.fillStyle = '#555';
  g.fillText('max ' + maxRate + ' calls/s, ' + maxP99.toFixed(1) + ' ms', 4, 12);
  const last = history[history.length - 1];
  text($('chart-now'), last ? 'last second: ' + last.calls + ' calls/s'
      + (last.p99Millis === null ? '' : ', p99 ' + last.p99Millis.toFixed(1) + ' ms') : '');
}

async function refresh() {
  try {
    const response = await fetch('/api/console');
    if (!response.ok) { return; }
    const view = await response.json();
    renderDevices(view.devices);
    renderCalls(view.calls);
    renderChart(view.history);
  } catch (ignored) {
    // the next refresh tries again
  }
}

$('call-form').addEventListener('submit', (event) => {
  event.preventDefault();
  call($('device').value.trim(), $('payload').value, $('timeout').value);
});

// a link such as /#call=KL4J2ABCD8/airConditioner1&payload=closed&timeout=2000 fills the form and calls at once
const link = new URLSearchParams(location.hash.substring(1));
if (link.has('call')) {
  $('device').value = link.get('call');
  if (link.has('payload')) { $('payload').value = link.get('payload'); }
  if (link.has('timeout')) { $('timeout').value = link.get('timeout'); }
  call($('device').value, $('payload').value, $('timeout').value);
}
refresh();
setInterval(refresh, 1000);
