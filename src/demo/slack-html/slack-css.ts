/** The page's look: Slack's light theme in a few rules (Lato-like system fonts, no web fonts fetched). */
export const SLACK_CSS = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.46668 -apple-system,BlinkMacSystemFont,"Segoe UI",Lato,"Helvetica Neue",Arial,sans-serif;color:#1d1c1d;background:#fff}
.app{display:flex;min-height:100vh}
.sidebar{width:240px;flex:none;background:#3f0e40;color:#cfc3cf;padding:12px 0;position:sticky;top:0;height:100vh;overflow:auto}
.sidebar .team{color:#fff;font-weight:900;font-size:18px;padding:0 16px 12px;border-bottom:1px solid #522653;margin-bottom:8px}
.sidebar a{display:block;color:#cfc3cf;text-decoration:none;padding:3px 16px;font-size:15px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.sidebar a:hover{background:#350d36;color:#fff}
main{flex:1;min-width:0;max-width:1000px}
.channel{border-bottom:8px solid #f8f8f8;padding-bottom:12px}
.channel>header{padding:12px 20px;border-bottom:1px solid #e2e2e2;position:sticky;top:0;background:#fff;z-index:1}
.channel h2{margin:0;font-size:18px;font-weight:900}
.topic{color:#616061;font-size:13px}
.empty{color:#616061;padding:12px 20px}
.message-group{padding:0}
.message{display:flex;gap:8px;padding:8px 20px}
.message:hover{background:#f8f8f8}
.message.is-ephemeral{background:#fffbe6}
.avatar{width:36px;height:36px;border-radius:4px;background:#7c3085;color:#fff;font-weight:700;display:flex;align-items:center;justify-content:center;flex:none}
.avatar.bot{background:#1264a3}
.body{min-width:0;flex:1}
.meta{display:flex;align-items:baseline;gap:6px}
.author{font-weight:900}
.app-badge{font-size:10px;font-weight:700;color:#616061;background:#e8e8e8;border-radius:2px;padding:0 3px}
.time,.edited{color:#616061;font-size:12px}
.edited{margin-left:4px}
.ephemeral,.pinned{color:#616061;font-size:12px}
.thread{margin-left:64px;border-left:2px solid #e2e2e2}
.thread .message{padding-left:12px}
.reply-count{color:#1264a3;font-weight:700;font-size:13px;padding:2px 12px}
.b-header{font-size:18px;font-weight:900;margin:4px 0}
.b-section{display:flex;gap:12px;margin:4px 0}
.b-main{flex:1;min-width:0}
.b-text{white-space:normal;overflow-wrap:anywhere}
.b-fields{display:grid;grid-template-columns:1fr 1fr;gap:8px 16px;margin-top:4px}
.b-context{display:flex;flex-wrap:wrap;gap:8px;color:#616061;font-size:13px;margin:4px 0}
.b-divider{border:0;border-top:1px solid #e2e2e2;margin:8px 0}
.b-actions{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0}
.b-rich ul,.b-rich ol{margin:2px 0;padding-left:1.5em}
.b-unknown{color:#a00;font-size:12px}
.btn,.select{display:inline-block;border:1px solid #c4c4c4;border-radius:4px;padding:3px 12px;font-weight:700;font-size:14px;background:#fff;color:#1d1c1d}
.btn.primary{background:#007a5a;border-color:#007a5a;color:#fff}
.btn.danger{color:#e01e5a;border-color:#e01e5a}
.select{font-weight:400}
code{font:12px/1.5 Monaco,Menlo,Consolas,"Courier New",monospace;color:#e01e5a;background:#f6f6f6;border:1px solid #e1e1e1;border-radius:3px;padding:1px 3px}
pre.code,pre.file-preview{font:12px/1.5 Monaco,Menlo,Consolas,"Courier New",monospace;background:#f8f8f8;border:1px solid #e1e1e1;border-radius:4px;padding:8px;margin:4px 0;white-space:pre-wrap;overflow-wrap:anywhere}
blockquote{margin:4px 0;padding-left:12px;border-left:4px solid #dddddd}
a{color:#1264a3;text-decoration:none}
.mention{color:#1264a3;background:#e8f5fa;border-radius:3px;padding:0 2px}
.mention.broadcast{color:#1d1c1d;background:#fff3c4}
time{border-bottom:1px dotted #999}
.attachment{border-left:4px solid #ddd;padding:4px 12px;margin:4px 0}
.att-title{font-weight:700}
.file{border:1px solid #e2e2e2;border-radius:8px;padding:8px 12px;margin:6px 0;max-width:720px}
.file-head{display:flex;gap:8px;align-items:center}
.file-icon{font-size:24px}
.file-name{font-weight:700}
.file-kind,.file-more{color:#616061;font-size:12px}
.file-preview{max-height:none}
.reactions{display:flex;gap:4px;margin-top:4px}
.reaction{border:1px solid #e2e2e2;border-radius:12px;padding:0 6px;font-size:12px}
.acc-img,.ctx-img,.img{display:inline-block;border:1px solid #e2e2e2;border-radius:4px;padding:2px 6px;color:#616061;font-size:12px}
`;
