// Shared by every browser view: the WebSocket, the clock offset, the local countdown, OFFLINE.
//
// The laptop sends a snapshot on every change and about once a second. Between snapshots the view
// counts down by itself from the snapshot's `server_time`, using its own clock corrected by the
// offset to the laptop's clock, so a phone shows the same second as the stage display. When the
// snapshots stop, the view says OFFLINE, greys out, and freezes: a stale countdown never looks live.
"use strict";

const ROS = (() => {
  const query = new URLSearchParams(location.search);
  const token = query.get("token") || "";
  const STALE_MS = 4000; // no snapshot for this long: the link is dead even if the socket says open
  const MAX_BACKOFF_MS = 15000;
  const SAMPLES = 8;

  let state = null;
  let render = null;
  let socket = null;
  let conn = "connecting"; // connecting | live | offline | auth
  let attempts = 0;
  let lastMessage = 0; // performance.now() of the last snapshot
  let offlineSince = null; // laptop time (epoch s) when the link dropped
  let retryTimer = null;
  let samples = []; // clock offsets: laptop time minus this browser's time, seconds

  // -- the laptop's clock --------------------------------------------------------------------------
  // A sample is too small by the network delay, never too large: the largest recent one is the best.
  function offset() {
    return samples.length ? Math.max(...samples) : 0;
  }
  function serverNow() {
    return Date.now() / 1000 + offset();
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
    const dt = conn === "live" ? Math.max(0, (now - s.server_time)) : 0; // frozen when offline
    const running = s.phase === "running";
    const remaining = running ? s.timer.remaining - dt : s.timer.remaining;
    let slotPhase = s.slot_phase;
    if (running) slotPhase = remaining <= 0 ? "overrun" : remaining <= s.timer.warning ? "warning" : "normal";
    const colours = s.theme.colours;
    const colour = s.phase === "paused" ? colours.paused : colours[slotPhase];
    const word = running ? s.theme.words[slotPhase] : s.phase_word;
    const cueRemaining = s.cue_timer ? s.cue_timer.remaining - (running ? dt : 0) : null;
    const targetRemaining = s.target_remaining === null ? null : s.target_remaining - dt;
    const flashing = s.flash_remaining > dt;
    const at = conn === "live" ? now : s.server_time;
    return { remaining, slotPhase, colour, word, cueRemaining, targetRemaining, flashing, at,
             overtime: Math.max(0, -remaining), countdown: s.current ? formatCountdown(remaining) : "" };
  }

  // -- the connection ------------------------------------------------------------------------------
  function setConn(next) {
    if (next === "offline" && conn === "live") offlineSince = serverNow();
    conn = next;
    document.body.dataset.conn = conn;
    draw();
  }

  function statusText() {
    if (conn === "auth") return "This display needs the access token: open the address shown in runofshow's Remote menu.";
    if (conn === "offline") {
      const since = offlineSince !== null ? ` since ${timeOfDay(offlineSince, true)}` : "";
      return `OFFLINE${since} — the times shown are not live; reconnecting…`;
    }
    if (conn === "connecting") return "Connecting to runofshow…";
    return "";
  }

  function connect() {
    retryTimer = null;
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    const url = `${scheme}://${location.host}/ws${token ? `?token=${encodeURIComponent(token)}` : ""}`;
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
      const received = Date.now() / 1000;
      const s = message.state;
      const speed = s.speed || 1;
      samples.push(s.server_time + message.age * speed - received);
      if (samples.length > SAMPLES) samples.shift();
      state = s;
      lastMessage = performance.now();
      attempts = 0;
      offlineSince = null;
      if (conn !== "live") setConn("live"); else draw();
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

  function watchdog() {
    if (conn === "live" && performance.now() - lastMessage > STALE_MS) {
      setConn("offline");
      if (socket) socket.close();
    }
    draw();
  }

  function draw() {
    const status = document.getElementById("status");
    if (status) {
      status.textContent = statusText();
      status.hidden = conn === "live";
    }
    if (state && render) {
      const now = serverNow();
      render(state, live(now), conn === "live");
    }
  }

  // Small DOM helpers: text only, never HTML, since the message and titles come from people.
  function text(id, value) {
    const el = document.getElementById(id);
    if (el && el.textContent !== value) el.textContent = value;
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

  function start(renderFunction) {
    render = renderFunction;
    document.body.dataset.conn = conn;
    draw();
    connect();
    setInterval(watchdog, 200);
  }

  return { start, text, element, names, formatCountdown, formatDrift, timeOfDay, hhmm,
           get state() { return state; }, get conn() { return conn; } };
})();
