'use strict';
// The field unit's page: its orders from the hub (field/me, refreshed whenever the stream says something about
// the unit changed), and its answers through an outbox kept in localStorage, so that an action taken without a
// link is sent once, in order, when the link returns. Everything shown comes from the hub; the hub's clock rules.
// The hubs of one journal are one center: when the hub in use fails (no answer, a dead stream, a follower's 503),
// the page moves to the next one it knows (this page's own and the peers health names), the outbox unchanged, and
// each action keeps its Idempotency-Key, so the journal applies it once whichever hub takes it.
(function () {
  const API = '/api/v1';
  const STORE = { token: 'shanzhi.field.token', outbox: 'shanzhi.field.outbox', me: 'shanzhi.field.me', rung: 'shanzhi.field.rung',
    hubs: 'shanzhi.field.hubs' };
  const EXPIRED = '凭证已失效，请向指挥中心重新领取';
  const PEER_UNKNOWN = '备用服务器未登记本单兵的凭证：未发送的内容保留，待原服务器恢复后自动发送';
  const NOT_A_UNIT = '这不是单兵的登录凭证，请向指挥中心领取本单兵的凭证';
  const ORDER_STATE = { SENT: '已派', DELIVERED: '已送达', ACCEPTED: '已签收', EN_ROUTE: '在途', ON_SITE: '到场', WORKING: '处置中',
    REPORTED: '已反馈', DECLINED: '拒收', REASSIGNED: '改派', CANCELLED: '撤回', TIMED_OUT: '超时' };
  const UNIT_STATUS = { OFF: '不在岗', AVL: '在岗待命', PAT: '巡查中', ASG: '已派单', ACK: '已签收', ENR: '在途', ONS: '到场', WRK: '处置中',
    RPT: '反馈中', RET: '返回', UNA: '暂离' };
  const PRIORITY = { LOW: '一般', MEDIUM: '较急', HIGH: '紧急', CRITICAL: '特急' };
  const ISSUER = { CENTER: '街道指挥中心', DISTRICT: '区指挥中心' };
  const BY = { center: '指挥中心', district: '区指挥中心', hub: '系统' };
  const DECLINE_REASONS = ['不在责任区域', '正在处置其他事件', '人员或装备不足', '距离太远', '其他'];
  // what the unit may do next, by the state its order has (or will have once the outbox is sent)
  const TAKE = [['ACCEPTED', '签收', 'go'], ['DECLINED', '拒收', 'danger']];
  const NEXT = { SENT: TAKE, DELIVERED: TAKE, ACCEPTED: [['EN_ROUTE', '出发', 'primary']], EN_ROUTE: [['ON_SITE', '到场', 'primary']],
    ON_SITE: [['WORKING', '开始处置', 'primary']], WORKING: [['REPORTED', '反馈', 'go']] };
  const TERMINAL = ['REPORTED', 'DECLINED', 'REASSIGNED', 'CANCELLED', 'TIMED_OUT'];
  const SKEW_MS = 2 * 60 * 1000;
  const RECENT_MS = 2 * 60 * 60 * 1000; // ended orders stay on the page this long
  const PHOTO_EDGE = 1600;

  const $ = (id) => document.getElementById(id);
  const timeFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit',
    second: '2-digit', hourCycle: 'h23' });

  let token = localStorage.getItem(STORE.token);
  let me = load(STORE.me, null);          // the hub's last answer to field/me
  let outbox = load(STORE.outbox, []);    // actions not yet acknowledged by the hub, oldest first
  let rung = new Set(load(STORE.rung, [])); // orders already announced with the sound on this phone
  let clockOffset = me ? me.offset || 0 : 0; // the hub's time minus the phone's, in ms
  let socket = null, lastSeq = null, reconnectDelay = 1000, reconnectTimer = null;
  let sendingKey = null, sendTimer = null;
  let refreshing = null, refreshAgain = false, refreshTimer = null;
  const announced = new Set();            // orders that rang while this page was open: drawn highlighted
  const instructions = {};                // incidentId → {instruction id → 批示} of the unit's cases
  let hubs = [location.origin].concat(load(STORE.hubs, []).filter((h) => h !== location.origin));
  let hub = hubs[0];                      // the hub in use: its origin
  let roads = [], tapped = null;
  let here = null, sentHere = null;       // the phone's own position, and the last one sent

  // --- storage -------------------------------------------------------------------------------------

  function load(key, fallback) {
    try {
      const v = localStorage.getItem(key);
      return v ? JSON.parse(v) : fallback;
    } catch (e) {
      return fallback;
    }
  }

  function saveOutbox() {
    try {
      localStorage.setItem(STORE.outbox, JSON.stringify(outbox));
    } catch (e) { // photos waiting for a link can fill the phone's page storage
      notice('手机存储已满：未发送的内容只保存在本页面，请勿关闭或刷新页面，恢复连接后会自动发送', true);
    }
  }

  // --- which hub: this page's own, or a peer of the same journal -----------------------------------

  /** Adds the peers the hub in use names (health, no token needed) to the hubs this page knows. */
  async function learnHubs() {
    try {
      const r = await fetch(hub + API + '/health', { cache: 'no-store' });
      const peers = (await r.json()).peerHubs || [];
      const known = hubs.concat(peers.filter((h) => !hubs.includes(h)));
      if (known.length !== hubs.length) {
        hubs = known;
        localStorage.setItem(STORE.hubs, JSON.stringify(hubs.slice(1)));
      }
    } catch (e) { /* no answer: the list stays as it was */ }
  }

  /** The hub at {@code failed} did not serve: the next one known is tried from now on (once per failure). */
  function moveFrom(failed) {
    if (failed !== hub || hubs.length < 2) {
      return;
    }
    hub = hubs[(hubs.indexOf(hub) + 1) % hubs.length];
    if (socket) {
      socket.moved = true;
      socket.close();
    }
    learnHubs();
  }

  // --- talking to the hub --------------------------------------------------------------------------

  /** One request; resolves to {status, json}, rejects when there is no link (or no answer in 20 s). */
  async function api(method, path, body, headers) {
    const h = Object.assign({ Authorization: 'Bearer ' + token }, headers || {});
    let payload;
    if (body instanceof Blob) {
      payload = body;
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      h['Content-Type'] = 'application/json';
    }
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), 20000);
    const at = hub;
    try {
      const r = await fetch(at + API + path, { method, headers: h, body: payload, signal: abort.signal, cache: 'no-store' });
      const text = await r.text();
      let json = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch (e) { /* not JSON: keep the status */ }
      if (r.status === 503 && json && json.field === 'hub') { // a follower: another hub writes
        moveFrom(at);
      }
      if (r.status === 401 && at !== location.origin) { // a unit's credential is known where it was issued:
        moveFrom(at); // a peer's 401 says only that it was not issued there, so the page keeps it and waits
        return { status: 503, json: { message: PEER_UNKNOWN }, hub: at };
      }
      return { status: r.status, json, hub: at };
    } catch (e) {
      moveFrom(at);
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  function hubMessage(r) {
    return r.json && r.json.message ? r.json.message : '错误 ' + r.status;
  }

  /** Reads field/me; true when the hub answered it. */
  async function refresh() {
    if (!token) {
      return false;
    }
    let r;
    try {
      r = await api('GET', '/field/me');
    } catch (e) { // no link: try again soon, as the stream may stay up and say nothing more
      setLink(false);
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(refreshSoon, 3000);
      return false;
    }
    if (r.status === 401) {
      expire();
      return false;
    }
    if (r.status === 403) { // a seat's token, or the shared field-unit one: no unit's own
      expire(NOT_A_UNIT);
      return false;
    }
    if (r.status !== 200 || !r.json) {
      notice('读取指令失败：' + hubMessage(r), true);
      return false;
    }
    me = r.json;
    clockOffset = Date.parse(me.hubTime) - Date.now();
    me.offset = clockOffset;
    try {
      localStorage.setItem(STORE.me, JSON.stringify(me));
    } catch (e) { /* only the offline copy is lost */ }
    receive();
    render();
    reportHere(); // a position found before the unit was known
    loadInstructions();
    return true;
  }

  /** One refresh at a time; a request for another while one runs makes one more after it. */
  function refreshSoon() {
    if (refreshing) {
      refreshAgain = true;
      return refreshing;
    }
    refreshing = refresh().finally(() => {
      refreshing = null;
      if (refreshAgain) {
        refreshAgain = false;
        refreshSoon();
      }
    });
    return refreshing;
  }

  /** New orders ring once and are acknowledged to the hub as delivered at once. */
  function receive() {
    for (const o of me.orders) {
      if (o.state === 'SENT' && !outbox.some((i) => i.orderId === o.id)) {
        enqueue({ label: '已送达', orderId: o.id, path: '/orders/' + o.id + '/advance', body: { state: 'DELIVERED' }, quiet: true });
      }
      if ((o.state === 'SENT' || o.state === 'DELIVERED') && !rung.has(o.id)) {
        rung.add(o.id);
        announced.add(o.id);
        ring();
      }
    }
    localStorage.setItem(STORE.rung, JSON.stringify([...rung].slice(-200)));
  }

  /** The 批示 on the cases of the orders shown, read once per case; the stream brings the ones after. */
  async function loadInstructions() {
    for (const o of visibleOrders()) {
      if (instructions[o.incidentId]) {
        continue;
      }
      instructions[o.incidentId] = {};
      try {
        const r = await api('GET', '/instructions?limit=50&incidentId=' + encodeURIComponent(o.incidentId));
        if (r.status !== 200) {
          throw new Error(r.status);
        }
        for (const i of r.json.items) {
          instructions[o.incidentId][i.id] = i;
        }
        render();
      } catch (e) {
        delete instructions[o.incidentId]; // read again after the next change
      }
    }
  }

  function ring() {
    const alarm = $('alarm');
    alarm.currentTime = 0;
    alarm.play().catch(() => notice('新指令到达！（点一下屏幕可开启提示音）', false));
    if (navigator.vibrate) {
      navigator.vibrate([400, 150, 400]);
    }
  }

  // --- the stream: the hub says when something about this unit changed ------------------------------

  function connect() {
    clearTimeout(reconnectTimer);
    if (!token || socket) {
      return;
    }
    const query = '?batch=true&token=' + encodeURIComponent(token) + (lastSeq !== null ? '&since=' + lastSeq : '');
    const ws = new WebSocket(hub.replace(/^http/, 'ws') + API + '/stream' + query);
    ws.hub = hub;
    socket = ws;
    ws.onopen = () => {
      reconnectDelay = 1000;
      setLink(true);
      refreshSoon(); // what happened before the stream opened
      flush();
    };
    ws.onmessage = (m) => {
      let frames;
      try {
        frames = JSON.parse(m.data);
      } catch (e) {
        return;
      }
      (Array.isArray(frames) ? frames : [frames]).forEach(onFrame);
    };
    ws.onclose = (e) => {
      socket = null;
      setLink(false);
      if (!ws.moved && token) { // the stream died (or never opened), not closed by the page: its hub is not serving
        moveFrom(ws.hub);
      }
      if (e.reason && e.reason.startsWith('beyond_head')) {
        lastSeq = null; // another journal: start from its head
      }
      if (!token) {
        return;
      }
      refreshSoon().then(() => { // an answer of 401 here means the credential went: no reconnect then
        if (token) {
          reconnectTimer = setTimeout(connect, reconnectDelay);
          reconnectDelay = Math.min(reconnectDelay * 2, 15000);
        }
      });
    };
  }

  function onFrame(f) {
    lastSeq = f.seq;
    const p = f.payload || {};
    if (f.type === 'UnitMoved') {
      if (me && me.unit && p.unitId === me.unit.id) {
        me.unit.at = p.at;
        drawMap();
      }
      return;
    }
    if (f.type === 'InstructionIssued') {
      if (p.incidentId && instructions[p.incidentId]) {
        instructions[p.incidentId][p.instructionId] = { issuer: p.issuer, text: p.text, at: f.time };
        render();
      }
      return;
    }
    refreshSoon();
  }

  function setLink(on) {
    const link = $('link');
    link.className = on ? 'on' : 'off';
    link.textContent = on ? (outbox.length ? '发送中' : '在线') : '未连接';
  }

  function expire(why) {
    token = null;
    localStorage.removeItem(STORE.token);
    if (socket) {
      socket.close();
    }
    showLogin(why || EXPIRED);
  }

  // --- the outbox: each action once, in order ------------------------------------------------------

  /** A key made when the unit taps, kept with the action until the hub has it (crypto.randomUUID needs https). */
  function newKey() {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return 'field-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  function enqueue(item) {
    item.key = newKey();
    if (item.position) { // only the newest position is worth sending: drop older ones not on their way yet
      outbox = outbox.filter((i) => !i.position || i.key === sendingKey);
    }
    outbox.push(item);
    saveOutbox();
    render();
    flush();
  }

  async function flush() {
    if (sendingKey || !token) {
      return;
    }
    clearTimeout(sendTimer);
    while (outbox.length && token) {
      const item = outbox[0];
      sendingKey = item.key;
      const outcome = await send(item);
      sendingKey = null;
      if (outcome === 'wait') {
        sendTimer = setTimeout(flush, 3000);
        break;
      }
      if (outcome === 'expired') {
        break;
      }
      if (outcome === 'refused') {
        refreshSoon(); // the hub's state is not what the unit thought
      }
      outbox.shift(); // sent, or refused by the hub: either way it leaves the outbox
      saveOutbox();
      render();
    }
    setLink(socket !== null && socket.readyState === WebSocket.OPEN);
  }

  /** 'sent', 'refused' (a 4xx: shown, dropped), 'wait' (no link, or the hub failed: try again) or 'expired'. */
  async function send(item) {
    let r;
    try {
      for (const photo of item.photos || []) { // a photo is kept by the hub it was sent to: sent again after a move
        if (photo.refused || photo.id && (photo.hub === hub || !photo.data)) {
          continue;
        }
        r = await api('POST', '/photos', blobOf(photo.data), { 'Content-Type': 'image/jpeg' });
        if (r.status === 401) {
          expire();
          return 'expired';
        }
        if (r.status === 201 && r.json && r.json.id) {
          photo.id = r.json.id;
          photo.hub = r.hub;
        } else if (r.status >= 400 && r.status < 500) { // the note goes on without this photo
          photo.refused = true;
          delete photo.data;
          notice('照片未被接受：' + hubMessage(r), true);
        } else {
          return 'wait';
        }
        saveOutbox();
      }
      const body = Object.assign({}, item.body);
      const ids = (item.photos || []).filter((p) => p.id).map((p) => p.id);
      if (ids.length) {
        body.photos = ids;
      }
      if ((item.photos || []).some((p) => p.id && p.hub !== hub && p.data)) {
        return 'wait'; // the hub moved while the photos went: they go again to the one in use
      }
      r = await api('POST', item.path, body, { 'Idempotency-Key': item.key });
    } catch (e) {
      setLink(false);
      return 'wait';
    }
    if (r.status < 300 || (r.status === 409 && r.json && r.json.error === 'duplicate')) {
      return 'sent'; // a duplicate: the hub had it already, from an earlier try whose answer was lost
    }
    if (r.status === 401) {
      expire();
      return 'expired';
    }
    if (r.status >= 400 && r.status < 500 && r.status !== 408 && r.status !== 429) {
      if (!item.quiet) {
        notice('「' + item.label + '」未被指挥中心接受：' + hubMessage(r), true);
      }
      return 'refused';
    }
    return 'wait';
  }

  function blobOf(dataUrl) {
    const bin = atob(dataUrl.slice(dataUrl.indexOf(',') + 1));
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) {
      bytes[i] = bin.charCodeAt(i);
    }
    return new Blob([bytes], { type: 'image/jpeg' });
  }

  function advance(order, state, label, extra) {
    enqueue(Object.assign({ label, orderId: order.id, path: '/orders/' + order.id + '/advance',
      body: Object.assign({ state }, extra || {}) }));
  }

  /** The order's state once what waits in the outbox for it is sent. */
  function stateAfterOutbox(order) {
    let s = order.state;
    for (const i of outbox) {
      if (i.orderId === order.id && !i.quiet) {
        s = i.body.state;
      }
    }
    return s;
  }

  // --- drawing -------------------------------------------------------------------------------------

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) {
      e.className = cls;
    }
    if (text !== undefined) {
      e.textContent = text; // hub texts are never parsed as HTML
    }
    return e;
  }

  function fmt(iso) {
    return iso ? timeFormat.format(new Date(iso)) : '';
  }

  function hubNow() {
    return Date.now() + clockOffset;
  }

  function visibleOrders() {
    if (!me) {
      return [];
    }
    const now = hubNow();
    return me.orders
      .filter((o) => !TERMINAL.includes(o.state) || now - Date.parse(o.updatedAt) < RECENT_MS)
      .sort((a, b) => Number(TERMINAL.includes(a.state)) - Number(TERMINAL.includes(b.state))
        || Date.parse(b.issuedAt) - Date.parse(a.issuedAt));
  }

  function render() {
    const pending = outbox.filter((i) => !i.quiet);
    $('outbox').hidden = pending.length === 0;
    $('outbox').textContent = '未发送 ' + pending.length + ' 条 · 恢复连接后自动发送';
    setLink(socket !== null && socket.readyState === WebSocket.OPEN);
    if (!me) {
      return;
    }
    tick();
    const u = me.unit;
    $('who').textContent = u.name + ' · ' + (UNIT_STATUS[u.status] || u.status);
    const list = $('orders');
    list.textContent = '';
    const orders = visibleOrders();
    $('no-orders').hidden = orders.length > 0;
    orders.forEach((o) => list.appendChild(card(o)));
    drawMap();
  }

  function card(o) {
    const c = o.case || {};
    const state = stateAfterOutbox(o);
    const box = el('div', 'order' + (announced.has(o.id) && (state === 'SENT' || state === 'DELIVERED') ? ' new' : ''));
    box.dataset.order = o.id;
    box.dataset.state = o.state;
    const title = el('div', 'title');
    title.appendChild(el('span', 'prio-' + o.priority, '【' + (PRIORITY[o.priority] || o.priority) + '】'));
    title.appendChild(document.createTextNode(c.title || o.incidentId));
    box.appendChild(title);
    box.appendChild(el('div', 'meta', [c.category, o.incidentId, (ISSUER[o.issuer] || o.issuer) + ' ' + fmt(o.issuedAt) + ' 下达']
      .filter(Boolean).join(' · ')));
    box.appendChild(el('div', 'task', '任务：' + o.task));
    box.appendChild(el('span', 'state', ORDER_STATE[o.state] || o.state));
    if (o.override) {
      box.appendChild(el('div', 'meta', '领导指定派遣'));
    }
    for (const i of outbox) {
      if (i.orderId === o.id && !i.quiet) {
        box.appendChild(el('span', 'pending', i.label + ' · 未发送'));
      }
    }
    for (const i of Object.values(instructions[o.incidentId] || {})) {
      box.appendChild(el('div', 'instruction', (ISSUER[i.issuer] || '') + '批示：' + i.text));
    }
    for (const [to, label, style] of NEXT[state] || []) {
      const b = el('button', 'big ' + style, label);
      b.dataset.action = to;
      b.onclick = () => act(o, to, label);
      box.appendChild(b);
    }
    const steps = el('ol');
    for (const s of o.steps || []) {
      const who = me.unit && s.by === me.unit.id ? '本人' : BY[s.by] || s.by;
      steps.appendChild(el('li', null, fmt(s.at) + ' ' + (ORDER_STATE[s.state] || s.state) + '（' + who + '）'));
    }
    box.appendChild(steps);
    return box;
  }

  function act(order, to, label) {
    if (to === 'DECLINED') {
      openDecline(order);
    } else if (to === 'REPORTED') {
      openReport(order);
    } else {
      advance(order, to, label);
    }
  }

  // --- the map: roads, the unit, its cases; a tap sets the unit's position --------------------------

  function drawMap() {
    const canvas = $('map');
    const w = canvas.clientWidth, h = canvas.clientHeight;
    if (!w || !h) {
      return;
    }
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(w * ratio);
    canvas.height = Math.round(h * ratio);
    const g = canvas.getContext('2d');
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, w, h);
    const view = mapView(w, h);
    canvas.view = view;
    g.lineCap = 'round';
    g.lineJoin = 'round';
    for (const r of roads) {
      g.strokeStyle = r.major ? '#555' : '#999';
      g.lineWidth = r.major ? 4 : 2;
      g.beginPath();
      r.points.forEach(([lon, lat], i) => {
        const [x, y] = view.xy(lon, lat);
        if (i === 0) {
          g.moveTo(x, y);
        } else {
          g.lineTo(x, y);
        }
      });
      g.stroke();
    }
    g.font = '13px sans-serif';
    g.fillStyle = '#333';
    for (const r of roads) { // a road's name at its point nearest the middle of the map
      if (r.name && r.kind !== 'lane') {
        const near = r.points.map(([lon, lat]) => view.xy(lon, lat)).filter(([x, y]) => x >= 0 && x < w && y >= 0 && y < h)
          .sort((a, b) => Math.hypot(a[0] - w / 2, a[1] - h / 2) - Math.hypot(b[0] - w / 2, b[1] - h / 2))[0];
        if (near) {
          g.fillText(r.name, near[0] + 3, near[1] - 4);
        }
      }
    }
    visibleOrders().filter((o) => !TERMINAL.includes(o.state) && o.case && o.case.at).forEach((o) => {
      const [x, y] = view.xy(o.case.at.lon, o.case.at.lat);
      dot(g, x, y, 11, '#b00000', '#fff');
      g.fillStyle = '#b00000';
      g.font = 'bold 15px sans-serif';
      g.fillText('案', x + 13, y + 5);
    });
    if (me && me.unit && me.unit.at) {
      const [x, y] = view.xy(me.unit.at.lon, me.unit.at.lat);
      dot(g, x, y, 9, '#0047b3', '#fff');
      g.fillStyle = '#0047b3';
      g.font = 'bold 15px sans-serif';
      g.fillText('我', x + 12, y + 5);
    }
    if (tapped) {
      const [x, y] = view.xy(tapped.lon, tapped.lat);
      g.strokeStyle = '#0047b3';
      g.lineWidth = 3;
      g.beginPath();
      g.arc(x, y, 14, 0, 2 * Math.PI);
      g.stroke();
    }
  }

  function dot(g, x, y, r, fill, edge) {
    g.beginPath();
    g.arc(x, y, r, 0, 2 * Math.PI);
    g.fillStyle = fill;
    g.fill();
    g.lineWidth = 3;
    g.strokeStyle = edge;
    g.stroke();
  }

  /** Fits the unit and its open cases (or, without one, all the roads) into w × h, north up, metres equal both ways. */
  function mapView(w, h) {
    const pts = visibleOrders().filter((o) => !TERMINAL.includes(o.state) && o.case && o.case.at)
      .map((o) => [o.case.at.lon, o.case.at.lat]);
    if (pts.length && me.unit && me.unit.at) {
      pts.push([me.unit.at.lon, me.unit.at.lat]);
    }
    const span = pts.length ? 0.008 : 0.002; // about 700 m round a case: the streets near it readable
    if (!pts.length) {
      roads.forEach((r) => pts.push(...r.points));
    }
    if (!pts.length) {
      pts.push(me && me.unit && me.unit.at ? [me.unit.at.lon, me.unit.at.lat] : [116.39, 39.82]);
    }
    let [w0, s0, e0, n0] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [lon, lat] of pts) {
      w0 = Math.min(w0, lon); e0 = Math.max(e0, lon); s0 = Math.min(s0, lat); n0 = Math.max(n0, lat);
    }
    const k = Math.cos((s0 + n0) / 2 * Math.PI / 180);
    const spanX = Math.max((e0 - w0) * k, span), spanY = Math.max(n0 - s0, span);
    const scale = Math.min((w - 30) / spanX, (h - 30) / spanY);
    const cx = (w0 + e0) / 2, cy = (s0 + n0) / 2;
    return {
      xy: (lon, lat) => [w / 2 + (lon - cx) * k * scale, h / 2 - (lat - cy) * scale],
      lonLat: (x, y) => ({ lon: cx + (x - w / 2) / (k * scale), lat: cy - (y - h / 2) / scale }),
    };
  }

  async function loadRoads() {
    try {
      const r = await fetch('/field/roads.geojson');
      const geo = await r.json();
      for (const f of geo.features || []) {
        const lines = f.geometry.type === 'LineString' ? [f.geometry.coordinates]
          : f.geometry.type === 'MultiLineString' ? f.geometry.coordinates : [];
        const kind = (f.properties || {}).kind;
        lines.forEach((points) => roads.push({ name: (f.properties || {}).name, kind, points,
          major: kind === 'expressway' || kind === 'arterial' }));
      }
    } catch (e) { /* no roads offline: the dots are still drawn */ }
    drawMap();
  }

  $('map').addEventListener('click', (e) => {
    const canvas = $('map');
    if (!canvas.view) {
      return;
    }
    const box = canvas.getBoundingClientRect();
    tapped = canvas.view.lonLat(e.clientX - box.left, e.clientY - box.top);
    $('here').hidden = false;
    drawMap();
  });

  $('here').onclick = () => {
    if (tapped && me) {
      sendPosition(tapped);
      tapped = null;
      $('here').hidden = true;
      drawMap();
    }
  };

  function sendPosition(at) {
    const p = { lon: Math.round(at.lon * 1e6) / 1e6, lat: Math.round(at.lat * 1e6) / 1e6 };
    enqueue({ label: '位置', position: true, path: '/units/' + me.unit.id + '/position', body: { at: p } });
  }

  /** The phone's own position where the browser gives it (https or localhost only), at most once a minute or every 30 m. */
  function watchPosition() {
    if (!navigator.geolocation || !window.isSecureContext) {
      $('map-help').textContent = '无法自动定位：点地图选择您的位置，再点“上报我在这里”';
      return;
    }
    $('map-help').textContent = '位置自动上报中；也可点地图手动上报';
    navigator.geolocation.watchPosition((pos) => {
      here = { lon: pos.coords.longitude, lat: pos.coords.latitude };
      reportHere();
    }, () => {
      $('map-help').textContent = '无法自动定位：点地图选择您的位置，再点“上报我在这里”';
    }, { enableHighAccuracy: true, maximumAge: 30000, timeout: 30000 });
  }

  /** Sends the phone's position when it is new: a minute on, or 30 m away from the last one sent. */
  function reportHere() {
    const now = Date.now();
    if (here && me && (!sentHere || now - sentHere.time > 60000 || metres(sentHere.at, here) > 30)) {
      sentHere = { at: here, time: now };
      sendPosition(here);
    }
  }

  function metres(a, b) {
    const k = Math.cos(a.lat * Math.PI / 180);
    return Math.hypot((a.lon - b.lon) * k, a.lat - b.lat) * 111320;
  }

  // --- decline and report --------------------------------------------------------------------------

  let dialogOrder = null, declineReason = null, reportPhotos = [];

  function openDecline(order) {
    dialogOrder = order;
    declineReason = null;
    $('decline-text').value = '';
    const list = $('decline-reasons');
    list.textContent = '';
    for (const reason of DECLINE_REASONS) {
      const b = el('button', null, reason);
      b.onclick = () => {
        declineReason = reason;
        list.querySelectorAll('button').forEach((x) => x.classList.toggle('chosen', x === b));
      };
      list.appendChild(b);
    }
    $('decline').showModal();
  }

  $('decline-cancel').onclick = () => $('decline').close();
  $('decline-go').onclick = () => {
    const text = $('decline-text').value.trim();
    if (!declineReason && !text) {
      return;
    }
    const reason = !declineReason || declineReason === '其他' ? text || '其他' : declineReason + (text ? '：' + text : '');
    advance(dialogOrder, 'DECLINED', '拒收', { reason });
    $('decline').close();
  };

  function openReport(order) {
    dialogOrder = order;
    reportPhotos = [];
    $('report-note').value = '';
    $('report-photos').value = '';
    $('report-thumbs').textContent = '';
    $('report-error').hidden = true;
    $('report').showModal();
  }

  $('report-photos').onchange = async (e) => {
    for (const file of e.target.files) {
      try {
        const data = await resized(file);
        reportPhotos.push(data);
        const img = el('img');
        img.src = data;
        $('report-thumbs').appendChild(img);
      } catch (err) {
        $('report-error').textContent = '无法读取照片：' + file.name;
        $('report-error').hidden = false;
      }
    }
    e.target.value = '';
  };

  /** The photo scaled on the phone to at most 1600 px on its longer side, as JPEG: a slow link carries it. */
  function resized(file) {
    return new Promise((resolve, reject) => {
      const url = URL.createObjectURL(file);
      const img = new Image();
      img.onload = () => {
        const s = Math.min(1, PHOTO_EDGE / Math.max(img.naturalWidth, img.naturalHeight));
        const c = document.createElement('canvas');
        c.width = Math.max(1, Math.round(img.naturalWidth * s));
        c.height = Math.max(1, Math.round(img.naturalHeight * s));
        c.getContext('2d').drawImage(img, 0, 0, c.width, c.height);
        URL.revokeObjectURL(url);
        resolve(c.toDataURL('image/jpeg', 0.8));
      };
      img.onerror = () => {
        URL.revokeObjectURL(url);
        reject(new Error('not an image'));
      };
      img.src = url;
    });
  }

  $('report-cancel').onclick = () => $('report').close();
  $('report-go').onclick = () => {
    const note = $('report-note').value.trim();
    if (!note && !reportPhotos.length) {
      $('report-error').textContent = '请填写处置结果或添加照片';
      $('report-error').hidden = false;
      return;
    }
    enqueue({ label: '反馈', orderId: dialogOrder.id, path: '/orders/' + dialogOrder.id + '/advance',
      body: note ? { state: 'REPORTED', note } : { state: 'REPORTED' }, photos: reportPhotos.map((data) => ({ data })) });
    $('report').close();
  };

  // --- notices, the clock, login -------------------------------------------------------------------

  function notice(text, bad) {
    const n = $('notice');
    n.textContent = text;
    n.className = 'banner' + (bad ? ' bad' : ' warn');
    n.hidden = false;
  }

  $('notice').onclick = () => {
    $('notice').hidden = true;
  };

  function tick() {
    $('hub-time').textContent = me ? timeFormat.format(new Date(hubNow())) : '--:--:--';
    const skew = $('skew');
    skew.hidden = !me || Math.abs(clockOffset) <= SKEW_MS;
    if (!skew.hidden) {
      // beyond a day it is no phone's error but a hub on another clock (a drill, a demonstration day)
      const minutes = Math.round(Math.abs(clockOffset) / 60000);
      skew.textContent = minutes < 24 * 60
        ? '手机时间与指挥中心相差约 ' + minutes + ' 分钟，以上方指挥中心时间为准'
        : '指挥中心按 ' + new Date(hubNow()).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' })
          + ' 的时钟运行，以上方指挥中心时间为准';
    }
  }

  function showLogin(error) {
    $('main').hidden = true;
    $('login').hidden = false;
    $('login-error').hidden = !error;
    $('login-error').textContent = error || '';
    $('who').textContent = '善治 · 单兵';
    setLink(false);
  }

  function start() {
    learnHubs();
    $('login').hidden = true;
    $('main').hidden = false;
    render();
    connect();
    flush();
  }

  $('login-go').onclick = () => {
    const value = $('token').value.trim();
    if (!value) {
      return;
    }
    token = value;
    localStorage.setItem(STORE.token, token);
    $('token').value = '';
    me = null; // what another unit saw on this phone is not this one's
    lastSeq = null;
    localStorage.removeItem(STORE.me);
    start();
  };

  $('logout').onclick = () => {
    const pending = outbox.filter((i) => !i.quiet).length;
    if (pending && !confirm('还有 ' + pending + ' 条未发送，退出将丢弃它们。确定退出？')) {
      return;
    }
    token = null;
    me = null;
    outbox = [];
    lastSeq = null;
    [STORE.token, STORE.outbox, STORE.me].forEach((k) => localStorage.removeItem(k));
    if (socket) {
      socket.close();
    }
    showLogin(null);
  };

  /** Browsers play a sound only on a page the user has touched: the first tap primes it, silently. */
  document.addEventListener('click', () => {
    const alarm = $('alarm');
    alarm.muted = true;
    alarm.play().then(() => {
      alarm.pause();
      alarm.muted = false;
    }).catch(() => {
      alarm.muted = false;
    });
  }, { once: true });

  window.addEventListener('online', () => {
    connect();
    flush();
  });
  window.addEventListener('resize', drawMap);

  setInterval(tick, 1000);
  loadRoads();
  watchPosition();
  if (token) {
    start();
  } else {
    showLogin(null);
  }
})();
