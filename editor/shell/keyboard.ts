/** Keyboard rules shared by the shell: which keys mean what, and when keys belong to a form field. */

export type Shortcut = 'save';

export function shortcut(event: KeyboardEvent): Shortcut | undefined {
  if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 's') return 'save';
  return undefined;
}

/** True while the user types into a field (including bpmn-js's label editor), where arrows move the caret. */
export function isTyping(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0];
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
