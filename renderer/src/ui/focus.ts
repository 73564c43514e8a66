// DOM. Where focus goes after an action — one mechanism for the whole app, so a keyboard or
// screen-reader user never falls back to <body> and starts again from the top.
//
//   focusElement(el)         focus a defined place (a heading, a panel, a row), making it
//                            programmatically focusable if it is not, and scroll it into view.
//   focusWhenPresent(find)   the same once the place exists: after a save, the list re-renders or
//                            the editor unmounts a moment later, so wait for it (bounded).
//   positionOf / focusNear   remember where an element sits before it may disappear (a row being
//                            removed, a dialog's opener), then focus what took its place: the next
//                            row, else the previous one, else the heading of the section around it.
//   useFocusOnToggle(open)   an inline editor: its heading when it opens, its opener when it closes.
//   installFocusRescue(root)     the safety net under all of the above: when the focused element is
//                            removed from the page, focus goes near where it was instead of <body>.

import { useEffect, useRef, type RefObject } from 'react';

const focusableSelector =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function isShown(element: Element): boolean {
  return element instanceof HTMLElement && element.isConnected && element.getClientRects().length > 0;
}

/** Focuses the element (a heading or panel gets tabindex="-1" first) and brings it into view. */
export function focusElement(element: Element | null | undefined): boolean {
  if (!(element instanceof HTMLElement) || !isShown(element)) return false;
  if (!element.matches(focusableSelector) && !element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
  element.focus({ preventScroll: true });
  element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  return document.activeElement === element;
}

/** Focus has nowhere defined to be: <body>, or an element that is gone or disabled. */
export function focusIsLost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || active === document.documentElement || !active.isConnected;
}

/**
 * Focuses what `find` returns as soon as it exists and is shown (checked on every DOM change, for
 * at most `timeoutMs`). With `onlyIfLost`, does nothing if the person has moved focus elsewhere in
 * the meantime. Returns a function that cancels the wait.
 */
export function focusWhenPresent(
  find: () => Element | null | undefined,
  { timeoutMs = 4000, onlyIfLost = false, keep }: { timeoutMs?: number; onlyIfLost?: boolean; keep?: Element | null } = {},
): () => void {
  let done = false;
  const attempt = () => {
    if (done) return;
    // Focus is still where the action left it (e.g. on the button that is about to vanish).
    const stillOurs = !onlyIfLost || focusIsLost() || (keep !== undefined && keep !== null && keep.contains(document.activeElement));
    if (!stillOurs) return stop();
    const target = find();
    if (target && isShown(target) && focusElement(target)) stop();
  };
  const observer = new MutationObserver(attempt);
  const timer = window.setTimeout(() => stop(), timeoutMs);
  function stop() {
    done = true;
    observer.disconnect();
    window.clearTimeout(timer);
  }
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden', 'disabled', 'class'] });
  queueMicrotask(attempt);
  return stop;
}

/** Where an element sits: its ancestors, each with the siblings it had. */
export interface FocusPosition {
  element: Element;
  chain: { node: Element; next: Element | null; previous: Element | null }[];
}

export function positionOf(element: Element): FocusPosition {
  const chain: FocusPosition['chain'] = [];
  for (let node: Element | null = element; node && node !== document.body; node = node.parentElement) {
    chain.push({ node, next: node.nextElementSibling, previous: node.previousElementSibling });
  }
  return { element, chain };
}

/** The first thing in `container` a person can act on, else the container itself. */
function landingIn(container: Element): Element {
  return [...container.querySelectorAll(focusableSelector)].find(isShown) ?? container;
}

/** The heading that introduces `node`: the closest one before it inside its section or card. */
function headingFor(node: Element): Element | null {
  for (let scope: Element | null = node; scope && scope !== document.body; scope = scope.parentElement) {
    const headings = [...scope.querySelectorAll('h1, h2, h3, h4, [role="heading"]')].filter(isShown);
    const before = headings.filter((h) => h === node || h.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING);
    if (before.length > 0) return before[before.length - 1]!;
    if (headings.length > 0) return headings[0]!;
  }
  return document.querySelector('main h1');
}

/**
 * Focuses what is now where the remembered element was: the element itself if it is still there,
 * else the sibling after (or before) the part of the page that was removed, else the heading of
 * the part that remains.
 */
export function focusNear(position: FocusPosition): boolean {
  if (isShown(position.element) && focusElement(position.element)) return true;
  const { chain } = position;
  for (let i = 0; i < chain.length; i += 1) {
    const { node } = chain[i]!;
    if (node.isConnected) {
      // `node` survived but its child on the chain did not: look beside that child.
      const gone = chain[i - 1];
      if (gone) {
        for (const sibling of [gone.next, gone.previous]) {
          if (sibling && sibling.parentElement === node && isShown(sibling) && focusElement(landingIn(sibling))) return true;
        }
      }
      return focusElement(headingFor(node) ?? node);
    }
  }
  return focusElement(document.querySelector('main h1'));
}

/**
 * The safety net: remembers where focus is, and when the focused element is taken out of the page
 * (its row removed, its button replaced), focuses near where it was. Explicit focus calls still
 * win: the net acts only when focus has fallen to <body>.
 */
export function installFocusRescue(root: Element): () => void {
  let last: FocusPosition | null = null;
  const onFocusIn = (event: FocusEvent) => {
    if (event.target instanceof Element && root.contains(event.target)) last = positionOf(event.target);
  };
  const observer = new MutationObserver(() => {
    if (!last || last.element.isConnected || !focusIsLost()) return;
    // A modal dialog hands focus back to its opener itself.
    if (last.element.closest('dialog')) return;
    const position = last;
    last = null;
    focusNear(position);
  });
  document.addEventListener('focusin', onFocusIn);
  observer.observe(root, { childList: true, subtree: true });
  return () => {
    document.removeEventListener('focusin', onFocusIn);
    observer.disconnect();
  };
}

/**
 * For an inline editor that replaces what it edits: when it opens, focus goes to `whenOpen` (its
 * heading); when it closes (saved or cancelled), back to `whenClosed` (the button that opened it).
 * The first render moves nothing.
 */
export function useFocusOnToggle<Open extends HTMLElement = HTMLHeadingElement, Closed extends HTMLElement = HTMLButtonElement>(
  open: boolean,
): { whenOpen: RefObject<Open | null>; whenClosed: RefObject<Closed | null> } {
  const whenOpen = useRef<Open | null>(null);
  const whenClosed = useRef<Closed | null>(null);
  const previous = useRef(open);
  useEffect(() => {
    if (previous.current === open) return undefined;
    previous.current = open;
    return focusWhenPresent(() => (open ? whenOpen.current : whenClosed.current));
  }, [open]);
  return { whenOpen, whenClosed };
}

/**
 * Named places to land (a small registry in the markup): an element marked
 * `data-focus-target="plan-edit"` is where `focusTarget('plan-edit')` sends focus once it is shown.
 * Useful when the place is a different element from the one that started the action (the plan's
 * "Start" button becomes "Edit the draft" after the first save).
 */
export function focusTarget(name: string, options?: { timeoutMs?: number; onlyIfLost?: boolean }): () => void {
  return focusWhenPresent(() => [...document.querySelectorAll(`[data-focus-target="${CSS.escape(name)}"]`)].find(isShown), options);
}
