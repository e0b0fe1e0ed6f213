/**
 * The browser side of the demo page, as the text of a plain script (it runs in the browser, so it
 * may use no Node API). It fetches the server-drawn view, re-fetches on every change announced
 * over Server-Sent Events, and turns clicks and typing into POSTs the server replays to the bot
 * the way Slack would.
 */
export const PAGE_SCRIPT = String.raw`
(function () {
  'use strict';
  var tz = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  var state = { channel: null, thread: null, chosen: false, seen: {} };
  var $ = function (id) { return document.getElementById(id); };
  var pending = false, again = false;

  function post(path, body) {
    return fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) { if (!r.ok) return r.text().then(function (t) { throw new Error(t); }); });
  }

  function nearBottom(el) { return el.scrollHeight - el.scrollTop - el.clientHeight < 80; }

  function refresh() {
    if (pending) { again = true; return; }
    pending = true;
    var q = new URLSearchParams({ tz: tz });
    if (state.channel) q.set('channel', state.channel);
    if (state.thread) q.set('thread', state.thread);
    fetch('/api/view?' + q.toString()).then(function (r) { return r.json(); }).then(function (v) {
      if (!state.chosen && v.follow && v.follow !== state.channel) { state.channel = v.follow; state.thread = null; pending = false; refresh(); return; }
      draw(v);
    }).catch(function () {}).then(function () {
      pending = false;
      if (again) { again = false; refresh(); }
    });
  }

  function draw(v) {
    state.channel = v.channel.id;
    var list = $('conversations');
    list.innerHTML = '';
    v.conversations.forEach(function (c) {
      var a = document.createElement('a');
      a.className = 'conv' + (c.id === v.channel.id ? ' active' : '') + (state.seen[c.id] === undefined && c.id !== v.channel.id ? ' unread' : '');
      a.textContent = (c.kind === 'dm' ? '● ' : '# ') + c.name;
      a.dataset.channel = c.id;
      a.href = '#';
      list.appendChild(a);
    });
    state.seen[v.channel.id] = true;
    $('chan-name').textContent = (v.channel.kind === 'dm' ? '' : '# ') + v.channel.name;
    $('chan-topic').innerHTML = v.channel.topic;
    var box = $('messages'), stick = nearBottom(box) || box.dataset.channel !== v.channel.id;
    box.innerHTML = v.messagesHtml;
    box.dataset.channel = v.channel.id;
    if (stick) box.scrollTop = box.scrollHeight;
    var pane = $('thread-pane');
    if (v.threadHtml === null) { pane.hidden = true; state.thread = null; }
    else { pane.hidden = false; var t = $('thread'), s2 = nearBottom(t); t.innerHTML = v.threadHtml; if (s2) t.scrollTop = t.scrollHeight; }
    var story = $('story');
    if (v.story) { story.hidden = false; story.textContent = v.story; } else story.hidden = true;
  }

  document.addEventListener('click', function (e) {
    var el = e.target.closest('a.conv, button[data-action-id], a.replies, .page-btn, #close-thread');
    if (!el) return;
    e.preventDefault();
    if (el.matches('a.conv')) { state.channel = el.dataset.channel; state.thread = null; state.chosen = true; refresh(); }
    else if (el.matches('a.replies')) { state.thread = el.dataset.thread; refresh(); }
    else if (el.id === 'close-thread') { state.thread = null; refresh(); }
    else if (el.matches('.page-btn')) { state.chosen = false; post('/api/page', { service: el.dataset.service }); }
    else if (el.matches('button[data-action-id]')) {
      el.disabled = true;
      post('/api/click', { channel: state.channel, ts: el.dataset.ts, actionId: el.dataset.actionId, value: el.dataset.value })
        .finally(function () { el.disabled = false; });
    }
  });

  function composer(formId, boxId, threaded) {
    $(formId).addEventListener('submit', function (e) {
      e.preventDefault();
      var input = $(boxId), text = input.value.trim();
      if (!text) return;
      input.value = '';
      state.chosen = true;
      post('/api/send', { channel: state.channel, text: text, thread: threaded ? state.thread : undefined }).catch(function (err) { alert(err.message); });
    });
  }
  composer('composer', 'box', false);
  composer('thread-composer', 'thread-box', true);

  var events = new EventSource('/events');
  events.onmessage = function () { refresh(); };
  events.onopen = function () { refresh(); };
  refresh();
})();
`;
