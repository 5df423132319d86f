import { useEffect, useState } from 'preact/hooks';
import { ApiError, gql } from '../../api';
import { BOARD_QUERY, COLUMN_QUERY, ColumnPage, SynergyCard, SynergyStatus } from '../../queries-pipeline';
import { href, navigate } from '../../router';
import { Card } from './Card';
import { BoardFilters, Filters, filterParams } from './Filters';
import { STATUS_LABELS, STATUSES } from './labels';
import { Movable, useMover } from './Mover';

const PAGE_SIZE = 20;
type Columns = Record<SynergyStatus, ColumnPage>;

/** Newest first, like the API, so a moved card lands where a reload would put it. */
function insert(nodes: SynergyCard[], card: SynergyCard): SynergyCard[] {
  const rest = nodes.filter((n) => n.id !== card.id);
  const at = rest.findIndex((n) => n.createdAt < card.createdAt || (n.createdAt === card.createdAt && n.id < card.id));
  return at < 0 ? [...rest, card] : [...rest.slice(0, at), card, ...rest.slice(at)];
}

const territoryProblem = (e: unknown) => (e as ApiError).code === 'BAD_USER_INPUT' && /territoryCode/.test((e as Error).message);

export function Board({ filters }: { filters: Filters }) {
  const [columns, setColumns] = useState<Columns | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [territoryError, setTerritoryError] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');
  const [focusId, setFocusId] = useState<string | null>(null);
  const [dragged, setDragged] = useState<SynergyCard | null>(null);
  const [loadingMore, setLoadingMore] = useState<SynergyStatus | null>(null);

  useEffect(() => {
    let live = true;
    setColumns(null);
    setError(null);
    setTerritoryError(null);
    gql<Columns>(BOARD_QUERY, { kind: filters.kind, territoryCode: filters.territory, first: PAGE_SIZE }).then(
      (d) => live && setColumns(d),
      (e: Error) => {
        if (!live) return;
        if (territoryProblem(e)) setTerritoryError(`Aucun territoire n’a le code « ${filters.territory} ».`);
        else setError(e.message);
      },
    );
    return () => { live = false; };
  }, [filters.kind, filters.territory]);

  useEffect(() => {
    if (!focusId) return;
    document.getElementById(`card-${focusId}`)?.focus();
    setFocusId(null);
  }, [focusId]);

  const mover = useMover((before: Movable, after: SynergyCard) => {
    setColumns((cols) => {
      if (!cols) return cols;
      const from = cols[before.status];
      const to = cols[after.status];
      return {
        ...cols,
        [before.status]: { ...from, totalCount: from.totalCount - 1, nodes: from.nodes.filter((n) => n.id !== before.id) },
        [after.status]: { ...to, totalCount: to.totalCount + 1, nodes: insert(to.nodes, after) },
      };
    });
    setAnnounce(`« ${after.title} » est passée de « ${STATUS_LABELS[before.status]} » à « ${STATUS_LABELS[after.status]} ».`);
    setFocusId(after.id);
  });

  async function more(status: SynergyStatus) {
    const page = columns![status];
    setLoadingMore(status);
    try {
      const { trackedSynergies: next } = await gql<{ trackedSynergies: ColumnPage }>(COLUMN_QUERY, {
        filter: { kind: filters.kind, territoryCode: filters.territory, status }, first: PAGE_SIZE, after: page.pageInfo.endCursor,
      });
      setColumns((cols) => cols && {
        ...cols,
        [status]: { ...next, nodes: next.nodes.reduce(insert, cols[status].nodes) },
      });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setLoadingMore(null);
    }
  }

  const accepts = (status: SynergyStatus) => !!dragged && dragged.nextStatuses.includes(status);
  function drop(e: DragEvent, status: SynergyStatus) {
    e.preventDefault();
    const card = dragged;
    setDragged(null);
    if (card && card.nextStatuses.includes(status)) mover.move(card, status);
  }

  const total = columns ? STATUSES.reduce((n, s) => n + columns[s].totalCount, 0) : 0;
  const filtered = !!(filters.kind || filters.territory);
  return (
    <>
      <BoardFilters value={filters} territoryError={territoryError} onChange={(f) => navigate('suivi', filterParams(f))} />
      <p class="sr-only" aria-live="polite">{announce}</p>
      {error && <p role="alert" class="error-box">{error}</p>}
      {!columns && !error && !territoryError && <p role="status">Chargement des synergies suivies…</p>}
      {columns && (
        <>
          <p class="hint">
            {total === 0
              ? <>Aucune synergie suivie{filtered ? ' pour ces filtres' : ''}. Repérez-en une dans l’<a href={href('explorer')}>Explorateur</a> et choisissez « Suivre cette synergie ».</>
              : <>{total} synergie{total > 1 ? 's' : ''} suivie{total > 1 ? 's' : ''}. Déplacez une carte avec ses boutons « Déplacer vers », ou glissez-la vers une autre colonne.</>}
          </p>
          <div class={`pipeline-board${dragged ? ' dragging' : ''}`} data-testid="pipeline-board">
            {STATUSES.map((status) => {
              const page = columns[status];
              const ok = accepts(status);
              return (
                <section key={status} class={`pipeline-column col-${status}${ok ? ' drop-ok' : dragged && dragged.status !== status ? ' drop-no' : ''}`}
                  aria-labelledby={`col-${status}`} data-testid={`column-${status}`}
                  onDragEnter={(e) => { if (ok) e.preventDefault(); }}
                  onDragOver={(e) => { if (ok) { e.preventDefault(); e.dataTransfer!.dropEffect = 'move'; } }}
                  onDrop={(e) => drop(e, status)}>
                  <h2 id={`col-${status}`}>{STATUS_LABELS[status]} <span class="count">({page.totalCount})</span></h2>
                  {page.nodes.length === 0 ? <p class="empty">Aucune synergie.</p> : (
                    <ul>
                      {page.nodes.map((card) => (
                        <Card key={card.id} card={card} mover={mover} filters={filters}
                          onDragStart={() => setDragged(card)} onDragEnd={() => setDragged(null)} />
                      ))}
                    </ul>
                  )}
                  {page.pageInfo.hasNextPage && (
                    <button type="button" class="small secondary more" disabled={loadingMore === status} onClick={() => more(status)}>
                      {loadingMore === status ? 'Chargement…' : `Afficher plus (${page.totalCount - page.nodes.length} de plus)`}
                    </button>
                  )}
                </section>
              );
            })}
          </div>
        </>
      )}
      {mover.dialog}
    </>
  );
}
