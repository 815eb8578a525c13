"""The web pages' stylesheet and the upload page's script (inline, allowed by hash)."""

from __future__ import annotations

from dyad.report.style import CSS as REPORT_CSS

# the report's look, plus the site's bar, forms, the world map and its legend
CSS = REPORT_CSS + """
.site{display:flex;gap:16px;align-items:baseline;padding:12px 0;border-bottom:1px solid var(--line);
font-size:14px}
.site .brand{font-weight:700;font-size:16px;text-decoration:none;color:var(--ink)}
form.inline{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:10px 0}
form.inline input[type=search],form.inline input[type=text]{font:inherit;padding:5px 8px;
border:1px solid var(--line);border-radius:4px;min-width:220px}
button,input[type=submit]{font:inherit;padding:5px 14px;border:1px solid #9aa5ad;
border-radius:4px;background:var(--soft);cursor:pointer}
form.upload{max-width:760px}
form.upload fieldset{display:grid;grid-template-columns:max-content 1fr;gap:8px 12px;
align-items:center;border:1px solid var(--line);border-radius:4px;padding:12px 16px}
form.upload legend{font-size:14px;color:var(--mute);padding:0 4px}
form.upload input,form.upload select,form.upload textarea{font:inherit;padding:5px 8px;
border:1px solid var(--line);border-radius:4px}
form.upload textarea{min-height:180px;font-family:ui-monospace,monospace;font-size:13px}
.result{margin:14px 0;padding:10px 14px;border:1px solid var(--line);border-radius:4px;
background:var(--soft);min-height:20px}
.result:empty{display:none}
.result.ok{border-left:4px solid var(--q2)}.result.bad{border-left:4px solid var(--q4)}
.world{width:100%;height:auto;display:block;border:1px solid var(--line);border-radius:4px}
.world .sea{fill:#e9eff5}
.world .land{fill:#e0e0e0;stroke:#fff;stroke-width:.5px;vector-effect:non-scaling-stroke}
.world a .land:hover{stroke:#111;stroke-width:1.2px}
.s0{fill:#b2182b;background:#b2182b}.s1{fill:#e6735c;background:#e6735c}
.s2{fill:#f4b394;background:#f4b394}.s3{fill:#c9b77f;background:#c9b77f}
.s4{fill:#9fd49a;background:#9fd49a}.s5{fill:#4fa55a;background:#4fa55a}
.s6{fill:#1b7837;background:#1b7837}.swatch.none{background:#e0e0e0}
.world .land.has.s0{fill:#b2182b}.world .land.has.s1{fill:#e6735c}
.world .land.has.s2{fill:#f4b394}.world .land.has.s3{fill:#c9b77f}
.world .land.has.s4{fill:#9fd49a}.world .land.has.s5{fill:#4fa55a}
.world .land.has.s6{fill:#1b7837}
.legend{font-size:13px;color:var(--mute);display:flex;flex-wrap:wrap;gap:4px 14px}
.legend .swatch{border-radius:2px}
.num{text-align:right;font-variant-numeric:tabular-nums}
ol.reflist{list-style:none;padding:0;margin:0}ol.reflist li{margin:0 0 12px}
ol.reflist li:target{background:var(--hi)}
dl.fields{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:4px 0 12px;
font-size:14px}
dl.fields dt{color:var(--mute)}dl.fields dd{margin:0}
pre.record{font-size:12px;background:var(--soft);padding:10px;overflow:auto;max-height:480px}
.pager{margin:10px 0;font-size:14px}
.error-page{padding:30px 0}
"""

UPLOAD_JS = r"""
(function () {
  'use strict';
  var form = document.getElementById('upload');
  var out = document.getElementById('upload-result');
  if (!form || !out) { return; }
  function line(parent, text, tag) {
    var node = document.createElement(tag || 'p');
    node.textContent = text;
    parent.appendChild(node);
    return node;
  }
  function show(status, body) {
    while (out.firstChild) { out.removeChild(out.firstChild); }
    out.setAttribute('data-status', String(status));
    if (status >= 400 || !body || body.error) {
      out.className = 'result bad';
      line(out, 'Not stored (' + status + '): ' + ((body && body.error) || 'no answer'));
      return;
    }
    out.className = 'result ok';
    (body.documents || []).forEach(function (d) {
      line(out, (d.title || d.document) + ': ' + d.status + ', ' + d.events + ' events, ' +
                d.facts + ' facts' + (d.merged ? ', ' + d.merged + ' merged' : '') + '.');
    });
    (body.skipped || []).forEach(function (s) { line(out, 'Skipped: ' + s); });
    if ((body.dyads || []).length) {
      var list = document.createElement('ul');
      list.id = 'upload-dyads';
      body.dyads.forEach(function (p) {
        var li = document.createElement('li');
        var a = document.createElement('a');
        a.href = p.page;
        a.textContent = p.a_name + ' – ' + p.b_name;
        li.appendChild(a);
        list.appendChild(li);
      });
      line(out, 'Pairs in this document:');
      out.appendChild(list);
    }
  }
  form.addEventListener('submit', function (evt) {
    evt.preventDefault();
    var data = new FormData(form);
    var token = String(data.get('token') || '');
    data.delete('token');
    var file = data.get('file');
    if (file && typeof file === 'object' && !file.size) { data.delete('file'); }
    out.className = 'result';
    out.removeAttribute('data-status');
    out.textContent = 'Reading and extracting…';
    fetch('/api/documents', {method: 'POST', body: data,
                             headers: {'Authorization': 'Bearer ' + token}})
      .then(function (r) {
        return r.json().then(function (j) { return [r.status, j]; },
                             function () { return [r.status, null]; });
      })
      .then(function (res) { show(res[0], res[1]); })
      .catch(function (e) { show(0, {error: String(e)}); });
  });
})();
"""
