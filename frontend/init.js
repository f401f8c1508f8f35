// Start GOV.UK Frontend's components (kept out of the page so no inline script is needed).
import { initAll } from "./govuk/govuk-frontend.min.js";
initAll();

// A table too wide for the page scrolls sideways inside its wrapper. Keyboard users must be able to
// reach and scroll it (WCAG 2.1.1; axe's scrollable-region-focusable), so a wrapper that scrolls is
// made a focusable region named after its table's caption; one that no longer scrolls is put back.
// (A wrapper with its own tabindex in the template, as in the reports, is left alone.)
function scrollingTablesFocusable() {
  for (const wrap of document.querySelectorAll(".accord-table-wrap")) {
    const ours = wrap.hasAttribute("data-accord-scrolls");
    if (wrap.hasAttribute("tabindex") && !ours) continue;
    const scrolls = wrap.scrollWidth > wrap.clientWidth;
    if (scrolls && !ours) {
      const caption = wrap.querySelector("caption");
      wrap.setAttribute("data-accord-scrolls", "");
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", caption ? caption.textContent.trim() : "Table");
    } else if (!scrolls && ours) {
      for (const name of ["data-accord-scrolls", "tabindex", "role", "aria-label"]) wrap.removeAttribute(name);
    }
  }
}
scrollingTablesFocusable();
window.addEventListener("load", scrollingTablesFocusable);
window.addEventListener("resize", scrollingTablesFocusable);
