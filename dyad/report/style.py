"""The report's stylesheet, inlined into every page (no external fonts or files)."""

from __future__ import annotations

# quad classes: verbal/material cooperation greens, verbal/material conflict orange/red
CSS = """
:root{--q1:#5aae61;--q2:#1b7837;--q3:#e08214;--q4:#b2182b;--q0:#888;--a:#c0392b;--b:#2471a3;
--ink:#1d2327;--mute:#5f6b73;--line:#d8dee3;--bg:#fff;--soft:#f4f6f8;--hi:#fff6d6}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;
color:var(--ink);background:var(--bg)}
main{max-width:1100px;margin:0 auto;padding:0 20px 40px}
a{color:#1a5fa0}
h1{font-size:28px;margin:0 0 6px;line-height:1.2}
h2{font-size:20px;margin:34px 0 10px;padding-bottom:4px;border-bottom:1px solid var(--line)}
h3{font-size:16px;margin:18px 0 6px}
.top{display:flex;gap:24px;align-items:flex-start;flex-wrap:wrap;padding-top:20px}
.top .pair{flex:1 1 340px}
.top figure{flex:1 1 420px;margin:0}
.top figcaption,.note,.where,.muted{color:var(--mute);font-size:13px}
.name-a{color:var(--a)}.name-b{color:var(--b)}
.summary{margin:4px 0}
.locator{width:100%;height:auto;display:block;border:1px solid var(--line);border-radius:4px}
.locator .sea{fill:#e9eff5}
.locator .land{fill:#d9d9d9;stroke:#fff;stroke-width:.6px;vector-effect:non-scaling-stroke}
.locator .side-a{fill:var(--a)}.locator .side-b{fill:var(--b)}
.locator .ring{fill:none;stroke-width:2px;vector-effect:non-scaling-stroke}
.locator .ring.side-a{stroke:var(--a)}.locator .ring.side-b{stroke:var(--b)}
.locator .label{font-family:inherit;font-weight:600;fill:#111;stroke:#fff;paint-order:stroke;
text-anchor:middle;stroke-linejoin:round}
nav.toc{margin:14px 0 0;font-size:14px}
nav.toc a{margin-right:14px}
table{border-collapse:collapse;width:100%;font-size:14px;margin:6px 0 12px}
th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{background:var(--soft);font-weight:600}
ul.facts{margin:4px 0 10px;padding-left:20px}
.controls{display:flex;flex-wrap:wrap;gap:6px 14px;align-items:center;font-size:14px;margin:6px 0}
.controls label{white-space:nowrap;cursor:pointer}
.controls button{font:inherit;padding:2px 10px;border:1px solid var(--line);border-radius:4px;
background:var(--soft);cursor:pointer}
.swatch{display:inline-block;width:11px;height:11px;border-radius:50%;margin-right:4px;
vertical-align:-1px}
.swatch.claim{background:#fff!important;border:2px dashed var(--mute)}
.sw1{background:var(--q1)}.sw2{background:var(--q2)}.sw3{background:var(--q3)}
.sw4{background:var(--q4)}.sw0{background:var(--q0)}
#tl{width:100%;height:auto;display:block;border:1px solid var(--line);border-radius:4px;
background:#fff;touch-action:none;user-select:none;cursor:grab}
#tl .lane{fill:var(--soft)}#tl .lane.odd{fill:#fff}
#tl .lane-name{font-size:11px;fill:var(--mute)}
#tl .tick{stroke:var(--line)}#tl .tick-label{font-size:11px;fill:var(--mute);text-anchor:middle}
#tl .mark{stroke:#fff;stroke-width:1;cursor:pointer}
#tl .mark.claim{fill:#fff!important;stroke-width:2;stroke-dasharray:2 2}
#tl .span{stroke-width:3;stroke-linecap:round;opacity:.35}
#tl .q1{fill:var(--q1);stroke:var(--q1)}#tl .q2{fill:var(--q2);stroke:var(--q2)}
#tl .q3{fill:var(--q3);stroke:var(--q3)}#tl .q4{fill:var(--q4);stroke:var(--q4)}
#tl .q0{fill:var(--q0);stroke:var(--q0)}
#tl .mark.claim.q1{stroke:var(--q1)}#tl .mark.claim.q2{stroke:var(--q2)}
#tl .mark.claim.q3{stroke:var(--q3)}#tl .mark.claim.q4{stroke:var(--q4)}
#tl .mark.claim.q0{stroke:var(--q0)}
#tl .mark.selected{stroke:#111;stroke-width:2.5;stroke-dasharray:none}
#tl .mark:focus{outline:none;stroke:#111;stroke-width:2.5}
.detail{border:1px solid var(--line);border-left:4px solid var(--mute);border-radius:4px;
padding:8px 12px;margin:8px 0;background:var(--soft);min-height:44px}
.detail ol,.detail li{list-style:none;margin:0;padding:0}
.curve{width:100%;height:auto;display:block}
.curve .axis{stroke:#999}.curve .grid{stroke:var(--line)}
.curve text{font-size:11px;fill:var(--mute)}
.curve .gline{fill:none;stroke:#333;stroke-width:1.5}
.curve .gpos{fill:var(--q2)}.curve .gneg{fill:var(--q4)}
.curve .b1{fill:var(--q1)}.curve .b2{fill:var(--q2)}.curve .b3{fill:var(--q3)}
.curve .b4{fill:var(--q4)}.curve .hit{fill:transparent}.curve .hit:hover{fill:rgba(0,0,0,.06)}
ol.items{list-style:none;padding:0;margin:0}
li.item{border-left:4px solid var(--q0);padding:6px 12px;margin:0 0 10px;background:#fff}
li.item.q1{border-color:var(--q1)}li.item.q2{border-color:var(--q2)}
li.item.q3{border-color:var(--q3)}li.item.q4{border-color:var(--q4)}
li.item.fact{border-color:#7a6fb0}
li.item.claim{border-left-style:dashed}
/* a 1,000-event list: lay out only the entries near the screen (load time 0.6 s → 0.26 s) */
li.item{content-visibility:auto;contain-intrinsic-size:auto 110px}
ol.refs li{content-visibility:auto;contain-intrinsic-size:auto 40px}
li.item.selected{background:var(--hi)}
li.item:target{background:var(--hi)}
.head{margin:0;font-size:14px}
.head .type{font-weight:700;letter-spacing:.02em}
.when{font-weight:600;margin-right:6px}
.tag{display:inline-block;font-size:12px;color:var(--mute);border:1px solid var(--line);
border-radius:3px;padding:0 5px;margin-left:4px}
.status{display:inline-block;font-size:12px;font-weight:700;text-transform:uppercase;
color:#8a4b00;background:#ffe9c7;border:1px dashed #c77c00;border-radius:3px;padding:0 5px;
margin-left:6px}
.conflict{color:#a0001e;font-size:13px;margin-left:6px}
.who{margin:2px 0;font-size:14px}
blockquote{margin:6px 0 2px;padding:2px 0 2px 10px;border-left:2px solid var(--line);
font-style:italic}
sup.fn a{text-decoration:none;font-style:normal;font-size:11px;margin-left:1px}
ol.refs{padding-left:0;list-style:none;font-size:14px}
ol.refs li{margin:0 0 6px;padding-left:2.6em;text-indent:-2.6em}
ol.refs li:target{background:var(--hi)}
.refnum{display:inline-block;width:2.6em;text-indent:0;font-weight:600}
.empty{padding:16px;border:1px dashed var(--line);background:var(--soft);border-radius:4px}
@media print{
 nav.toc,.controls,.detail,.no-print{display:none!important}
 body{font-size:11pt}main{max-width:none;padding:0}
 li.item,ol.refs li,tr{break-inside:avoid}
 li.item,ol.refs li{content-visibility:visible}
 a{color:inherit;text-decoration:none}
 h2{break-after:avoid}
}
"""
