// The backstage monitor: read-only rundown with what is on now, what is next, the drift against the
// plan and the projected end. Drift moves by itself while a slot runs over, so it is computed here too.
// The crew's columns (Audio, Video…) follow the rundown's own, and the next slot's cues stand on a
// standby line under "Next": this is the crew's page. No room display (stage, projector, moderator) shows them.
"use strict";

const FIXED_HEADINGS = ["Plan", "Actual", "Slot", "Who"];

function crewCues(s, slot) {
  // The slot's cues in the agenda's column order, only the columns that have one.
  const crew = (slot && slot.crew) || {};
  return (s.columns || []).filter((column) => crew[column]).map((column) => [column, crew[column]]);
}

function fillHeadings(s) {
  const headings = FIXED_HEADINGS.map((text) => ROS.element("th", "", text));
  for (const column of s.columns || []) headings.push(ROS.element("th", "crew", column));
  document.getElementById("columns").replaceChildren(...headings);
  document.querySelector(".rundown table").classList.toggle("with-crew", Boolean((s.columns || []).length));
}

function crewRow(s, slot, status) {
  // On a narrow screen (a phone) the slot's cues go on a line under it instead of in columns of their own;
  // on a wide one this row is not shown (backstage.css).
  const cues = crewCues(s, slot);
  if (!cues.length) return [];
  const row = ROS.element("tr", `crew-row ${status}`);
  const cell = ROS.element("td", "");
  cell.colSpan = FIXED_HEADINGS.length;
  cues.forEach(([column, cue], i) => {
    if (i) cell.append(" · ");
    cell.append(ROS.element("b", "", `${column}: `), cue);
  });
  row.append(cell);
  return [row];
}

let shownPhase = "";

function keepInView() {
  // The rundown shows whole slots only (a slot with its line of cues), never one cut at the box's edge:
  // the slot on now (else the next one; after the show the last one), the one before it when both fit,
  // then as many after it as fit, and before it when the show nears its end. The others are hidden, those
  // before it moved up under the headings (which stick to the top). Run when the table is rebuilt and when
  // its box changes size.
  const box = document.querySelector(".rundown");
  const groups = []; // each slot's row with the line of cues under it
  for (const row of box.querySelectorAll("tbody tr")) {
    row.classList.remove("unseen");
    if (row.classList.contains("slot") || !groups.length) groups.push([row]);
    else groups[groups.length - 1].push(row);
  }
  // Moved up by a margin, not scrolled: a browser clamps a scroll position whenever a layout is briefly
  // shorter (a phone turning), and nothing would tell this view to scroll back.
  const table = box.querySelector("table");
  table.style.marginTop = "0px";
  box.style.maxHeight = "";
  if (!groups.length) return;
  const head = box.querySelector("thead").getBoundingClientRect().bottom;
  const room = box.getBoundingClientRect().bottom - head;
  const top = (i) => groups[i][0].getBoundingClientRect().top;
  const bottom = (i) => Math.max(...groups[i].filter((row) => row.offsetHeight) // a hidden line of cues: none
    .map((row) => row.getBoundingClientRect().bottom));
  const span = (from, to) => bottom(to) - top(from);
  let at = groups.findIndex((group) => group[0].classList.contains("current"));
  if (at < 0) at = groups.findIndex((group) => group[0].classList.contains("next"));
  if (at < 0) at = shownPhase === "finished" ? groups.length - 1 : 0;
  let first = at > 0 && span(at - 1, at) <= room + 1 ? at - 1 : at;
  let last = at;
  while (last + 1 < groups.length && span(first, last + 1) <= room + 1) last += 1;
  while (first > 0 && span(first - 1, last) <= room + 1) first -= 1;
  const scroll = top(first) - head;
  groups.forEach((group, i) => {
    if (i < first || i > last) group.forEach((row) => row.classList.add("unseen"));
  });
  // A slot on now taller than the whole box (a phone on its side, every banner up): its cues wait, and
  // if its own row is still too tall the box ends at its last whole line of text.
  const tooTall = span(at, at) > room + 1;
  if (tooTall) groups[at].slice(1).forEach((row) => row.classList.add("unseen"));
  table.style.marginTop = `${-scroll}px`;
  if (tooTall) box.style.maxHeight = `${wholeLines(box, groups[at][0]) - box.getBoundingClientRect().top}px`;
}

function wholeLines(box, row) {
  // The lowest edge at or above the box's bottom that cuts none of the row's lines of text.
  const lines = [];
  const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const range = document.createRange();
    range.selectNodeContents(node);
    lines.push(...range.getClientRects());
  }
  const edge = box.getBoundingClientRect().bottom;
  const cuts = (y) => lines.some((line) => line.top < y - 1 && line.bottom > y + 1);
  const edges = [edge, ...lines.map((line) => line.bottom)].filter((y) => y <= edge && !cuts(y));
  return Math.max(...edges, row.getBoundingClientRect().top);
}

function fillRoom(s) {
  // What the room sees when it is not the show: the displays blacked out, the projector's holding slide
  // (which a blackout of the projector hides), in the words of the operator window's banner.
  const black = s.blackout || [];
  const lines = [];
  if (black.length) lines.push(`BLACKOUT: ${black.join(", ")}`);
  if (s.holding) {
    lines.push(black.includes("projector") ? "PROJECTOR: HOLDING SLIDE (behind the blackout)" : "PROJECTOR: HOLDING SLIDE");
  }
  const room = document.getElementById("room");
  const said = lines.join("\n");
  if (room.dataset.said !== said) {
    room.dataset.said = said;
    room.replaceChildren(...lines.map((line) => ROS.element("div", "", line)));
  }
  room.hidden = !lines.length;
  room.style.color = black.length ? "" : s.theme.colours.paused;
}

const fittedWhole = new WeakMap(); // element -> the text and box it was last fitted for
const overflows = (el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;

function fitWhole(el, text, maxPx, minPx) {
  // The text at the largest font its box holds (common.js). Longer than the box holds even at minPx
  // (a long title on a phone on its side): as many whole words as fit and an ellipsis, never half a
  // line; the rundown below has the title whole.
  const cell = el.parentElement; // its size is the layout's, whatever the text
  const key = `${text}|${cell.clientWidth}x${cell.clientHeight}|${maxPx}|${minPx}`;
  if (fittedWhole.get(el) === key) return;
  fittedWhole.set(el, key);
  el.textContent = text;
  ROS.fit(el, maxPx, minPx);
  if (!overflows(el)) return;
  const words = text.split(" ");
  let low = 0, high = words.length; // the first `low` words fit with the ellipsis, `high` do not
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    el.textContent = `${words.slice(0, middle).join(" ")}…`;
    if (overflows(el)) high = middle; else low = middle;
  }
  el.textContent = `${words.slice(0, Math.max(low, 1)).join(" ")}…`;
}

function fillStandby(s) {
  // Stand by for the next slot: every crew column's cue (only those it has); nothing when it has none.
  const next = s.next && s.rundown.find((slot) => slot.id === s.next.id);
  const cues = s.phase === "finished" ? [] : crewCues(s, next);
  const line = document.getElementById("standby");
  line.hidden = !cues.length;
  if (!cues.length) {
    line.replaceChildren();
    return;
  }
  const parts = [ROS.element("span", "label", `Stand by for ${next.title}:`), " "];
  cues.forEach(([column, cue], i) => {
    if (i) parts.push(" · ");
    parts.push(ROS.element("b", "", `${column}: `), cue);
  });
  line.replaceChildren(...parts);
}

function liveDrift(s, l) {
  // Running: the show ends later by every second the slot runs past zero. Paused: by every second.
  const dt = l.dt; // show seconds since the snapshot, by monotonic time (never a wall clock's difference)
  if (s.phase === "running") return s.drift + dt + Math.max(s.timer.remaining - dt, 0) - Math.max(s.timer.remaining, 0);
  if (s.phase === "paused") return s.drift + dt;
  return s.drift;
}

let driftDue = 0; // performance.now() of the redraw asked for the drift's next second (0: none)

function redrawDrift(s, l, drift, isLive) {
  // The drift grows by itself while a slot runs over and while paused: ask to be drawn again when its
  // shown second turns (it rounds, so at the next half second), once: a redraw already asked stands.
  const moving = s.phase === "paused" || (s.phase === "running" && s.timer.remaining - l.dt < 0);
  if (!moving || !isLive) return;
  const delay = ((Math.floor(drift + 0.5) + 0.5 - drift) / (s.speed || 1)) * 1000 + 5; // never before it turns
  const now = performance.now();
  if (driftDue > now && driftDue <= now + delay + 20) return;
  driftDue = now + delay;
  ROS.soon(delay);
}

let drawn = "";

function fillRundown(s) {
  const actual = new Map();
  for (const run of s.runs) actual.set(run.slot_id, run); // the last run of a slot wins
  const body = document.getElementById("rundown");
  body.replaceChildren(...s.rundown.flatMap((slot, i) => {
    const run = actual.get(slot.id);
    const status = i === s.index ? "current" : s.next && slot.id === s.next.id ? "next" : run ? "done" : "";
    const row = ROS.element("tr", `slot ${status}`.trim());
    const act = i === s.index && s.phase !== "between" && s.phase !== "pre-show"
      ? "on now" : run ? `${ROS.hhmm(run.start)}–${ROS.hhmm(run.end)}` : "";
    row.append(ROS.element("td", "t", `${ROS.hhmm(slot.start)}–${ROS.hhmm(slot.end)}`),
               ROS.element("td", "t", act), ROS.element("td", "", slot.title),
               ROS.element("td", "", slot.people.join(", ")));
    const crew = slot.crew || {};
    for (const column of s.columns || []) {
      const cell = ROS.element("td", "crew", crew[column] || "");
      if (crew[column]) cell.title = `${column}: ${crew[column]}`; // whole, where the column cuts it
      row.append(cell);
    }
    return [row, ...crewRow(s, slot, status)];
  }));
}

ROS.start((s, l, isLive) => {
  document.body.dataset.phase = s.phase;
  ROS.text("event", s.event.title);
  ROS.text("clock", ROS.timeOfDay(l.at, true));
  // After the show "Now" already says it is over: the word is not said twice.
  ROS.text("word", s.phase === "finished" ? "" : l.word).style.color = l.colour;
  // Waiting for a planned start (before the show, a later day, roll mode): the countdown to it, as on the stage.
  const waiting = (!s.current || s.phase === "between") && l.targetRemaining !== null;
  const countdown = waiting ? ROS.formatCountdown(l.targetRemaining) : s.current ? l.countdown : "";
  ROS.text("countdown", countdown).style.color = s.current ? l.colour : "";
  const drift = liveDrift(s, l);
  ROS.text("drift", ROS.formatDrift(drift));
  redrawDrift(s, l, drift, isLive);
  ROS.text("end", ROS.timeOfDay(Date.parse(s.projected_end) / 1000 + (drift - s.drift), false));
  // In a break the time it says it is back at (none once over it), as on the stage; the rundown has the plan.
  const nextAt = l.words ? l.words.next_at : s.next ? ROS.hhmm(s.next.start) : "";
  ROS.text("next", s.next ? `Next: ${nextAt ? `${nextAt} ` : ""}${s.next.title}` : s.current ? "Next: the end of the show" : "");
  // The show's record (the journal) cannot be written: whoever watches backstage must know at once.
  const unsaved = Boolean(s.journal) && !s.journal.ok;
  const journal = ROS.text("journal", unsaved ? `RECORD NOT SAVED: ${s.journal.error || "the journal cannot be written"}` : "");
  journal.hidden = !unsaved;
  const message = ROS.text("message", s.message ? `Message on stage: ${s.message}` : "");
  message.hidden = !s.message;
  document.getElementById("next").hidden = !document.getElementById("next").textContent;
  fillRoom(s);
  // The summary's values at the largest font their boxes hold, in multiples of the page's base size.
  const base = parseFloat(getComputedStyle(document.body).fontSize);
  const now = s.current ? s.current.title : s.phase === "pre-show" ? "Before the show" : "The show is over";
  fitWhole(document.getElementById("current"), now, 1.8 * base, 14);
  ROS.fit(document.getElementById("word"), 1.25 * base, 12);
  for (const id of ["countdown", "end"]) ROS.fit(document.getElementById(id), 2.2 * base, 14);
  ROS.fit(document.getElementById("drift"), 1.6 * base, 14);
  // The plan itself is in the key: an edit (a title, a crew cue) redraws the table and the standby line.
  const key = JSON.stringify([s.index, s.phase, s.runs.length, s.next && s.next.id, s.columns, s.rundown]);
  if (key !== drawn) {
    drawn = key;
    shownPhase = s.phase;
    fillHeadings(s);
    fillRundown(s);
    fillStandby(s);
    keepInView();
  }
}, ["rundown", "runs"]); // the parts of the state this view draws (common.js)

// Whatever takes room from the rundown (a message, a banner, a turned screen) shows whole slots again at once,
// with no redraw to wait for.
new ResizeObserver(keepInView).observe(document.querySelector(".rundown"));
