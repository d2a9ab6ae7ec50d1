// Material's search panel is a dialog without a name: give it one (WCAG 4.1.2, name, role, value).
document.querySelectorAll('.md-search[role="dialog"]:not([aria-label])').forEach((dialog) => {
  dialog.setAttribute("aria-label", "Search");
});
