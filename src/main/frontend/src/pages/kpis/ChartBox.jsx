// One KPI chart (Chart.js, loaded on first use as its own chunk) with its data as a table underneath: the table is the
// chart's accessible equivalent (the canvas only carries a short label) and opens on demand.
import { useEffect, useRef, useState } from 'preact/hooks';

let chartModule;
function loadChart() {
  chartModule ||= import('chart.js/auto').then((m) => m.default);
  return chartModule;
}

/** Colours with enough contrast on white, distinguishable in order. */
export const PALETTE = ['#0b5cad', '#c2410c', '#1a7f37', '#7e22ce', '#b42318', '#0e7490', '#8a5a00', '#475569'];

/**
 * @param {{id: string, title: string, summary: string, config: object, columns: string[],
 *   rows: Array<Array<any>>, empty?: string}} props  rows: the table's cells, first cell the row header
 */
export function ChartBox({ id, title, summary, config, columns, rows, empty }) {
  const canvas = useRef(null);
  const [failed, setFailed] = useState(null);
  const hasData = rows && rows.length > 0;

  useEffect(() => {
    if (!hasData || !canvas.current) return undefined;
    let chart;
    let cancelled = false;
    loadChart().then((Chart) => {
      if (cancelled || !canvas.current) return;
      chart = new Chart(canvas.current, {
        ...config,
        options: {
          responsive: true, maintainAspectRatio: false, animation: false,
          ...config.options,
          plugins: { legend: { position: 'bottom' }, ...(config.options?.plugins || {}) },
        },
      });
    }, (e) => setFailed(e));
    return () => { cancelled = true; chart?.destroy(); };
  }, [JSON.stringify(config), hasData]);

  return (
    <figure class="bo-chart" aria-labelledby={`${id}-title`} data-testid={`chart-${id}`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {!hasData && <p class="empty">{empty || 'No data in this range.'}</p>}
      {hasData && (
        <>
          <div class="canvas-box">
            <canvas ref={canvas} role="img" aria-label={`${title}: ${summary}. The data table below has the figures.`} />
          </div>
          {failed && <p class="muted">The chart cannot be drawn here; the table has the figures.</p>}
          <details open={!!failed}>
            <summary>Data table</summary>
            <div class="table-wrap" tabIndex={0} role="region" aria-label="Scrollable table">
              <table class="bo-table" data-testid={`table-${id}`}>
                <caption class="bo-sr-only">{title}</caption>
                <thead><tr>{columns.map((c, i) => <th key={c} scope="col" class={i > 0 ? 'num' : ''}>{c}</th>)}</tr></thead>
                <tbody>
                  {rows.map((r, n) => (
                    <tr key={n}>
                      {r.map((cell, i) => (i === 0 ? <th key={i} scope="row">{cell}</th> : <td key={i} class="num">{cell}</td>))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </figure>
  );
}
