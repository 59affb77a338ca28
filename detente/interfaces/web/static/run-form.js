// detente: say that a long-running form (an escalation comparison) is running once submitted.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("form.run-form").forEach((form) => {
    form.addEventListener("submit", () => {
      const button = form.querySelector("button[type=submit]");
      const status = form.querySelector("[role=status]");
      if (button) { button.disabled = true; button.textContent = "Running…"; }
      if (status) status.textContent = "Running the comparison…";
      document.body.setAttribute("aria-busy", "true");
    });
  });
});
