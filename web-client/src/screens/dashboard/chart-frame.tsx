import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * The width of a box, followed as it changes. The charts are drawn at their real pixel width so
 * their text stays readable from a phone to a projector; the viewBox then lets them scale
 * cleanly when printed.
 */
export function useWidth<T extends Element>(fallback = 560) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const w = Math.round(entry.contentRect.width);
      if (w > 0) setWidth(w);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

/** Below this width, labels go above their bar instead of beside it. */
export const NARROW = 440;

export interface TableColumn { header: string; cells: string[] }

/**
 * A chart with its title, and its figures as a real table (for screen readers, for copying into
 * a report, and for anyone who prefers numbers to bars).
 */
export function ChartFigure({ id, title, rowHeader, rows, columns, note, children }: {
  id: string;
  title: string;
  /** Header of the first column, whose cells name the rows. */
  rowHeader: string;
  rows: string[];
  columns: TableColumn[];
  note?: ComponentChildren;
  children: ComponentChildren;
}) {
  return (
    <figure class="chart" data-testid={`chart-${id}`}>
      <figcaption>{title}</figcaption>
      {children}
      {note && <p class="chart-note">{note}</p>}
      <details class="chart-data">
        <summary>Voir les données<span class="sr-only"> : {title}</span></summary>
        {/* Focusable: on a phone the wider tables scroll sideways, which the keyboard must reach too. */}
        <div class="table-scroll" tabIndex={0} role="region" aria-label={`Données : ${title}`}>
          <table class="data-table">
            <caption class="sr-only">{title}</caption>
            <thead><tr><th scope="col">{rowHeader}</th>{columns.map((c) => <th key={c.header} scope="col">{c.header}</th>)}</tr></thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={r}><th scope="row">{r}</th>{columns.map((c) => <td key={c.header}>{c.cells[i]}</td>)}</tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
