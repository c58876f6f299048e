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
}

// The stage manager's message for the moderator alone: made here, above the stage's message, so the
// page stays one file to change. Orange like the Qt moderator view's strip; the stage's is yellow.
function moderatorMessageBox() {
  let box = document.getElementById("moderator-message");
  if (!box) {
    box = ROS.element("div", "message wrap2");
    box.id = "moderator-message";
    box.style.background = "#fca311";
    box.hidden = true;
    document.getElementById("message").before(box);
  }
  return box;
}

let drawn = "";

ROS.start((s, l) => {
  document.body.dataset.phase = s.phase;
  document.getElementById("blackout").hidden = !s.blackout.includes("moderator");
  ROS.text("clock", ROS.timeOfDay(l.at, true));
  const forModerator = s.moderator_message || "";
  const mine = moderatorMessageBox();
  if (mine.textContent !== forModerator) mine.textContent = forModerator;
  mine.hidden = !forModerator;
  // With both, the stage's message says whose it is: the moderator reads theirs first.
  const message = ROS.text("message", s.message && forModerator ? `On stage: ${s.message}` : s.message);
  message.hidden = !s.message;
  const slot = s.current;
  // In a break "after this" is when it says it is back; no time once over it (the next one starts at GO).
  const afterAt = l.words ? l.words.next_at : s.next ? ROS.hhmm(s.next.start) : "";
  const after = s.next ? `After this: ${afterAt ? `${afterAt} ` : ""}${s.next.title}` : "After this: the end of the show";
  let now = "", cueDigits = "", next = "", panelDigits = "", word = "";
  if (!slot) {
    ROS.text("title", s.phase === "pre-show" ? "The show has not started" : "The show is over");
    now = s.next ? `First: ${s.next.title}` : "";
    cueDigits = s.phase === "pre-show" && l.targetRemaining !== null ? ROS.formatCountdown(l.targetRemaining) : "";
    if (cueDigits) word = l.word; // what the digits count: until / past the planned start
  } else {
    ROS.text("title", slot.title);
    if (s.cue) {
      const who = s.cue.speaker ? `${s.cue.speaker.name}: ` : "";
      now = `Now: ${who}${s.cue.title}`;
      cueDigits = ROS.formatCountdown(l.cueRemaining);
      const upcoming = s.next_cue;
      next = upcoming ? `Next: ${upcoming.speaker ? `${upcoming.speaker.name}: ` : ""}${upcoming.title}`
        : "Next: close the panel";
    } else {
      const names = ROS.names([slot.moderator, ...slot.panellists, ...slot.speakers]);
      now = s.phase === "between" ? names : names ? `Now: ${names}` : ""; // the word says STANDBY
    }
    // Waiting for a planned start (roll mode, a later day): the digits count to it, as on the stage.
    const waiting = s.phase === "between" && l.targetRemaining !== null;
    panelDigits = waiting ? ROS.formatCountdown(l.targetRemaining) : l.countdown;
    word = l.word;
  }
  ROS.text("now", now);
  ROS.text("cue-digits", cueDigits).style.color = l.cueRemaining !== null && l.cueRemaining <= 0
    ? s.theme.colours.overrun : "";
  ROS.text("next", next);
  const counting = slot && !(s.phase === "between" && l.targetRemaining !== null);
  ROS.text("panel-title", counting ? (slot.kind === "panel" ? "Panel time left" : "Time left") : "");
  ROS.text("panel-digits", panelDigits).style.color = l.colour;
  ROS.text("word", word).style.color = l.colour;
  ROS.text("after", slot ? after : "");
  const people = peopleItems(s), order = orderItems(s);
  document.getElementById("people-title").hidden = !people.length;
  document.getElementById("order-title").hidden = !order.length;
  const key = JSON.stringify([people, order]);
  if (key !== drawn) {
    drawn = key;
    fillList("people", people);
    fillList("order", order);
  }
});
