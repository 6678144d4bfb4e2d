// Building DOM from data with textContent only: nothing a server or a catalogue sends is parsed as HTML.

type Child = Node | string | false | undefined;

/** An element with these attributes and children (strings become text nodes). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) if (child) node.append(child);
  return node;
}

/** The element with this id, typed; absent elements are a page bug, reported as such. */
export function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`gallery: the page has no #${id}`);
  return node as T;
}
