// The moderator's tablet, as runofshow/ui/moderator_view.py: who is on the panel, whose turn it is
// and how long it has left, what comes next, and how long the whole panel has.
"use strict";

function peopleItems(s) {
  const slot = s.current;
  const speaking = s.cue && s.cue.speaker ? s.cue.speaker.name : null;
  const items = [];
  if (!slot) return items;
  if (slot.moderator) items.push([`${slot.moderator.name} (moderator)`, slot.moderator.name === speaking]);
  slot.panellists.forEach((p, i) => {
    const org = [p.role, p.organisation].filter(Boolean).join(", ");
    items.push([`${i + 1}. ${p.name}${org ? `, ${org}` : ""}`, p.name === speaking]);
  });
  for (const p of slot.speakers) items.push([p.label, p.name === speaking]);
  return items;
}

function orderItems(s) {
  // As the Qt moderator view: from the current cue on, when each one starts if every turn keeps its
  // length (so the moderator sees when to cut to Q&A and when to close); earlier cues are done.
  const slot = s.current;
  if (!slot || !slot.cues.length) return [];
  if (!s.cue || !s.cue_timer) {
    let offset = 0;
    return slot.cues.map((cue) => {
      const at = timeAfter(slot.start, offset);
      offset += cue.duration;
      return [`${at}  ${cue.title}${cue.speaker ? ` — ${cue.speaker.name}` : ""}`, ""];
    });
  }
  let begins = s.server_time - s.cue_timer.elapsed;
  const items = slot.cues.map((cue, i) => {
    const who = cue.speaker ? ` — ${cue.speaker.name}` : "";
    if (i < s.cue.index) return [`${cue.title}${who}`, "done"];
    const at = ROS.timeOfDay(begins, false);
    begins += cue.duration;
    return [`${at}  ${cue.title}${who}`, i === s.cue.index ? "on" : ""];
  });
  const close = s.server_time + Math.max(s.timer.remaining, 0);
  items.push([`${ROS.timeOfDay(close, false)}  Close the panel`, ""]);
  return items;
}

function timeAfter(iso, seconds) {
  const [h, m] = [Number(iso.slice(11, 13)), Number(iso.slice(14, 16))];
  const total = h * 60 + m + Math.floor(seconds / 60);
  return `${String(Math.floor(total / 60) % 24).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
}

function fillList(id, items) {
  const list = document.getElementById(id);
  list.replaceChildren(...items.map(([text, mark]) =>
    ROS.element("li", typeof mark === "string" ? mark : mark ? "on" : "", text)));
  fittedFor.delete(list); // new items, all shown: fitted again even if their words are the same
}

// Who the people box heads: a panel as the Qt view does; a talk's people are its speaker or speakers.
function peopleHeading(slot) {
  if (slot.kind === "panel" || slot.panellists.length) return "On the panel";
  return (slot.moderator ? 1 : 0) + slot.speakers.length === 1 ? "Speaker" : "Speakers";
}

// A turn's digits: green, amber from `cue_timer.warning` seconds left, red from 00:00, as the Qt view's
// (core/phase_style.py cue_phase). The colour changes on the instant the shown second does, so this page's
// own countdown turns it at the right second between two snapshots, with the redraw of the digits.
function cuePhase(remaining, warning) {
  return remaining <= 0 ? "overrun" : remaining <= warning ? "warning" : "normal";
}

// -- fitting each text to its box ---------------------------------------------------------------------
const fitsBox = (el) => el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1;
const fittedFor = new WeakMap(); // element -> the text and box it was last fitted for (and what it shows)

// `text` in `el` at the largest font that fits the box the grid gives it (ROS.fit), up to `maxPx`. Where
// even `minPx` will not do, it is cut after the last word that fits, with "…": no line is ever half shown.
function fitLine(el, text, maxPx, minPx = 12) {
  const key = `${text}|${el.clientWidth}x${el.clientHeight}|${maxPx}|${minPx}`;
  const last = fittedFor.get(el);
  if (last && last.key === key && last.shown === el.textContent) return;
  if (el.textContent !== text) el.textContent = text;
  ROS.fit(el, maxPx, minPx);
  if (!fitsBox(el)) {
    const words = text.split(" ");
    let low = 0, high = words.length - 1; // the most words that fit with "…" after them
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      el.textContent = `${words.slice(0, middle).join(" ")}…`;
      if (fitsBox(el)) low = middle; else high = middle - 1;
    }
    el.textContent = `${words.slice(0, low).join(" ")}…`;
  }
  fittedFor.set(el, { key, shown: el.textContent });
}

// A list at the largest font that fits (ROS.fit). Where even `minPx` will not do, it leaves out its done
// items first, then its last ones; never the one that is on.
function fitList(list, maxPx, minPx = 12) {
  const key = `${list.textContent}|${list.clientWidth}x${list.clientHeight}|${maxPx}|${minPx}`;
  const last = fittedFor.get(list);
  if (last && last.key === key) return;
  const items = [...list.children];
  for (const item of items) item.hidden = false;
  ROS.fit(list, maxPx, minPx);
  const done = items.filter((li) => li.classList.contains("done"));
  const later = items.filter((li) => !li.classList.contains("done") && !li.classList.contains("on")).reverse();
  for (const item of [...done, ...later]) {
    if (fitsBox(list)) break;
    item.hidden = true;
  }
  fittedFor.set(list, { key, shown: "" });
}

// Digits fill their box: a line as high as it is (line-height 1.2), or as wide.
function fitDigits(el) {
  ROS.fit(el, Math.max(12, el.clientHeight / 1.2), 12);
}

// Shows or hides a message's box, as high as its lines need at a readable size (estimated from its length
// and the screen's width, never measured: the font is then fitted to the box). Returns that height, px.
function messageBox(id, text, m) {
  const box = document.getElementById(id);
  const font = Math.max(14, 2.6 * m), width = innerWidth * 0.94 - 3.2 * m; // less the page's and box's padding
  const perLine = Math.max(10, width / (0.6 * font)); // characters of bold DejaVu Sans
  const height = text ? (Math.ceil(text.length / perLine) + 0.5) * 1.2 * font + 3 * m : 0;
  box.hidden = !text;
  box.style.flexGrow = String(height);
  return height;
}

// What each mode shows of the lines whose place changes, with their largest size in m (1% of the screen's
// shorter side): so a short line does not shout on a big screen, and a long one wraps before it shrinks.
const LINES = {
  panel: { now: 6, next: 4.6, word: 6, after: 4.6 },
  slot: { word: 8, after: 5 },
  idle: { now: 7, word: 5, next: 5 },
};

let drawn = "";

ROS.start((s, l) => {
  const body = document.body;
  const screen = document.getElementById("screen");
  const slot = s.current;
  const mode = !slot ? "idle" : s.cue ? "panel" : "slot";
  body.dataset.phase = s.phase;
  body.dataset.mode = mode;
  document.getElementById("blackout").hidden = !s.blackout.includes("moderator");
  ROS.text("clock", ROS.timeOfDay(l.at, true));

  // The moderator's own message first; with both, the stage's says whose it is.
  const forModerator = s.moderator_message || "";
  const onStage = s.message && forModerator ? `On stage: ${s.message}` : s.message || "";
  const m = Math.min(innerWidth, innerHeight) / 100; // sizes grow with the screen's shorter side
  const messages = messageBox("moderator-message", forModerator, m) + messageBox("message", onStage, m);
  body.dataset.msgs = messages ? "1" : "0";
  screen.style.setProperty("--msgs", `${Math.round(Math.min(messages, 0.45 * innerHeight))}px`);

  // In a break "after this" is when it says it is back; no time once over it (the next one starts at GO).
  const afterAt = l.words ? l.words.next_at : s.next ? ROS.hhmm(s.next.start) : "";
  const after = s.next ? `After this: ${afterAt ? `${afterAt} ` : ""}${s.next.title}` : "After this: the end of the show";
  let title = "", now = "", cueDigits = "", next = "", panelDigits = "", word = "";
  let cueColour = "";
  if (!slot) {
    // As the Qt view: the event's title above, what the moment is in the middle, the digits muted.
    title = s.event.title;
    now = s.phase === "pre-show" ? "The show has not started" : "The show is over";
    next = s.next ? `First: ${s.next.title}` : "";
    cueDigits = s.phase === "pre-show" && l.targetRemaining !== null ? ROS.formatCountdown(l.targetRemaining) : "";
    if (cueDigits) word = l.word; // what the digits count: until / past the planned start
    cueColour = s.theme.colours.none;
  } else {
    title = slot.title;
    if (s.cue) {
      const who = s.cue.speaker ? `${s.cue.speaker.name}: ` : "";
      now = `Now: ${who}${s.cue.title}`;
      // A turn with another after it never runs over: the laptop moves on to the next one at 00:00 (its
      // snapshot comes at once), so this page's own countdown stops there rather than flash red before it.
      const last = !s.next_cue;
      const remaining = last ? l.cueRemaining : Math.max(l.cueRemaining, 0);
      const phase = cuePhase(remaining, s.cue_timer.warning);
      cueDigits = ROS.formatCountdown(remaining);
      cueColour = s.theme.colours[phase === "overrun" && !last ? "warning" : phase];
      const upcoming = s.next_cue;
      next = upcoming ? `Next: ${upcoming.speaker ? `${upcoming.speaker.name}: ` : ""}${upcoming.title}`
        : "Next: close the panel";
    }
    // Waiting for a planned start (roll mode, a later day): the digits count to it, as on the stage.
    const waiting = s.phase === "between" && l.targetRemaining !== null;
    panelDigits = waiting ? ROS.formatCountdown(l.targetRemaining) : l.countdown;
    word = l.word;
  }
  ROS.text("cue-digits", cueDigits).style.color = cueColour;
  ROS.text("panel-title", slot && slot.kind === "panel" ? "Panel time left" : "Time left");
  ROS.text("panel-digits", panelDigits).style.color = l.colour;
  document.getElementById("word").style.color = l.colour;
  const people = peopleItems(s), order = orderItems(s);
  ROS.text("people-title", slot ? peopleHeading(slot) : "");
  document.getElementById("order-title").hidden = !order.length;
  body.dataset.people = people.length ? "1" : "0";
  // Outside a panel the people's row grows with their number (a talk's one speaker, a session's five).
  screen.style.setProperty("--people", `${people.length ? Math.min(5 * (1 + people.length), 30) : 0}fr`);
  const key = JSON.stringify([people, order]);
  if (key !== drawn) {
    drawn = key;
    fillList("people", people);
    fillList("order", order);
  }

  // Every text at the largest size its box takes (the boxes are laid out by now: the mode, the rows).
  const line = (id, text, maxPx, minPx) => fitLine(document.getElementById(id), text, maxPx, minPx);
  line("title", title, 6 * m);
  if (forModerator) line("moderator-message-text", forModerator, 6 * m, 13); else ROS.text("moderator-message-text", "");
  if (onStage) line("message-text", onStage, 6 * m, 13); else ROS.text("message-text", "");
  const shown = LINES[mode];
  for (const [id, text] of Object.entries({ now, next, word, after: slot ? after : "" })) {
    if (shown[id]) line(id, text, shown[id] * m); else ROS.text(id, text);
  }
  if (mode === "panel") {
    fitDigits(document.getElementById("cue-digits"));
    fitDigits(document.getElementById("panel-digits"));
    fitList(document.getElementById("people"), 4.6 * m);
    fitList(document.getElementById("order"), 3.6 * m);
  } else if (mode === "slot") {
    fitList(document.getElementById("people"), 5.5 * m);
    fitDigits(document.getElementById("panel-digits"));
  } else {
    fitDigits(document.getElementById("cue-digits"));
  }
});
