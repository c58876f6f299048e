// The speaker countdown, as runofshow/ui/stage_view.py draws it: huge digits in the phase colour.
"use strict";

const FLASH_AT_ZERO_S = 5; // the stage flashes for the first seconds over time, like the Qt display
const FLASH_HALF_MS = 250; // bright, dark, bright…: each half this long
const SMALLEST_PX = 10; // below this a text is cut with "…" on one line instead (the Qt displays' min_px)

// Each text at the largest font that fits its box (a grid cell of stage.css): ROS.fitWhole, searched again
// only when the text's shape or the box changes: a second's redraw only reads two sizes.
function fitText(el) {
  ROS.fitWhole(el, Infinity, SMALLEST_PX);
}

// The flash changes the picture between the countdown's seconds: it asks for the redraw at its next half
// itself, once (every redraw comes here; a second request for the same moment would double the redraws).
let flashDue = 0; // performance.now() of the redraw already asked for
function nextFlash(now) {
  if (now < flashDue - 1) return;
  const wait = FLASH_HALF_MS - (now % FLASH_HALF_MS);
  flashDue = now + wait;
  ROS.soon(wait);
}

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
// It moves with the second the digits show (the time left rounded up, as they are): so it changes in the
// same frame as the digits, and the laptop clock's flip, at another moment of the second, repaints the
// clock alone. A bar that moved at every redraw cost a frame of its own there (bench row 11).
function drawProgress(s, l, colour) {
  const bar = document.getElementById("progress");
  const duration = s.timer.duration;
  const timed = s.current && (s.phase === "running" || s.phase === "paused") && duration > 0;
  ROS.put(bar, "hidden", !timed);
  if (!timed) return;
  const shown = Math.ceil(l.remaining - 1e-9); // the whole seconds the digits say are left
  const done = shown <= 0 ? 1 : Math.min(1, Math.max(0, (duration - shown) / duration));
  const zone = Math.min(1, Math.max(0, (duration - s.timer.warning) / duration));
  ROS.put(bar, "dataset.done", done.toFixed(3));
  ROS.put(bar, "dataset.zone", zone.toFixed(3));
  const fill = bar.querySelector(".fill");
  ROS.put(fill, "style.width", `${(done * 100).toFixed(2)}%`);
  ROS.put(fill, "style.background", colour);
  ROS.put(bar.querySelector(".zone"), "style.left", `${(zone * 100).toFixed(2)}%`);
  const mark = bar.querySelector(".mark");
  ROS.put(mark, "style.left", `${(zone * 100).toFixed(2)}%`);
  ROS.put(mark, "hidden", zone >= 1);
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
  const now = performance.now();
  const bright = flashing && Math.floor(now / FLASH_HALF_MS) % 2 === 0;
  if (flashing) nextFlash(now);
  ROS.put(body, "class.bright", bright);
  ROS.put(body, "style.background", bright ? (["warning", "overrun"].includes(l.slotPhase) ? colour : "#ffffff") : "#000");
  ROS.put(body, "class.has-message", Boolean(s.message));
  ROS.put(body, "dataset.phase", s.phase);
  ROS.put(body, "dataset.slotPhase", l.slotPhase);

  ROS.text("title", s.current ? s.current.title : s.event.title);
  ROS.text("clock", ROS.timeOfDay(l.at, true));
  ROS.text("speaker", speakerLine(s, l));
  ROS.put(ROS.text("digits", digits), "style.color", colour);
  ROS.put(ROS.text("word", word), "style.color", colour);
  ROS.put(ROS.text("message", s.message), "hidden", !s.message);
  ROS.text("next", nextLine(s, l));
  drawProgress(s, l, colour);
  ROS.put(document.getElementById("blackout"), "hidden", !s.blackout.includes("stage"));
  // Every text written first, then each fitted to its box: one layout per redraw, none when nothing changed.
  for (const el of document.querySelectorAll("#screen .fit")) if (!el.hidden && el.textContent) fitText(el);
});
