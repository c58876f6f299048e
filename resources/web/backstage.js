// The backstage monitor: read-only rundown with what is on now, what is next, the drift against the
// plan and the projected end. Drift moves by itself while a slot runs over, so it is computed here too.
"use strict";

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
  body.replaceChildren(...s.rundown.map((slot, i) => {
    const row = ROS.element("tr");
    const run = actual.get(slot.id);
    if (i === s.index) row.className = "current";
    else if (s.next && slot.id === s.next.id) row.className = "next";
    else if (run) row.className = "done";
    const act = i === s.index && s.phase !== "between" && s.phase !== "pre-show"
      ? "on now" : run ? `${ROS.hhmm(run.start)}–${ROS.hhmm(run.end)}` : "";
    row.append(ROS.element("td", "t", `${ROS.hhmm(slot.start)}–${ROS.hhmm(slot.end)}`),
               ROS.element("td", "t", act), ROS.element("td", "", slot.title),
               ROS.element("td", "", slot.people.join(", ")));
    return row;
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
  const key = JSON.stringify([s.index, s.phase, s.runs.length, s.next && s.next.id, s.rundown.length]);
  if (key !== drawn) {
    drawn = key;
    fillRundown(s);
  }
});
