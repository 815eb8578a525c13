"""The report's one inline script: the interactive timeline (no framework, no fetch).

It reads the marks from ``<script type="application/json" id="dyad-timeline">``
(``[id, x0, x1, quad, claim, label]`` with x in decimal years) and draws them
into ``<svg id="tl">``: wheel or buttons zoom, dragging pans, the quad-class
and "asserted only" boxes filter both the marks and the event list, and a
click (or Enter) on a mark shows that event's evidence in the panel below,
copied from its entry in the list.
"""

from __future__ import annotations

JS = r"""
(function () {
  'use strict';
  var NS = 'http://www.w3.org/2000/svg';
  var src = document.getElementById('dyad-timeline');
  var svg = document.getElementById('tl');
  if (!src || !svg) { return; }
  var data = JSON.parse(src.textContent);
  var marks = data.marks;
  var W = 1000, LANE = 34, TOP = 6, AXIS = 22, LEFT = 112, RIGHT = 12, R = 5.5;
  var NAMES = {1: 'verbal coop.', 2: 'material coop.', 3: 'verbal conflict',
               4: 'material conflict', 0: 'unclassified'};
  var lanes = [1, 2, 3, 4].concat(marks.some(function (m) { return m[3] === 0; }) ? [0] : []);
  var H = TOP + lanes.length * LANE + AXIS;
  svg.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
  var full = data.domain.slice();
  var view = full.slice();
  var hidden = {};
  var assertedOnly = false;
  var selected = null;
  var detail = document.getElementById('tl-detail');

  function el(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    for (var k in attrs) { node.setAttribute(k, attrs[k]); }
    if (parent) { parent.appendChild(node); }
    return node;
  }
  function px(t) { return LEFT + (t - view[0]) / (view[1] - view[0]) * (W - LEFT - RIGHT); }
  function time(x) { return view[0] + (x - LEFT) / (W - LEFT - RIGHT) * (view[1] - view[0]); }
  function shown(m) { return !hidden[m[3]] && !(assertedOnly && m[4]); }
  function tickStep(span) {
    var steps = [1 / 12, 0.25, 1, 2, 5, 10, 20, 25, 50, 100, 200, 500];
    for (var i = 0; i < steps.length; i++) { if (span / steps[i] <= 12) { return steps[i]; } }
    return 1000;
  }
  function tickLabel(t, step) {
    var y = Math.floor(t + 1e-9);
    if (step >= 1) { return String(y); }
    var months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov',
                  'Dec'];
    var m = Math.round((t - y) * 12);
    if (m >= 12) { return String(y + 1); }
    return m === 0 ? String(y) : months[m] + (step < 0.25 ? '' : ' ' + y);
  }

  function draw() {
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    lanes.forEach(function (q, i) {
      el('rect', {x: 0, y: TOP + i * LANE, width: W, height: LANE,
                  'class': 'lane' + (i % 2 ? ' odd' : '')}, svg);
      var name = el('text', {x: 6, y: TOP + i * LANE + LANE / 2 + 4, 'class': 'lane-name'}, svg);
      name.textContent = NAMES[q];
    });
    var step = tickStep(view[1] - view[0]);
    var axisY = TOP + lanes.length * LANE;
    for (var t = Math.ceil(view[0] / step) * step; t <= view[1]; t += step) {
      var x = px(t);
      if (x < LEFT) { continue; }
      el('line', {x1: x, x2: x, y1: TOP, y2: axisY + 4, 'class': 'tick'}, svg);
      el('text', {x: x, y: axisY + 16, 'class': 'tick-label'}, svg).textContent =
        tickLabel(t, step);
    }
    var rows = {};
    marks.forEach(function (m) {
      if (!shown(m)) { return; }
      var single = m[2] - m[1] <= 1.01;
      var at = single ? (m[1] + m[2]) / 2 : m[1];
      var x = px(at);
      if (x < LEFT - R || x > W - RIGHT + R) { return; }
      var lane = lanes.indexOf(m[3]);
      // up to three rows per lane, so marks close in time sit side by side
      var ends = rows[lane] || (rows[lane] = [-1e9, -1e9, -1e9]);
      var row = 0;
      while (row < 3 && ends[row] > x - 2 * R) { row++; }
      if (row === 3) { row = ends.indexOf(Math.min.apply(null, ends)); }
      ends[row] = x;
      var y = TOP + lane * LANE + 8 + row * 9;
      var q = 'q' + m[3];
      if (!single) {
        el('line', {x1: x, x2: Math.min(px(m[2]), W - RIGHT), y1: y, y2: y,
                    'class': 'span ' + q}, svg);
      }
      var c = el('circle', {cx: x, cy: y, r: R, tabindex: 0, 'data-id': m[0],
                            'class': 'mark ' + q + (m[4] ? ' claim' : '') +
                                     (m[0] === selected ? ' selected' : '')}, svg);
      el('title', {}, c).textContent = m[5];
    });
  }

  function select(id) {
    var item = document.getElementById('ev-' + id);
    if (!item) { return; }
    var old = document.querySelector('li.item.selected');
    if (old) { old.classList.remove('selected'); }
    item.classList.add('selected');
    selected = id;
    svg.querySelectorAll('.mark.selected').forEach(function (n) {
      n.classList.remove('selected');
    });
    var mark = svg.querySelector('.mark[data-id="' + id + '"]');
    if (mark) { mark.classList.add('selected'); }
    if (detail) {
      while (detail.firstChild) { detail.removeChild(detail.firstChild); }
      var copy = item.cloneNode(true);
      copy.removeAttribute('id');
      copy.classList.remove('selected');
      var list = document.createElement('ol');
      list.className = 'items';
      list.appendChild(copy);
      detail.appendChild(list);
      var jump = document.createElement('a');
      jump.href = '#ev-' + id;
      jump.className = 'jump';
      jump.textContent = 'Show in the event list';
      detail.appendChild(jump);
    }
  }

  function zoom(factor, at) {
    var span = view[1] - view[0];
    var fullSpan = full[1] - full[0];
    var next = Math.min(Math.max(span * factor, 1 / 12), fullSpan);
    var t = at === undefined ? (view[0] + view[1]) / 2 : at;
    var lo = t - (t - view[0]) / span * next;
    lo = Math.min(Math.max(lo, full[0]), full[1] - next);
    view = [lo, lo + next];
    draw();
  }
  function svgX(evt) {
    var box = svg.getBoundingClientRect();
    return (evt.clientX - box.left) / box.width * W;
  }

  svg.addEventListener('wheel', function (evt) {
    evt.preventDefault();
    zoom(evt.deltaY > 0 ? 1.25 : 0.8, time(svgX(evt)));
  }, {passive: false});
  var drag = null;
  svg.addEventListener('pointerdown', function (evt) {
    drag = {x: svgX(evt), view: view.slice(), moved: false};
  });
  svg.addEventListener('pointermove', function (evt) {
    if (!drag) { return; }
    var dx = svgX(evt) - drag.x;
    if (Math.abs(dx) > 3) { drag.moved = true; }
    if (!drag.moved) { return; }
    var dt = dx / (W - LEFT - RIGHT) * (drag.view[1] - drag.view[0]);
    var span = drag.view[1] - drag.view[0];
    var lo = Math.min(Math.max(drag.view[0] - dt, full[0]), full[1] - span);
    view = [lo, lo + span];
    draw();
  });
  window.addEventListener('pointerup', function () {
    if (drag && drag.moved) { svg.dataset.dragged = '1'; }
    drag = null;
  });
  svg.addEventListener('click', function (evt) {
    if (svg.dataset.dragged) { delete svg.dataset.dragged; return; }
    var mark = evt.target.closest ? evt.target.closest('.mark') : null;
    if (mark) { select(mark.getAttribute('data-id')); }
  });
  svg.addEventListener('keydown', function (evt) {
    if ((evt.key === 'Enter' || evt.key === ' ') && evt.target.classList.contains('mark')) {
      evt.preventDefault();
      select(evt.target.getAttribute('data-id'));
    }
  });

  function filterList() {
    document.querySelectorAll('#event-list > li.item').forEach(function (li) {
      var q = Number(li.getAttribute('data-q'));
      li.hidden = !!hidden[q] || (assertedOnly && li.classList.contains('claim'));
    });
  }
  document.querySelectorAll('input[data-quad]').forEach(function (box) {
    box.addEventListener('change', function () {
      hidden[Number(box.getAttribute('data-quad'))] = !box.checked;
      draw();
      filterList();
    });
  });
  var only = document.getElementById('tl-asserted');
  if (only) {
    only.addEventListener('change', function () {
      assertedOnly = only.checked;
      draw();
      filterList();
    });
  }
  var buttons = {'tl-in': function () { zoom(0.5); }, 'tl-out': function () { zoom(2); },
                 'tl-reset': function () { view = full.slice(); draw(); }};
  Object.keys(buttons).forEach(function (id) {
    var b = document.getElementById(id);
    if (b) { b.addEventListener('click', buttons[id]); }
  });
  draw();
})();
"""
