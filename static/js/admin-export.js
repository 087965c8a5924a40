// The export page looks again every few seconds while the file is being prepared, and shows the link
// when it is ready. The status has role="status", so a screen reader hears the change.
const status = document.querySelector("[data-export-status]");
const INTERVAL_MS = 3000;

async function look() {
  const response = await fetch(window.location.href, { credentials: "same-origin" });
  if (!response.ok) return;
  const page = new DOMParser().parseFromString(await response.text(), "text/html");
  const fresh = page.querySelector("[data-export-status]");
  if (!fresh) return;
  if (fresh.dataset.exportStatus !== "pending") {
    status.replaceWith(fresh);
    return;
  }
  window.setTimeout(look, INTERVAL_MS);
}

if (status && status.dataset.exportStatus === "pending") {
  window.setTimeout(look, INTERVAL_MS);
}
