// Chunked lists (`limit` + `continue`): the API server answers big collections in pages, and a
// page that fails (RBAC, deadline) must not throw away the pages that arrived before it.

/** Items per request; the API server's own recommendation for chunked lists. */
export const PAGE_SIZE = 500;

/** The page arguments of a client-node list call: the size, and the continue token after the first page. */
export function pageParams(cont: string | undefined, limit: number): { limit: number; _continue?: string } {
  return cont === undefined ? { limit } : { limit, _continue: cont };
}

export interface ListPage<T> {
  items: T[];
  metadata?: { _continue?: string | undefined } | undefined;
}

export interface PaginatedList<T> {
  items: T[];
  /** The server had more than `maxItems` (we stopped reading). */
  more: boolean;
  /** The error that ended the listing early, if any; `items` holds the pages before it. */
  error?: unknown;
}

/**
 * Reads pages until the server says there are no more, or until `maxItems` were read.
 * `fetchPage` gets the continue token (undefined for the first page) and the page size.
 */
export async function paginate<T>(
  fetchPage: (cont: string | undefined, limit: number) => Promise<ListPage<T>>,
  opts: { maxItems?: number; pageSize?: number } = {},
): Promise<PaginatedList<T>> {
  const maxItems = opts.maxItems ?? Number.POSITIVE_INFINITY;
  const pageSize = opts.pageSize ?? PAGE_SIZE;
  const items: T[] = [];
  let cont: string | undefined;
  for (;;) {
    let page: ListPage<T>;
    try {
      page = await fetchPage(cont, Math.min(pageSize, Math.max(1, maxItems - items.length)));
    } catch (error) {
      return { items, more: false, error };
    }
    items.push(...page.items);
    const next = page.metadata?._continue;
    if (next === undefined || next === '') return { items, more: false };
    if (items.length >= maxItems) return { items, more: true };
    cont = next;
  }
}
