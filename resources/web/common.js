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
      lastMessage = performance.now();
      lastAge = age;
      if (Number.isFinite(s.server_time)) laptop.add(s.server_time + age * (s.speed || 1), lastMessage / 1000, s.speed || 1);
      state = s;
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

  // `needs`: the parts the view draws ("rundown", "runs"); a view that draws neither is sent neither.
  function start(renderFunction, needs = []) {
    render = renderFunction;
    wanted = needs;
    document.body.dataset.conn = conn;
    draw();
    connect();
    setInterval(watchdog, 200);
  }

  return { start, text, element, names, formatCountdown, formatDrift, timeOfDay, hhmm, laptopClock,
           get state() { return state; }, get conn() { return conn; } };
})();
