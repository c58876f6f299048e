// Shared by every browser view: the WebSocket, the laptop's time of day, the local countdown, OFFLINE.
//
// The laptop sends a snapshot on every change and about once a second. Between snapshots the view
// counts down by itself from the snapshot's remaining time, by monotonic time only, so a phone shows
// the same second as the stage display whatever its own clock says. When the snapshots stop, the view
// says OFFLINE, greys out, and freezes: a stale countdown never looks live.
"use strict";

const ROS = (() => {
  const query = new URLSearchParams(location.search);
  const token = query.get("token") || "";
  const STALE_MS = 4000; // no snapshot for this long: the link is dead even if the socket says open
  const MAX_BACKOFF_MS = 15000;
  const SAMPLES = 8; // snapshots the time-of-day estimate chooses from (NTP keeps 8 too)
  const JUMP_S = 1; // a sample this far from the best one means a clock moved: start afresh

  let state = null;
  let render = null;
  // The large parts of the state (the rundown, the runs), kept between pushes: the laptop sends each one
  // with its version only when it changed; every state names the versions it goes with.
  let wanted = []; // the parts this view draws, asked for when connecting
  const parts = {}; // name -> {version, data}
  let socket = null;
  let conn = "connecting"; // connecting | live | offline | auth
  let attempts = 0;
  let lastMessage = 0; // performance.now() of the last snapshot
  let lastAge = 0; // how old the last snapshot was when the laptop sent it, seconds
  let offlineSince = null; // laptop time (epoch s) when the link dropped
  let downSince = performance.now(); // the last news before the link went down (at first: the page's start)
  let retryTimer = null;

  // -- time ----------------------------------------------------------------------------------------
  // Wall clocks jump (NTP, a phone changing zone, a clock set by hand), on the laptop and on this
  // device; a countdown must never jump with them. So the two questions get two answers:
  //
  // How long is left? The snapshot's remaining time less the show seconds since it was made: its
  // `age` when sent plus this page's performance.now() since it arrived. Monotonic on both sides: no
  // wall clock enters it. (Only the few milliseconds on the wire are missed.)
  const pageNow = () => performance.now() / 1000;
  function sinceSnapshot() {
    return (lastAge + pageNow() - lastMessage / 1000) * (state.speed || 1);
  }

  // What time is it on the laptop? (the clock on screen, "OFFLINE since"). Estimated as NTP does.
  // Each snapshot is a sample: the laptop's clock when it was sent (server_time + age) against this
  // page's monotonic clock when it arrived; their difference is the offset plus the network delay.
  // The network only ever delays, so the sample with the smallest delay is the truest; it is chosen
  // from the last few. A sample more than a second from that best one means a clock moved (the
  // laptop's jumped, or this device slept and its monotonic clock stood still): the older samples
  // describe another clock, so they are dropped. A merely slow message starts afresh too, and the
  // next, quicker one replaces it at once. This device's own wall clock (Date) is never read.
  function laptopClock(size = SAMPLES, jump = JUMP_S) {
    let samples = []; // {laptop, page}, seconds, oldest first
    let speed = 1; // show seconds per real second: a rehearsal's laptop clock runs faster
    const delay = (s) => s.page - s.laptop / speed;
    const best = () => samples.reduce((a, b) => (delay(b) < delay(a) ? b : a));
    return {
      add(laptop, page, rate = 1) {
        const sample = { laptop, page };
        if (rate !== speed || (samples.length && Math.abs(delay(sample) - delay(best())) > jump)) samples = [];
        speed = rate;
        samples.push(sample);
        if (samples.length > size) samples.shift();
      },
      now(page) { // the laptop's clock (epoch s) at this page time, or null before any sample
        if (!samples.length) return null;
        const b = best();
        return b.laptop + (page - b.page) * speed;
      },
      get size() { return samples.length; },
    };
  }
  const laptop = laptopClock();
  function serverNow() {
    const now = laptop.now(pageNow());
    return now !== null ? now : Date.now() / 1000; // no snapshot yet: nothing better to go by
  }

  // -- formatting, as runofshow/core/timing.py does it --------------------------------------------
  const pad = (n) => String(n).padStart(2, "0");
  function formatClock(seconds) {
    const h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
    return h ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
  }
  // Whole seconds rounded up while time remains, 00:00 exactly once, then +00:01 counting up.
  function formatCountdown(remaining) {
    if (remaining > 0) return formatClock(Math.ceil(remaining - 1e-9));
    const over = Math.floor(-remaining + 1e-9);
    return (over > 0 ? "+" : "") + formatClock(over);
  }
  function formatDrift(drift) {
    const s = Math.round(drift);
    if (s === 0) return "on time";
    const a = Math.abs(s), h = Math.floor(a / 3600), m = Math.floor((a % 3600) / 60), sec = a % 60;
    const short = h ? `${h}:${pad(m)}:${pad(sec)}` : `${m}:${pad(sec)}`;
    return `${short} ${s > 0 ? "behind" : "ahead"}`;
  }
  const formatters = {};
  function timeOfDay(epoch, seconds) {
    // The laptop's time now, as the view shows it, says how often the view must be drawn for it.
    if (epoch === drawingAt && drawingAt !== null && clockShown !== "seconds") clockShown = seconds ? "seconds" : "minutes";
    const tz = state ? state.event.timezone : undefined;
    const key = `${tz}|${seconds}`;
    if (!formatters[key]) {
      formatters[key] = new Intl.DateTimeFormat("en-GB", {
        timeZone: tz, hour: "2-digit", minute: "2-digit", second: seconds ? "2-digit" : undefined, hour12: false,
      });
    }
    return formatters[key].format(new Date(epoch * 1000));
  }
  // The ISO times of the snapshot are already in the event's zone: "2023-11-30T15:10:00+01:00".
  const hhmm = (iso) => (iso ? iso.slice(11, 16) : "");

  // -- what is true now, computed from the snapshot -------------------------------------------------
  function live(now) {
    const s = state;
    const dt = conn === "live" ? Math.max(0, sinceSnapshot()) : 0; // frozen when offline
    const running = s.phase === "running";
    const remaining = running ? s.timer.remaining - dt : s.timer.remaining;
    let slotPhase = s.slot_phase;
    if (running) slotPhase = remaining <= 0 ? "overrun" : remaining <= s.timer.warning ? "warning" : "normal";
    const colours = s.theme.colours;
    const colour = s.phase === "paused" ? colours.paused : colours[slotPhase];
    const cueRemaining = s.cue_timer ? s.cue_timer.remaining - (running ? dt : 0) : null;
    const targetRemaining = s.target_remaining === null ? null : s.target_remaining - dt;
    // Every display's words are decided in Python (core/phase_style.py, docs/display-words.md) for each
    // zone this view's own countdown can enter before the next snapshot: pick the one it is in now.
    let zone = s.words_zone;
    if (s.words_clock === "slot") zone = slotPhase;
    else if (s.words_clock === "target" && targetRemaining !== null) zone = targetRemaining <= 0 ? "overrun" : "normal";
    const words = (s.words && (s.words[zone] || s.words[s.words_zone])) || null;
    const word = words ? words.speaker : running ? s.theme.words[slotPhase] : s.phase_word;
    const flashing = s.flash_remaining > dt;
    const at = conn === "live" ? now : s.server_time;
    return { remaining, slotPhase, colour, word, words, cueRemaining, targetRemaining, flashing, at, dt,
             overtime: Math.max(0, -remaining), countdown: s.current ? formatCountdown(remaining) : "" };
  }

  // -- the connection ------------------------------------------------------------------------------
  function setConn(next) {
    if (next === "offline" && conn === "live") offlineSince = serverNow();
    if (next !== "live" && conn === "live") downSince = lastMessage; // a silent laptop was lost from then
    conn = next;
    document.body.dataset.conn = conn;
    draw();
  }

  // Not live: a layer over the whole view (common.css, body[data-conn]) with one huge word and what it means,
  // so that nobody reads a frozen countdown from across the room. [word, line, note]
  function statusWords() {
    if (conn === "auth") {
      return ["NO ACCESS", "", "This display needs the access token: open the address shown in runofshow's Remote menu."];
    }
    if (conn === "offline") {
      const since = offlineSince !== null ? `since ${timeOfDay(offlineSince, true)}` : "";
      const other = backup ? ` (and trying the other laptop, ${backup})` : "";
      return ["OFFLINE", since, `No news from the laptop running the show: no times until it answers. Reconnecting…${other}`];
    }
    if (conn === "connecting") return ["CONNECTING…", "", `to runofshow at ${location.host}`];
    return ["", "", ""];
  }
  let statusShown = ""; // the words on the layer now: it is rebuilt only when they change
  function drawStatus() {
    const status = document.getElementById("status");
    if (!status) return;
    const words = statusWords();
    const key = words.join("\n");
    // Written only when it changes: even the same value written again is a DOM change the page then restyles.
    if (status.hidden !== (conn === "live")) status.hidden = conn === "live";
    if (key === statusShown) return;
    statusShown = key;
    const [word, line, note] = words;
    status.replaceChildren(element("div", "status-word", word), element("div", "status-line", line),
                           element("div", "status-note", note));
  }

  function connect() {
    retryTimer = null;
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    const query = new URLSearchParams({ parts: wanted.join(",") });
    if (token) query.set("token", token);
    const url = `${scheme}://${location.host}/ws?${query}`;
    let opened = false;
    try {
      socket = new WebSocket(url);
    } catch (err) {
      retry();
      return;
    }
    socket.onopen = () => { opened = true; };
    socket.onmessage = (event) => {
      let message;
      try { message = JSON.parse(event.data); } catch (err) { return; }
      if (!message || message.type !== "state") return;
      const s = message.state;
      for (const [name, part] of Object.entries(message.parts || {})) parts[name] = part;
      // A state whose parts this view does not hold (never, unless a message was lost): ask for them all
      // again and keep drawing the last whole state, never a rundown older than the state.
      const versions = s.versions || {};
      if (wanted.some((name) => !parts[name] || parts[name].version !== versions[name])) {
        socket.send(JSON.stringify({ type: "resync" }));
        return;
      }
      for (const name of wanted) s[name] = parts[name].data;
      const age = Math.max(0, Number(message.age) || 0);
      const wasLive = conn === "live" && state !== null;
      const before = wasLive ? shownFigures() : null; // what the last snapshot gives now, as worked out here
      const key = stillKey(s), same = key === lastKey;
      lastKey = key;
      lastMessage = performance.now();
      lastAge = age;
      if (Number.isFinite(s.server_time)) laptop.add(s.server_time + age * (s.speed || 1), lastMessage / 1000, s.speed || 1);
      state = s;
      attempts = 0;
      offlineSince = null;
      watchStale();
      if (!wasLive) setConn("live");
      else if (same && before === shownFigures()) reschedule();
      else draw();
    };
    socket.onclose = () => {
      socket = null;
      if (!opened) {
        // Refused before the upgrade: find out whether it is the token or the network.
        fetch(`/api/state${token ? `?token=${encodeURIComponent(token)}` : ""}`, { cache: "no-store" })
          .then((r) => { if (r.status === 401 || r.status === 403) setConn("auth"); else if (conn !== "auth") setConn(state ? "offline" : "connecting"); })
          .catch(() => setConn(state ? "offline" : "connecting"))
          .finally(retry);
        return;
      }
      setConn(state ? "offline" : "connecting");
      retry();
    };
  }

  function retry() {
    if (retryTimer !== null) return;
    // Exponential backoff with jitter, so forty phones do not reconnect in the same millisecond.
    const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** attempts) * (0.8 + 0.4 * Math.random());
    attempts = Math.min(attempts + 1, 10);
    retryTimer = setTimeout(connect, delay);
  }

  // The stale check: set again by every snapshot, so it fires only when the snapshots stop. It never draws
  // the show: the redraws are scheduled for the moments a shown digit changes (below).
  let staleTimer = null;
  function watchStale() {
    if (staleTimer !== null) clearTimeout(staleTimer);
    staleTimer = setTimeout(watchdog, STALE_MS + 50);
  }
  function watchdog() {
    staleTimer = null;
    if (conn !== "live") return;
    if (performance.now() - lastMessage > STALE_MS) {
      setConn("offline");
      if (socket) socket.close();
    } else {
      watchStale();
    }
  }

  // -- a pair of laptops ----------------------------------------------------------------------------
  // Given `backup=host:port` (the other laptop of a pair, runofshow follow), the view shows the show from
  // the primary. It moves to the same view on the other laptop (its address unchanged but for `backup=`,
  // which then points back here) when its own laptop says it follows and the other one says it is the
  // primary, of this epoch or a later one; or when its own laptop has been gone for a few seconds and the
  // other one answers at all (a backup that has not taken over yet still shows the show, and will). It
  // never goes where nothing answered: a browser's error page never comes back. It stays PAIR.stay after
  // it opened before it moves, so two laptops can never toss a view back and forth.
  const PAIR = { stay: 10000, gone: 4000, every: 2000, patience: 2000 }; // milliseconds
  const BACKUP = /^(?:[A-Za-z0-9_.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\]):[0-9]{1,5}$/; // as the laptop reads it
  const backup = BACKUP.test(query.get("backup") || "") ? query.get("backup") : "";
  const checked = { checks: 0, asked: 0, last: "" }; // checks run, answers awaited, what the last one decided

  // What to do: "stay", "ask" the other laptop (no `answer` yet), or, given its `answer` ({role, epoch}, or
  // null when it did not answer), "move" there. `now`: this page's milliseconds; `own`: {conn, pair, downSince},
  // `pair` being the snapshot's (none from a laptop older than pairs: it is the primary).
  function pairStep(now, own, answer) {
    if (now < PAIR.stay) return "stay";
    const following = own.conn === "live" && Boolean(own.pair) && own.pair.role === "following";
    const gone = own.conn !== "live" && own.conn !== "auth" && now - own.downSince >= PAIR.gone;
    if (!following && !gone) return "stay";
    if (answer === undefined) return "ask";
    if (!answer) return "stay";
    return gone || (answer.role === "primary" && answer.epoch >= own.pair.epoch) ? "move" : "stay";
  }

  function askOther() {
    const patience = new AbortController();
    const timer = setTimeout(() => patience.abort(), PAIR.patience);
    return fetch(`${location.protocol}//${backup}/api/role`, { cache: "no-store", signal: patience.signal })
      .then((r) => (r.ok ? r.json() : null))
      .then((a) => (a && typeof a.role === "string" && Number.isFinite(a.epoch) ? a : null))
      .catch(() => null)
      .finally(() => clearTimeout(timer));
  }
  let asking = false, moving = false;
  async function checkPair() {
    if (asking || moving) return;
    const own = () => ({ conn, pair: state && state.pair, downSince });
    let step = pairStep(performance.now(), own());
    if (step === "ask") {
      asking = true;
      checked.asked += 1;
      const answer = await askOther();
      asking = false;
      step = pairStep(performance.now(), own(), answer); // its own laptop may have come back meanwhile
    }
    checked.checks += 1;
    checked.last = step;
    if (step !== "move") return;
    moving = true;
    const there = new URLSearchParams(location.search); // the token and every other choice go along
    there.set("backup", location.host);
    location.replace(`${location.protocol}//${backup}${location.pathname}?${there}${location.hash}`);
  }

  // -- when to draw again ------------------------------------------------------------------------------
  // As the Qt displays do (runofshow/qt/bridge.py): one timer, set for the next moment a shown digit
  // changes, a little after it and never before it (a digit shown early is wrong). Between those moments
  // nothing is drawn: no work for the page, no frames for the browser.
  const LANDING_MS = 2;
  let wakeTimer = null, wakeAt = Infinity; // performance.now() of the next scheduled draw
  let soonAt = Infinity; // the earliest redraw a view asked for (ROS.soon)
  function wakeUpAt(at) {
    if (at >= wakeAt) return;
    if (wakeTimer !== null) clearTimeout(wakeTimer);
    wakeAt = at;
    wakeTimer = setTimeout(() => { wakeTimer = null; wakeAt = Infinity; draw(); }, Math.max(0, at - performance.now()));
  }
  // Real seconds until a value that moves by `rate` a real second (a countdown falls, the laptop's clock
  // rises) next crosses a whole number.
  function untilCrossing(value, rate) {
    if (!rate) return Infinity;
    const f = value - Math.floor(value);
    const distance = rate > 0 ? 1 - f : f; // to the whole number above, or below
    return (distance > 0 ? distance : 1) / Math.abs(rate);
  }
  // The times shown are worked out from the snapshot; this says when the next of them changes.
  let clockShown = ""; // "seconds" | "minutes" | "": how the view wrote the laptop's time of day this draw
  function nextChange(s, l) {
    if (conn !== "live") return Infinity; // frozen: nothing moves until a snapshot comes
    const speed = s.speed || 1;
    const counting = s.phase === "running";
    const candidates = [];
    if (counting) candidates.push(untilCrossing(l.remaining, -speed));
    if (counting && l.cueRemaining !== null) candidates.push(untilCrossing(l.cueRemaining, -speed));
    if (l.targetRemaining !== null) candidates.push(untilCrossing(l.targetRemaining, -speed));
    if (s.flash_remaining > l.dt) candidates.push((s.flash_remaining - l.dt) / speed);
    // What else moves by itself is the view's to ask for (ROS.soon): the stage's flash, backstage's drift.
    if (clockShown) {
      const unit = clockShown === "seconds" ? 1 : 60; // the zones' offsets are whole minutes
      candidates.push(untilCrossing(l.at / unit, speed / unit));
    }
    return Math.min(...candidates) * 1000;
  }

  // The snapshot comes about once a second, just after the second the view has already drawn. One that
  // brings nothing new is not drawn again: the same as the last one but for the times that move by
  // themselves, which give the very figures the page had worked out itself. It becomes the state the
  // next redraw draws, and the next redraw is set again from it.
  const MOVING = new Set(["server_time", "time_of_day", "timer", "cue_timer", "target_remaining", "flash_remaining",
                          "flashing", "drift", "drift_text", "projected_end"]);
  let lastKey = ""; // the last snapshot's, without its moving times
  function stillKey(s) {
    const skip = new Set([...MOVING, ...wanted]); // the parts are named by their versions, in the state
    const t = s.timer;
    return JSON.stringify([Object.keys(s).filter((k) => !skip.has(k)).map((k) => [k, s[k]]),
                           t.duration, t.added, t.warning, String(s.time_of_day).slice(0, 10)]);
  }
  function shownFigures() {
    const l = live(serverNow());
    const moved = l.dt - (state.phase === "running" ? Math.max(state.timer.remaining, 0) : 0);
    return JSON.stringify([l.countdown, l.slotPhase, l.colour, l.word, l.flashing,
                           l.cueRemaining === null ? null : formatCountdown(l.cueRemaining),
                           l.targetRemaining === null ? null : formatCountdown(l.targetRemaining),
                           timeOfDay(l.at, true), Math.round(state.drift + moved), Math.round(moved)]);
  }
  function reschedule() {
    if (wakeTimer !== null) { clearTimeout(wakeTimer); wakeTimer = null; wakeAt = Infinity; }
    const now = performance.now();
    wakeUpAt(Math.min(soonAt, now + nextChange(state, live(serverNow())) + LANDING_MS));
  }

  let drawingAt = null; // the laptop time (epoch s) the view is being drawn for
  function draw() {
    if (soonAt <= performance.now() + 1) soonAt = Infinity; // this draw is the one asked for
    if (wakeTimer !== null) { clearTimeout(wakeTimer); wakeTimer = null; wakeAt = Infinity; }
    drawStatus();
    let now = performance.now(), next = Infinity;
    if (state && render) {
      now = performance.now(); // the moment the times below are worked out for
      const l = live(serverNow());
      clockShown = "";
      drawingAt = l.at;
      try {
        render(state, l, conn === "live");
      } catch (err) {
        // One bad draw (a snapshot the view did not expect) must not stop the view: the next one is still set.
        console.error("runofshow: the view failed to draw", err);
      } finally {
        drawingAt = null;
      }
      next = nextChange(state, l);
    }
    wakeUpAt(Math.min(soonAt, now + next + LANDING_MS));
  }

  // Small DOM helpers: text only, never HTML, since the message and titles come from people.
  function text(id, value) {
    const el = document.getElementById(id);
    if (el && el.textContent !== value) el.textContent = value;
    return el;
  }
  // One property of an element, written only when its value changes: the same value written again is
  // still a DOM change that costs the page a restyle, and a view redraws every second.
  // `key`: "hidden", "style.color", "dataset.phase" or "class.bright" (a class on or off).
  const written = new WeakMap(); // element -> {key: the value last written}
  function put(el, key, value) {
    let last = written.get(el);
    if (!last) written.set(el, (last = {}));
    if (key in last && last[key] === value) return el;
    last[key] = value;
    const dot = key.indexOf(".");
    const kind = dot < 0 ? key : key.slice(0, dot), name = key.slice(dot + 1);
    if (kind === "style") el.style[name] = value;
    else if (kind === "dataset") el.dataset[name] = value;
    else if (kind === "class") el.classList.toggle(name, Boolean(value));
    else el[key] = value;
    return el;
  }
  function element(tag, className, content) {
    const el = document.createElement(tag);
    if (className) el.className = className;
    if (content !== undefined) el.textContent = content;
    return el;
  }
  function names(people) {
    return (people || []).filter(Boolean).map((p) => p.name).join(", ");
  }

  // The largest font that fits, as the Qt displays choose it (runofshow/ui/canvas.py): the element's box
  // is set by the page's layout (its size must not depend on its text), its text wraps at spaces where
  // the CSS lets it, and the font is the largest, by halving search between `minPx` and `maxPx`, at which
  // nothing spills out of the box. Below `minPx` the CSS decides (an ellipsis, or the box's own clip).
  // The search runs again only when the text's shape or the box changes: digits all have one width in a
  // fixed-pitch font, so 12:34 fits as 00:00 does and a countdown costs one search, not one a second.
  const fitted = new WeakMap(); // element -> the key of its last search
  function fits(el) {
    return el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1;
  }
  function fit(el, maxPx, minPx = 12) {
    if (!el) return;
    const shape = el.textContent.replace(/[0-9]/g, "0");
    const key = `${shape}|${el.clientWidth}x${el.clientHeight}|${maxPx}|${minPx}`;
    if (fitted.get(el) === key) return;
    let low = minPx, high = Math.max(minPx, maxPx);
    el.style.fontSize = `${high}px`;
    if (!fits(el)) {
      while (high - low > 0.5) {
        const middle = (low + high) / 2;
        el.style.fontSize = `${middle}px`;
        if (fits(el)) low = middle; else high = middle;
      }
      el.style.fontSize = `${Math.floor(low)}px`;
    }
    fitted.set(el, `${shape}|${el.clientWidth}x${el.clientHeight}|${maxPx}|${minPx}`);
  }

  // ROS.fit for a text that must never spill: at most its box's height, a pixel or two smaller where the
  // glyphs themselves still spill by the fraction of a pixel that scroll sizes round away, and when even
  // `minPx` does not fit, the class "cut" (the view's CSS makes that one line ending in "…").
  const cutFor = new WeakMap(); // element -> the key its "cut" was decided for
  const glyphs = document.createRange();
  function spills(el) {
    glyphs.selectNodeContents(el);
    const text = glyphs.getBoundingClientRect(), box = el.getBoundingClientRect();
    return text.left < box.left - 0.5 || text.right > box.right + 0.5 || text.top < box.top - 0.5
      || text.bottom > box.bottom + 0.5;
  }
  function fitWhole(el, maxPx, minPx) {
    const key = `${el.textContent.replace(/[0-9]/g, "0")}|${el.clientWidth}x${el.clientHeight}|${maxPx}|${minPx}`;
    if (cutFor.get(el) === key) return;
    el.classList.remove("cut");
    fit(el, Math.min(maxPx, el.clientHeight), minPx);
    let px = parseFloat(el.style.fontSize);
    for (let step = 0; step < 4 && px > minPx && spills(el); step++) el.style.fontSize = `${--px}px`;
    el.classList.toggle("cut", spills(el));
    cutFor.set(el, key);
  }

  // A view whose picture changes between the shown seconds (the stage's flash) asks to be drawn again
  // this many milliseconds from now.
  function soon(delayMs) {
    soonAt = Math.min(soonAt, performance.now() + Math.max(0, delayMs));
    wakeUpAt(soonAt);
  }

  // `needs`: the parts the view draws ("rundown", "runs"); a view that draws neither is sent neither.
  function start(renderFunction, needs = []) {
    render = renderFunction;
    wanted = needs;
    document.body.dataset.conn = conn;
    draw();
    connect();
    if (backup) setInterval(checkPair, PAIR.every);
    addEventListener("resize", draw); // a tablet turned on its side: fit again at once
    document.addEventListener("visibilitychange", draw); // a phone woken up: its timers slept
  }

  return { start, text, put, element, names, fit, fitWhole, soon, formatCountdown, formatDrift, timeOfDay, hhmm, laptopClock,
           pairStep, get pair() { return { backup, ...checked }; },
           get state() { return state; }, get conn() { return conn; } };
})();
