// Material's search panel is a dialog without a name: give it one (WCAG 4.1.2, name, role, value).
document.querySelectorAll('.md-search[role="dialog"]:not([aria-label])').forEach((dialog) => {
  dialog.setAttribute("aria-label", "Search");
});

// A wide table scrolls sideways inside a wrapper the theme adds on every page load: let keyboard
// users reach it (WCAG 2.1.1). Subscribed after the theme's own handler, so the wrappers exist.
document$.subscribe(() => {
  document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])").forEach((wrap) => {
    wrap.tabIndex = 0;
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", "Table (scrolls sideways)");
  });
});
