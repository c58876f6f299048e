// The speaker countdown, as runofshow/ui/stage_view.py draws it: huge digits in the phase colour.
"use strict";

const FLASH_AT_ZERO_S = 5; // the stage flashes for the first seconds over time, like the Qt display

function people(slot) {
  if (!slot) return [];
  return [slot.moderator, ...slot.panellists, ...slot.speakers].filter(Boolean);
}

function speakerLine(s, l) {
  if (s.cue) {
    const who = s.cue.speaker ? `${s.cue.speaker.name} · ` : "";
    return `${who}${s.cue.title} · ${ROS.formatCountdown(l.cueRemaining)}`;
  }
  return s.current ? ROS.names(people(s.current)) : "";
}

function nextLine(s, l) {
  const slot = s.next;
  if (!slot) return s.current ? "Last slot of the day" : "";
  const names = ROS.names(people(slot));
  // In a break the time it says it is back at; none once over it (the next one starts at GO).
  const time = l.words ? l.words.next_at : ROS.hhmm(slot.start);
  return `Next${time ? ` ${time}` : ""}: ${names ? `${names} — ` : ""}${slot.title}`;
}

// The progress bar: elapsed / duration of the running slot, the warning zone from duration - warning.
function drawProgress(s, l, colour) {
  const bar = document.getElementById("progress");
  const duration = s.timer.duration;
  const timed = s.current && (s.phase === "running" || s.phase === "paused") && duration > 0;
  bar.hidden = !timed;
  if (!timed) return;
  const done = l.remaining <= 0 ? 1 : Math.min(1, Math.max(0, (duration - l.remaining) / duration));
  const zone = Math.min(1, Math.max(0, (duration - s.timer.warning) / duration));
  bar.dataset.done = done.toFixed(3);
  bar.dataset.zone = zone.toFixed(3);
  const fill = bar.querySelector(".fill");
  fill.style.width = `${(done * 100).toFixed(2)}%`;
  fill.style.background = colour;
  bar.querySelector(".zone").style.left = `${(zone * 100).toFixed(2)}%`;
  const mark = bar.querySelector(".mark");
  mark.style.left = `${(zone * 100).toFixed(2)}%`;
  mark.hidden = zone >= 1;
}

ROS.start((s, l, live) => {
  const muted = s.theme.colours.none;
  let colour = l.colour, word = l.word, digits = l.countdown;
  if (s.phase === "pre-show") {
    colour = muted;
    digits = l.targetRemaining === null ? "" : ROS.formatCountdown(l.targetRemaining);
  } else if (s.phase === "between") {
    colour = muted;
    // Waiting for a planned start (roll mode, or the next day of a multi-day show): count down to it.
    if (l.targetRemaining !== null) digits = ROS.formatCountdown(l.targetRemaining);
  } else if (s.phase === "finished") {
    colour = muted;
    digits = ""; // no digits at all: a time of day there would read as time left
  }
  const body = document.body;
  const flashing = live && (l.flashing || (s.phase === "running" && s.current && l.slotPhase === "overrun"
                                           && l.overtime < FLASH_AT_ZERO_S));
  const bright = flashing && Math.floor(performance.now() / 250) % 2 === 0;
  body.classList.toggle("bright", bright);
  body.style.background = bright ? (["warning", "overrun"].includes(l.slotPhase) ? colour : "#ffffff") : "#000";
  body.classList.toggle("has-message", Boolean(s.message));
  body.dataset.phase = s.phase;
  body.dataset.slotPhase = l.slotPhase;

  ROS.text("title", s.current ? s.current.title : s.event.title);
  ROS.text("clock", ROS.timeOfDay(l.at, true));
  ROS.text("speaker", speakerLine(s, l));
  const digitsEl = ROS.text("digits", digits);
  digitsEl.style.color = colour;
  // As big as the screen allows: a monospace digit is about 0.6 em wide, so size by the length.
  const chars = Math.max(5, digits.length);
  // With a message the digits keep 0.3 of the height in ink (a digit's ink is about 0.73 em): no shrinking.
  digitsEl.style.fontSize = s.message ? `min(${(135 / chars).toFixed(1)}vw, 43vh)` : `min(${(135 / chars).toFixed(1)}vw, 50vh)`;
  ROS.text("word", word).style.color = colour;
  const message = ROS.text("message", s.message);
  message.hidden = !s.message;
  // All of a long message reads: its letters get smaller as it gets longer (280 characters at most).
  const length = s.message ? s.message.length : 0;
  message.style.fontSize = `${Math.min(6, Math.max(2.4, 6 * Math.sqrt(60 / Math.max(60, length)))).toFixed(2)}vh`;
  ROS.text("next", nextLine(s, l));
  drawProgress(s, l, colour);
  document.getElementById("blackout").hidden = !s.blackout.includes("stage");
});
