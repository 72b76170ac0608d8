import { restyle } from "./charts.js";

// Remembers the theme choice for the server's first paint of the next page load (see ThemePreference.cs).
export function remember(name, value, maxAgeDays) {
    const secure = location.protocol === "https:" ? "; secure" : "";
    document.cookie = `${name}=${encodeURIComponent(value)}; max-age=${maxAgeDays * 86400}; path=/; samesite=lax${secure}`;
}

export function restyleCharts() {
    restyle();
}
