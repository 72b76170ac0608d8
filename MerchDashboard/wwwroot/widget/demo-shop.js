// The demo shop's "events received" box: refreshed after the widget sends events and every few seconds.
(() => {
  const count = document.querySelector("[data-testid=demo-events-count]");
  const latest = document.querySelector("[data-testid=demo-events-latest]");
  if (!count || !latest) return;
  async function refresh() {
    const response = await fetch("/demo-shop/events-received", { credentials: "same-origin" });
    if (!response.ok) return;
    const received = await response.json();
    count.textContent = String(received.count);
    latest.replaceChildren(...received.latest.map(e => {
      const li = document.createElement("li");
      li.textContent = `${e.type} of ${e.sku} (slot ${e.slot}) at ${new Date(e.at).toISOString().slice(11, 19)} UTC`;
      return li;
    }));
  }
  document.addEventListener("merch-events-sent", () => refresh().catch(() => {}));
  setInterval(() => refresh().catch(() => {}), 5000);
})();
