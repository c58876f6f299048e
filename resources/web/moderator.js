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

let drawn = "";

ROS.start((s, l) => {
  document.body.dataset.phase = s.phase;
  document.getElementById("blackout").hidden = !s.blackout.includes("moderator");
  ROS.text("clock", ROS.timeOfDay(l.at, true));
  const message = ROS.text("message", s.message);
  message.hidden = !s.message;
  const slot = s.current;
  const after = s.next ? `After this: ${ROS.hhmm(s.next.start)} ${s.next.title}` : "After this: the end of the show";
  let now = "", cueDigits = "", next = "", panelDigits = "", word = "";
  if (!slot) {
    ROS.text("title", s.phase === "pre-show" ? "The show has not started" : "The show is over");
    now = s.next ? `First: ${s.next.title}` : "";
    cueDigits = s.phase === "pre-show" && l.targetRemaining !== null ? ROS.formatCountdown(l.targetRemaining) : "";
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
      now = s.phase === "between" ? "Waiting for GO" : names ? `Now: ${names}` : "";
    }
    panelDigits = l.countdown;
    word = l.word;
  }
  ROS.text("now", now);
  ROS.text("cue-digits", cueDigits).style.color = l.cueRemaining !== null && l.cueRemaining <= 0
    ? s.theme.colours.overrun : "";
  ROS.text("next", next);
  ROS.text("panel-title", slot && slot.kind === "panel" ? "Panel time left" : slot ? "Time left" : "");
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
