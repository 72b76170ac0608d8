/*
 * MerchDashboard storefront widget: <merch-frequently-bought-with sku="LAP-0001" key="mdk_..." api="https://merch.example">.
 * Framework-free. Renders the product's frequently-bought-with list as a labelled list of links, keeps a visitor id
 * in local storage (a first-party cookie where storage is blocked), and posts an impression when the list is seen
 * and a click when an item is followed. Any refusal renders nothing and is logged to the console.
 * Optional attributes: limit (1-20, default 4), heading, link-template and image-template ("{sku}" is replaced).
 */
(() => {
  const VISITOR_KEY = "merch.visitorId";
  const CLICK_NAVIGATION_DELAY_MS = 600;

  function randomId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, b => b.toString(16).padStart(2, "0")).join("");
  }

  function visitorId() {
    try {
      let id = localStorage.getItem(VISITOR_KEY);
      if (!id) { id = randomId(); localStorage.setItem(VISITOR_KEY, id); }
      return id;
    } catch {
      const match = document.cookie.match(/(?:^|; )merch_visitor=([^;]+)/);
      if (match) return decodeURIComponent(match[1]);
      const id = randomId();
      document.cookie = `merch_visitor=${encodeURIComponent(id)}; path=/; max-age=31536000; SameSite=Lax`;
      return id;
    }
  }

  class FrequentlyBoughtWith extends HTMLElement {
    connectedCallback() {
      if (this._started) return;
      this._started = true;
      this.load().catch(error => console.error("merch-frequently-bought-with: the list could not be loaded", error));
    }

    disconnectedCallback() {
      if (this._observer) this._observer.disconnect();
    }

    get apiBase() { return (this.getAttribute("api") || "").replace(/\/+$/, ""); }

    headers(json) {
      const headers = { "X-Api-Key": this.getAttribute("key") || "", "X-Visitor-Id": this._visitor };
      if (json) headers["Content-Type"] = "application/json";
      return headers;
    }

    async load() {
      const sku = this.getAttribute("sku");
      if (!sku || !this.getAttribute("key")) {
        console.error("merch-frequently-bought-with: the sku and key attributes are required");
        return;
      }
      this._visitor = visitorId();
      const limit = this.getAttribute("limit") || "4";
      const url = `${this.apiBase}/api/v1/products/${encodeURIComponent(sku)}/frequently-bought-with`
        + `?visitorId=${encodeURIComponent(this._visitor)}&limit=${encodeURIComponent(limit)}`;
      const response = await fetch(url, { headers: this.headers(false), credentials: "omit" });
      if (!response.ok) {
        const problem = await response.json().catch(() => ({}));
        console.warn(`merch-frequently-bought-with: the API refused the list (${response.status}): ${problem.detail || problem.title || ""}`);
        return;
      }
      const list = await response.json();
      if (!list.items || list.items.length === 0) return;
      this.render(list);
      this.watchImpression(list);
    }

    render(list) {
      const headingId = `merch-fbw-${Math.random().toString(36).slice(2)}`;
      const price = new Intl.NumberFormat(document.documentElement.lang || navigator.language, { style: "currency", currency: list.currency || "USD" });
      const linkTemplate = this.getAttribute("link-template") || "/products/{sku}";
      const imageTemplate = this.getAttribute("image-template");
      const section = document.createElement("section");
      section.className = "merch-fbw";
      section.setAttribute("aria-labelledby", headingId);
      const heading = document.createElement("h2");
      heading.id = headingId;
      heading.textContent = this.getAttribute("heading") || "Frequently bought with";
      const ul = document.createElement("ul");
      ul.setAttribute("role", "list");
      for (const item of list.items) {
        const li = document.createElement("li");
        const a = document.createElement("a");
        a.href = linkTemplate.replace("{sku}", encodeURIComponent(item.sku));
        a.dataset.sku = item.sku;
        if (imageTemplate) {
          const img = document.createElement("img");
          img.src = imageTemplate.replace("{sku}", encodeURIComponent(item.sku));
          img.alt = item.name;
          img.width = 96;
          img.height = 96;
          img.loading = "lazy";
          a.append(img);
        }
        const name = document.createElement("span");
        name.className = "merch-fbw__name";
        name.textContent = item.name;
        const amount = document.createElement("span");
        amount.className = "merch-fbw__price";
        amount.textContent = price.format(item.price);
        a.append(name, " ", amount);
        a.addEventListener("click", event => this.clicked(event, a, list, item));
        li.append(a);
        ul.append(li);
      }
      section.append(heading, ul);
      this.replaceChildren(section);
    }

    watchImpression(list) {
      const post = () => this.post(list.items.map(item => this.event("impression", list, item)));
      if (!("IntersectionObserver" in window)) { post(); return; }
      this._observer = new IntersectionObserver(entries => {
        if (entries.some(e => e.isIntersecting)) { this._observer.disconnect(); post(); }
      }, { threshold: 0.5 });
      this._observer.observe(this);
    }

    clicked(event, link, list, item) {
      const sent = this.post([this.event("click", list, item)], true);
      const plain = event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey;
      if (!plain) return;
      event.preventDefault();
      const go = () => { window.location.href = link.href; };
      Promise.race([sent, new Promise(resolve => setTimeout(resolve, CLICK_NAVIGATION_DELAY_MS))]).then(go, go);
    }

    event(type, list, item) {
      return {
        type, recommendationId: list.recommendationId, sku: item.sku, anchorSku: list.sku,
        slot: item.slot, source: item.source, visitorId: this._visitor, placement: "product",
      };
    }

    async post(events, keepalive = false) {
      try {
        const response = await fetch(`${this.apiBase}/api/v1/events`, {
          method: "POST", headers: this.headers(true), body: JSON.stringify({ events }), credentials: "omit", keepalive,
        });
        if (!response.ok) console.warn(`merch-frequently-bought-with: the API refused ${events[0].type} events (${response.status})`);
        else this.dispatchEvent(new CustomEvent("merch-events-sent", { detail: { type: events[0].type, count: events.length }, bubbles: true }));
      } catch (error) {
        console.warn("merch-frequently-bought-with: events could not be sent", error);
      }
    }
  }

  if (!customElements.get("merch-frequently-bought-with")) {
    customElements.define("merch-frequently-bought-with", FrequentlyBoughtWith);
  }
})();
