/**
 * The demo page's shell: a Slack-like client (workspace sidebar, channel, thread pane, message
 * box, a "Page" button per service). Its content is drawn on the server and fetched as HTML
 * fragments; the script keeps it live over Server-Sent Events. Plain HTML, CSS and JS: the page
 * loads nothing from the network beyond this server.
 */
import { PAGE_CSS } from './page-css.js';
import { PAGE_SCRIPT } from './page-script.js';

export function pageHtml(opts: { services: string[]; viewerName: string; extraCss: string }): string {
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  const pageButtons = opts.services.map((s) => `<button class="page-btn" data-service="${esc(s)}" title="PagerDuty pages the owner of ${esc(s)}">📟 Page ${esc(s)}</button>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rootcause demo</title>
<style>${opts.extraCss}</style>
<style>${PAGE_CSS}</style>
</head><body>
<div class="client">
  <nav class="side">
    <div class="team">Rootcause demo</div>
    <div class="you">You are <b>${esc(opts.viewerName)}</b></div>
    <div class="side-title">Channels</div>
    <div id="conversations"></div>
    <div class="side-title">Simulate PagerDuty</div>
    <div class="pages">${pageButtons}</div>
    <div id="story" class="story" hidden></div>
  </nav>
  <section class="main">
    <header class="chan-head"><h1 id="chan-name"></h1><div id="chan-topic" class="chan-topic"></div></header>
    <div id="messages" class="messages"></div>
    <form id="composer" class="composer"><input id="box" autocomplete="off" placeholder="Message, or /triage checkout, /incident help"><button type="submit">Send</button></form>
  </section>
  <aside id="thread-pane" class="thread-pane" hidden>
    <header class="thread-head"><b>Thread</b><button id="close-thread" class="close" title="Close">✕</button></header>
    <div id="thread" class="thread-body"></div>
    <form id="thread-composer" class="composer"><input id="thread-box" autocomplete="off" placeholder="Reply…"><button type="submit">Send</button></form>
  </aside>
</div>
<script>${PAGE_SCRIPT}</script>
</body></html>
`;
}
