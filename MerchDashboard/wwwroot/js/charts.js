// Renders and updates Chart.js 4 charts for the ChartView component. Chart.js is loaded globally
// from lib/chartjs/chart.umd.min.js (copied from npm at build time).
const charts = new WeakMap();

export function render(canvas, config) {
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
