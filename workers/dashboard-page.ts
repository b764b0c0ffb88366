/**
 * The dashboard's single page: polls `/api/status` and renders queue counts and failed files.
 * Everything from the queue is inserted as text, never as HTML.
 */
export const DASHBOARD_PAGE = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>sohoa — hàng đợi</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 2rem; color: #222; }
  h1 { font-size: 1.3rem; }
  .counts { display: flex; gap: 1rem; flex-wrap: wrap; margin: 1rem 0; }
  .count { border: 1px solid #ccc; border-radius: 6px; padding: .5rem 1rem; min-width: 6rem; }
  .count b { display: block; font-size: 1.6rem; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; border-bottom: 1px solid #eee; padding: .3rem .5rem; vertical-align: top; }
  td.code { font-family: monospace; white-space: nowrap; }
  #updated { color: #777; }
</style>
</head>
<body>
<h1>sohoa — batch queue</h1>
<div class="counts" id="counts"></div>
<p><button id="retry">Retry failed files</button> <span id="updated"></span></p>
<h2>Failed files</h2>
<table><thead><tr><th>file</th><th>code</th><th>message</th><th>attempts</th></tr></thead><tbody id="failed"></tbody></table>
<script>
const el = (tag, text, cls) => { const e = document.createElement(tag); e.textContent = text; if (cls) e.className = cls; return e; };
async function refresh() {
  try {
    const s = await (await fetch('api/status')).json();
    const counts = document.getElementById('counts');
    counts.replaceChildren(...Object.entries(s.counts).map(([k, v]) => { const d = el('div', k, 'count'); d.prepend(el('b', String(v))); return d; }));
    document.getElementById('failed').replaceChildren(...s.failed.map((f) => {
      const tr = document.createElement('tr');
      tr.append(el('td', f.path), el('td', f.code, 'code'), el('td', f.message), el('td', String(f.attemptsMade)));
      return tr;
    }));
    document.getElementById('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
  } catch (e) {
    document.getElementById('updated').textContent = 'cannot reach the dashboard: ' + e.message;
  }
}
document.getElementById('retry').onclick = async () => {
  const r = await (await fetch('api/retry-failed', { method: 'POST', headers: { 'X-Sohoa': '1' } })).json();
  document.getElementById('updated').textContent = 're-queued ' + r.retried + ' files';
  refresh();
};
refresh();
setInterval(refresh, 2000);
</script>
</body>
</html>
`;
