// The audience screen, as runofshow/ui/projector_view.py: the event, the session on now and who is
// speaking; before the start a welcome and the programme; in a break "back at" with a countdown.
"use strict";

const PROGRAMME_LINES = 10;

function people(slot) {
  if (!slot) return [];
  return [...slot.speakers, ...slot.panellists].filter(Boolean);
}

function fillPeople(list, moderator) {
  const box = document.getElementById("people");
  box.replaceChildren();
  for (const person of list) {
    const line = ROS.element("div");
    line.append(ROS.element("span", "name", person.name));
    const aff = [person.role, person.organisation].filter(Boolean).join(", ");
    if (aff) line.append(ROS.element("span", "aff", ` — ${aff}`));
    box.append(line);
  }
  if (moderator) box.append(ROS.element("div", "aff", `Moderated by ${moderator.name}`));
}

function fillProgramme(slots) {
  const list = document.getElementById("programme");
  list.replaceChildren();
  for (const slot of slots.slice(0, PROGRAMME_LINES)) {
    const item = ROS.element("li", "clip");
    item.append(ROS.element("span", "at", ROS.hhmm(slot.start)), slot.title);
    list.append(item);
  }
}

let drawn = "";

ROS.start((s, l) => {
  document.body.dataset.phase = s.phase;
  document.getElementById("blackout").hidden = !s.blackout.includes("projector");
  const venue = s.event.venue;
  // Today's date in the event's zone (the snapshot's time of day as written there), as on the Qt projector.
  const day = (s.time_of_day || s.event.date).slice(0, 10);
  const date = new Date(`${day}T12:00:00Z`).toLocaleDateString("en-GB",
    { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  ROS.text("footer", [venue.name, venue.address, date].filter(Boolean).join(" · "));
  ROS.text("clock", ROS.timeOfDay(l.at, false));
  const isBreak = s.current && s.current.kind === "break" && s.phase !== "between";
  let kicker = "", headline = "", big = "", sub = "", event = s.event.title;
  let speakers = [], moderator = null, programme = [];
  if (s.phase === "pre-show") {
    kicker = "Welcome";
    headline = s.event.title;
    event = "";
    sub = s.target ? `The programme starts at ${(s.target_text || ROS.hhmm(s.target))}` : "";
    programme = s.rundown;
  } else if (s.phase === "finished") {
    kicker = "Thank you";
    headline = `for joining ${s.event.title}`;
    event = "";
  } else if (isBreak) {
    kicker = s.target ? `Break — back at ${(s.target_text || ROS.hhmm(s.target))}` : "Break";
    big = l.targetRemaining === null ? "" : ROS.formatCountdown(Math.max(0, l.targetRemaining));
    headline = s.next ? `Next: ${s.next.title}` : "";
  } else if (s.phase === "between") {
    // Overnight in a multi-day show the room is told when the next day begins, as on the Qt projector.
    kicker = s.later_day && s.target ? `Starting ${s.later_day} at ${(s.target_text || ROS.hhmm(s.target))}` : "Up next";
    headline = s.current.title;
    speakers = people(s.current);
    moderator = s.current.moderator;
  } else {
    kicker = "Now";
    headline = s.current.title;
    speakers = people(s.current);
    moderator = s.current.moderator;
  }
  ROS.text("kicker", kicker);
  ROS.text("event", event);
  ROS.text("headline", headline);
  ROS.text("big", big).hidden = !big;
  ROS.text("sub", sub);
  // Lists are rebuilt only when they change: a redraw runs five times a second.
  const key = JSON.stringify([speakers, moderator, programme.map((p) => p.id)]);
  if (key !== drawn) {
    drawn = key;
    fillPeople(speakers, moderator);
    fillProgramme(programme);
  }
});
