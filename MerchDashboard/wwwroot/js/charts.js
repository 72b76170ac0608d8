// Renders and updates Chart.js 4 charts for the ChartView component. Chart.js is loaded globally
// from lib/chartjs/chart.umd.min.js (copied from npm at build time).
const charts = new WeakMap();

// Turns the server's options.merchFormat (locale, store currency, per axis a style and decimals) into tick and
// tooltip callbacks, so amounts read "£1,234.50" in the store's currency rather than bare numbers.
function formatter(format, axis) {
    if (!axis) {
        return (v) => `${v}`;
    }
    const options = { minimumFractionDigits: axis.decimals, maximumFractionDigits: axis.decimals };
    if (axis.style === "currency") {
        Object.assign(options, { style: "currency", currency: format.currency });
    } else if (axis.style === "percent") {
        options.style = "percent";
    }
    const intl = new Intl.NumberFormat(format.locale, options);
    return (v) => (typeof v === "number" ? intl.format(v) : `${v ?? ""}`);
}

function applyFormat(config) {
    const format = config.options?.merchFormat;
    if (!format) {
        return config;
    }
    delete config.options.merchFormat;
    const y = formatter(format, format.y);
    const x = format.x ? formatter(format, format.x) : null;
    config.options.scales.y.ticks = { callback: (value) => y(value) };
    if (x) {
        config.options.scales.x.ticks = { callback: (value) => x(value) };
    }
    config.options.plugins.tooltip = {
        callbacks: {
            label: (ctx) => x
                ? `${ctx.dataset.label}: ${x(ctx.parsed.x)}, ${y(ctx.parsed.y)}`
                : `${ctx.dataset.label}: ${y(ctx.parsed.y)}`,
        },
    };
    return config;
}

// Axis labels, legends and grid lines take the MudBlazor theme's colors, so they stay readable in dark mode.
function applyThemeColors() {
    const style = getComputedStyle(document.documentElement);
    const text = style.getPropertyValue("--mud-palette-text-secondary").trim();
    const lines = style.getPropertyValue("--mud-palette-lines-default").trim();
    if (text) {
        window.Chart.defaults.color = text;
    }
    if (lines) {
        window.Chart.defaults.borderColor = lines;
    }
}

// Called after the theme changes: every chart on the page redraws in the new colors.
export function restyle() {
    if (!window.Chart) {
        return;
    }
    applyThemeColors();
    for (const chart of Object.values(window.Chart.instances)) {
        chart.update();
    }
}

export function render(canvas, config) {
    applyFormat(config);
    applyThemeColors();
    const existing = charts.get(canvas);
    if (existing) {
        existing.config.type = config.type;
        existing.data = config.data;
        existing.options = config.options;
        existing.update();
        return;
    }
    charts.set(canvas, new window.Chart(canvas, config));
}

export function dispose(canvas) {
    const chart = charts.get(canvas);
    if (chart) {
        chart.destroy();
        charts.delete(canvas);
    }
}

export function download(fileName, text) {
    const blob = new Blob([text], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
}
