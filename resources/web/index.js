// Carry the token (if the address had one) into the links to the views.
"use strict";
const indexToken = new URLSearchParams(location.search).get("token");
if (indexToken) {
  for (const link of document.querySelectorAll("a[href^='/']")) {
    link.href = `${link.getAttribute("href")}?token=${encodeURIComponent(indexToken)}`;
  }
}
