// The audience screen, as runofshow/ui/projector_view.py: the event, the session on now and who is
// speaking; before the start a welcome and the programme; in a break "back at" with a countdown.
"use strict";

const PROGRAMME_LINES = 10;
const SMALLEST_PX = 10; // below this a text is cut with "…" on one line instead (the Qt displays' min_px)
const KICKER_OF_HEIGHT = 0.055; // "Now" over a talk stays a label, never bigger than the talk's title
const PANEL_PEOPLE = 3; // this many lines in the lower third give it the room of a panel's
const PROGRAMME_OF_HEIGHT = 0.04; // the programme's font at most (Qt: 0.085 of its 0.43-high box)
const PROGRAMME_LEAST = 0.028; // and at least, of the shorter side of the screen: else titles are cut

// Each text at the largest font that fits its box (a grid cell of projector.css): ROS.fitWhole.
function fitText(el, maxPx, minPx = SMALLEST_PX) {
  ROS.fitWhole(el, maxPx, minPx);
}

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
    const item = ROS.element("li");
    item.append(ROS.element("span", "at", ROS.hhmm(slot.start)), ROS.element("span", "", slot.title));
    list.append(item);
  }
}

let drawn = "";

// The holding slide (H in the operator window): the agenda's picture letterboxed on black, or the logo
// with the event's title on navy, as on the Qt projector. Above the show, below a blackout (which wins).
const TOKEN = new URLSearchParams(location.search).get("token") || "";
let holding = null; // the overlay, made the first time the slide goes on

function holdingOverlay() {
  if (holding) return holding;
  const box = ROS.element("div");
  box.id = "holding";
  Object.assign(box.style, { position: "fixed", inset: "0", zIndex: "5", flexDirection: "column",
    alignItems: "center", justifyContent: "center", gap: "4vh", padding: "0 6vw", textAlign: "center" });
  const picture = ROS.element("img");
  picture.id = "holding-picture";
  picture.alt = "";
  const title = ROS.element("div", "headline");
  const where = ROS.element("div", "event");
  box.append(picture, title, where);
  document.body.append(box);
  holding = { box, picture, title, where, on: false };
  return holding;
}

function drawHolding(s, date) {
  if (!s.holding) {
    if (holding) {
      holding.box.style.display = "none";
      holding.on = false;
    }
    return;
  }
  const h = holdingOverlay();
  const image = s.holding_slide === "image";
  h.box.style.display = "flex";
  h.box.style.background = image ? "#000" : "#14213d";
  Object.assign(h.picture.style, image
    ? { width: "100vw", height: "100vh", objectFit: "contain" } // letterboxed, never stretched
    : { width: "auto", height: "40vh", objectFit: "contain" });
  h.box.style.padding = image ? "0" : "0 6vw";
  h.title.textContent = image ? "" : s.event.title;
  h.title.style.display = image ? "none" : "";
  h.where.textContent = image ? "" : [s.event.venue.name, date].filter(Boolean).join(" · ");
  h.where.style.display = image ? "none" : "";
  if (!h.on) {
    // Fetched afresh each time the slide goes on: a reloaded agenda may have brought another picture.
    const query = new URLSearchParams({ v: String(Date.now()) });
    if (TOKEN) query.set("token", TOKEN);
    h.picture.src = `/api/holding-slide?${query}`;
    h.on = true;
  }
}

ROS.start((s, l) => {
  document.body.dataset.phase = s.phase;
  document.getElementById("blackout").hidden = !s.blackout.includes("projector");
  const venue = s.event.venue;
  // Today's date in the event's zone (the snapshot's time of day as written there), as on the Qt projector.
  const day = (s.time_of_day || s.event.date).slice(0, 10);
  const date = new Date(`${day}T12:00:00Z`).toLocaleDateString("en-GB",
    { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  ROS.text("footer", [venue.name, venue.address, date].filter(Boolean).join(" · "));
  drawHolding(s, date);
  ROS.text("clock", ROS.timeOfDay(l.at, false));
  const isBreak = s.current && s.current.kind === "break" && s.phase !== "between";
  let kicker = "", headline = "", big = "", sub = "", mode = "talk";
  let speakers = [], moderator = null, programme = [];
  // The lines that say when come from Python, as on the Qt projector (docs/display-words.md): never a
  // time already past, never 00:00 held.
  const said = l.words || {};
  if (s.phase === "pre-show") {
    // The event's title is in the band above, as on the Qt projector.
    kicker = "Welcome";
    sub = said.audience || "";
    programme = s.rundown;
    mode = "welcome";
  } else if (s.phase === "finished") {
    kicker = "Thank you";
    headline = `for joining ${s.event.title}`;
    mode = "thanks";
  } else if (isBreak) {
    kicker = said.audience || "Break";
    big = said.audience_countdown ? ROS.formatCountdown(l.remaining) : "";
    headline = s.next ? `Next: ${s.next.title}` : "";
    mode = big ? "break" : "break-words";
  } else if (s.phase === "between") {
    // "Up next", or overnight in a multi-day show when the next day begins.
    kicker = said.audience || "Up next";
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
  ROS.text("event", s.event.title);
  ROS.text("headline", headline);
  ROS.text("big", big).hidden = !big;
  ROS.text("sub", sub);
  // Lists are rebuilt only when they change: a redraw runs every second.
  const key = JSON.stringify([speakers, moderator, programme.map((p) => p.id)]);
  if (key !== drawn) {
    drawn = key;
    fillPeople(speakers, moderator);
    fillProgramme(programme);
  }
  const lines = speakers.length + (moderator ? 1 : 0);
  document.body.dataset.mode = mode === "talk" && lines >= PANEL_PEOPLE ? "panel" : mode;
  // Every text written first, then each fitted to its box: one layout per redraw, none when nothing changed.
  const labelOnly = mode === "talk" ? KICKER_OF_HEIGHT * innerHeight : Infinity;
  for (const el of document.querySelectorAll("#screen .fit")) {
    if (el.hidden || !el.textContent) continue;
    if (el.id === "programme") {
      // As the Qt projector: a line at most a short programme's size, and long titles cut with "…" rather
      // than the whole list too small to read from the back of the room.
      fitText(el, PROGRAMME_OF_HEIGHT * innerHeight,
              Math.max(SMALLEST_PX, PROGRAMME_LEAST * Math.min(innerWidth, innerHeight)));
    } else {
      fitText(el, el.id === "kicker" ? labelOnly : Infinity);
    }
  }
}, ["rundown"]); // the parts of the state this view draws (common.js)
