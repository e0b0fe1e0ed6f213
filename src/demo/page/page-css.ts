/** The client's frame (sidebar, panes, composer); messages themselves are styled by the renderer's CSS. */
export const PAGE_CSS = `
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; font-family: Lato, "Segoe UI", Helvetica, Arial, sans-serif; font-size: 15px; color: #1d1c1d; }
.client { display: flex; height: 100vh; }
.side { width: 250px; background: #3f0e40; color: #cfc3cf; padding: 12px 0; overflow-y: auto; flex-shrink: 0; }
.side .team { color: #fff; font-weight: 900; font-size: 18px; padding: 0 16px 4px; }
.side .you { padding: 0 16px 12px; font-size: 13px; border-bottom: 1px solid #5d2c5d; }
.side-title { padding: 14px 16px 4px; font-size: 13px; opacity: .8; }
.conv { display: block; padding: 4px 16px; color: #cfc3cf; text-decoration: none; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; cursor: pointer; }
.conv:hover { background: #350d36; }
.conv.active { background: #1164a3; color: #fff; }
.conv.unread { color: #fff; font-weight: 700; }
.pages { padding: 4px 12px; display: flex; flex-direction: column; gap: 6px; }
.page-btn { background: #06a34a; color: #fff; border: 0; border-radius: 4px; padding: 6px 8px; text-align: left; cursor: pointer; font-size: 13px; }
.page-btn:hover { background: #048a3e; }
.story { margin: 16px 12px; padding: 8px; border-radius: 6px; background: #350d36; color: #fff; font-size: 13px; }
.main { flex: 1; display: flex; flex-direction: column; min-width: 0; }
.chan-head { border-bottom: 1px solid #ddd; padding: 10px 20px; }
.chan-head h1 { margin: 0; font-size: 18px; }
.chan-topic { color: #616061; font-size: 13px; margin-top: 2px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.messages, .thread-body { flex: 1; overflow-y: auto; padding: 8px 0; }
.messages .empty { color: #616061; padding: 20px; }
.composer { display: flex; gap: 8px; padding: 12px 20px 16px; }
.composer input { flex: 1; padding: 10px 12px; border: 1px solid #bbb; border-radius: 8px; font-size: 15px; }
.composer button { background: #007a5a; color: #fff; border: 0; border-radius: 6px; padding: 0 16px; cursor: pointer; }
.thread-pane { width: 420px; border-left: 1px solid #ddd; display: flex; flex-direction: column; }
.thread-pane[hidden] { display: none; }
.thread-head { display: flex; justify-content: space-between; align-items: center; padding: 12px 16px; border-bottom: 1px solid #ddd; }
.close { border: 0; background: none; cursor: pointer; font-size: 16px; }
.thread-count { color: #616061; font-size: 13px; padding: 4px 20px; border-bottom: 1px solid #eee; }
button.btn { cursor: pointer; font: inherit; }
a.replies { display: block; width: fit-content; margin-top: 4px; color: #1264a3; font-weight: 700; font-size: 13px; text-decoration: none; }
a.replies:hover { text-decoration: underline; }
`;
