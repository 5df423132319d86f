import { Page } from '../../domain/model';

/** Maps a service page to the GraphQL connection shape. */
export function toConnection<T>(page: Page<T> & { cursorOf(item: T): string }) {
  const edges = page.items.map((node) => ({ node, cursor: page.cursorOf(node) }));
  return {
    edges,
    nodes: page.items,
    totalCount: page.totalCount,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
  };
}
