// The layout check of tests/remote/layout.py, run in the page; returns {problems, ellipsed}.
(() => {
  const W = innerWidth, H = innerHeight, SLACK = 1;
  const problems = [], ellipsed = [];
  const shown = (el) => {
    for (let e = el; e && e !== document.documentElement; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.display === "none" || cs.visibility === "hidden" || Number(cs.opacity) === 0) return false;
    }
    return true;
  };
  const stuck = (el) => { for (let e = el; e; e = e.parentElement) if (getComputedStyle(e).position === "sticky") return true; return false; };
  const name = (el) => el.id ? `#${el.id}` : `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`;
  const clips = (el) => { const o = getComputedStyle(el); return o.overflowX !== "visible" || o.overflowY !== "visible"; };
  // A full-screen layer on top (a blackout, the holding slide, an offline cover) hides what is under it.
  const covers = [...document.body.querySelectorAll("*")].filter((el) => {
    if (!shown(el)) return false;
    const cs = getComputedStyle(el), r = el.getBoundingClientRect();
    return cs.position === "fixed" && r.width >= W * 0.95 && r.height >= H * 0.95;
  });
  const underCover = (el) => covers.some((c) => !c.contains(el) && !el.contains(c));
  if (document.documentElement.scrollWidth > W + SLACK) problems.push(`page is ${document.documentElement.scrollWidth} px wide`);
  if (document.documentElement.scrollHeight > H + SLACK) problems.push(`page is ${document.documentElement.scrollHeight} px high`);
  const lines = []; // {el, r}
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim()) continue;
    const el = node.parentElement;
    if (!el || ["SCRIPT", "STYLE", "TITLE"].includes(el.tagName) || !shown(el) || underCover(el)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width < 1 || r.height < 1) continue;
      // The part of the line its clipping boxes let through.
      let top = r.top, bottom = r.bottom, left = r.left, right = r.right, cutX = false;
      for (let e = el; e && e !== document.body; e = e.parentElement) {
        if (!clips(e)) continue;
        const b = e.getBoundingClientRect();
        if (r.top < b.top - SLACK || r.bottom > b.bottom + SLACK) {
          const inside = Math.min(r.bottom, b.bottom) - Math.max(r.top, b.top);
          if (inside > 2 && inside < r.height - 2) problems.push(`a line of ${name(el)} is cut in half by ${name(e)}: "${node.textContent.slice(0, 40)}"`);
        }
        if (r.right > b.right + SLACK || r.left < b.left - SLACK) cutX = true;
        top = Math.max(top, b.top); bottom = Math.min(bottom, b.bottom); left = Math.max(left, b.left); right = Math.min(right, b.right);
      }
      if (bottom - top < 2 || right - left < 2) continue; // scrolled or clipped out of sight
      // A line scrolled under a list's sticky headings is hidden by them, not overlapped.
      const over = document.elementFromPoint((left + right) / 2, (top + bottom) / 2);
      if (over && !el.contains(over) && !over.contains(el) && stuck(over)) continue;
      if (cutX && getComputedStyle(el).textOverflow !== "ellipsis") {
        let ell = false;
        for (let e = el; e && e !== document.body; e = e.parentElement) if (getComputedStyle(e).textOverflow === "ellipsis") ell = true;
        if (!ell) problems.push(`${name(el)} is cut off without an ellipsis: "${node.textContent.slice(0, 40)}"`);
      }
      if (left < -SLACK || top < -SLACK || right > W + SLACK || bottom > H + SLACK) {
        problems.push(`${name(el)} reaches beyond the screen (${Math.round(left)},${Math.round(top)})-(${Math.round(right)},${Math.round(bottom)}): "${node.textContent.slice(0, 40)}"`);
      }
      lines.push({ el, text: node.textContent, top, bottom, left, right });
    }
  }
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      const a = lines[i], b = lines[j];
      if (a.el === b.el || a.el.contains(b.el) || b.el.contains(a.el)) continue;
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      // Glyph boxes of neighbouring lines touch; text over text overlaps by a good part of a line.
      if (w > 3 && h > Math.max(3, 0.25 * Math.min(a.bottom - a.top, b.bottom - b.top))) {
        problems.push(`${name(a.el)} overlaps ${name(b.el)}: "${a.text.slice(0, 30)}" / "${b.text.slice(0, 30)}"`);
      }
    }
  }
  for (const el of document.body.querySelectorAll("*")) {
    if (!shown(el) || underCover(el)) continue;
    if (getComputedStyle(el).textOverflow === "ellipsis" && el.scrollWidth > el.clientWidth + SLACK) ellipsed.push(name(el));
  }
  return { problems: [...new Set(problems)], ellipsed };
})()
