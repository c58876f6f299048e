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

function keepInView() {
  // Rows with crew cues are taller: scroll the slot on now (else the next one) into view, the one before it above.
  const box = document.querySelector(".rundown");
  const slots = [...box.querySelectorAll("tr.slot")];
  let at = slots.findIndex((row) => row.classList.contains("current"));
  if (at < 0) at = slots.findIndex((row) => row.classList.contains("next"));
  const from = at > 0 ? slots[at - 1] : null;
  box.scrollTop = from ? Math.max(0, from.offsetTop - box.querySelector("thead").offsetHeight) : 0;
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

ROS.start((s, l) => {
  document.body.dataset.phase = s.phase;
  ROS.text("event", s.event.title);
  ROS.text("clock", ROS.timeOfDay(l.at, true));
  ROS.text("current", s.current ? s.current.title : s.phase === "pre-show" ? "Before the show" : "The show is over");
  // After the show "Now" already says it is over: the word is not said twice.
  ROS.text("word", s.phase === "finished" ? "" : l.word).style.color = l.colour;
  // Waiting for a planned start (before the show, a later day, roll mode): the countdown to it, as on the stage.
  const waiting = (!s.current || s.phase === "between") && l.targetRemaining !== null;
  const countdown = waiting ? ROS.formatCountdown(l.targetRemaining) : s.current ? l.countdown : "";
  ROS.text("countdown", countdown).style.color = s.current ? l.colour : "";
  const drift = liveDrift(s, l);
  ROS.text("drift", ROS.formatDrift(drift));
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
  // The plan itself is in the key: an edit (a title, a crew cue) redraws the table and the standby line.
  const key = JSON.stringify([s.index, s.phase, s.runs.length, s.next && s.next.id, s.columns, s.rundown]);
  if (key !== drawn) {
    drawn = key;
    fillHeadings(s);
    fillRundown(s);
    fillStandby(s);
    keepInView();
  }
}, ["rundown", "runs"]); // the parts of the state this view draws (common.js)
