// A context menu inside the webview, for a right click or the context-menu key (Shift+F10) on an entry. Its
// own rather than VS Code's webview/context menu, so it works the same in every VS Code host (code-server
// included) and with the keyboard: arrow keys, Home/End, Enter or Space, Escape, and focus returns to the list.

export interface MenuItem {
  readonly label: string;
  readonly run: () => void;
}

/** A line between groups of items. */
export const SEPARATOR = 'separator';

export class ContextMenu {
  private element: HTMLElement | undefined;
  private returnFocus: HTMLElement | undefined;
  private readonly onOutside = (event: Event) => {
    if (this.element && !this.element.contains(event.target as Node)) this.close(false);
  };

  constructor(private readonly document: Document) {}

  get isOpen(): boolean {
    return this.element !== undefined;
  }

  /** Shows the items at a point of the page (kept inside the window); focus goes to the first item. */
  open(label: string, items: readonly (MenuItem | typeof SEPARATOR)[], at: { readonly x: number; readonly y: number }, returnFocus: HTMLElement): void {
    this.close(false);
    const menu = this.document.createElement('div');
    menu.className = 'context-menu';
    menu.setAttribute('role', 'menu');
    menu.setAttribute('aria-label', label);
    const buttons: HTMLElement[] = [];
    for (const item of items) {
      if (item === SEPARATOR) {
        const line = this.document.createElement('div');
        line.className = 'separator';
        line.setAttribute('role', 'separator');
        menu.append(line);
        continue;
      }
      const button = this.document.createElement('div');
      button.className = 'menu-item';
      button.setAttribute('role', 'menuitem');
      button.tabIndex = -1;
      button.textContent = item.label;
      button.addEventListener('click', () => this.choose(item));
      button.addEventListener('mouseenter', () => button.focus());
      menu.append(button);
      buttons.push(button);
    }
    menu.addEventListener('keydown', (event) => this.onKeyDown(event, buttons, items.filter((item): item is MenuItem => item !== SEPARATOR)));
    this.element = menu;
    this.returnFocus = returnFocus;
    this.document.body.append(menu);
    this.place(menu, at);
    buttons[0]?.focus();
    // Registered after this event has finished, so the click or key that opened the menu does not close it.
    setTimeout(() => {
      if (this.element !== menu) return;
      this.document.addEventListener('mousedown', this.onOutside, true);
      this.document.addEventListener('focusin', this.onOutside, true);
    });
  }

  /** `restoreFocus`: give focus back to the list (Escape, a choice), not when the user clicked elsewhere. */
  close(restoreFocus = true): void {
    if (!this.element) return;
    this.document.removeEventListener('mousedown', this.onOutside, true);
    this.document.removeEventListener('focusin', this.onOutside, true);
    this.element.remove();
    this.element = undefined;
    if (restoreFocus) this.returnFocus?.focus();
    this.returnFocus = undefined;
  }

  private choose(item: MenuItem): void {
    this.close();
    item.run();
  }

  private onKeyDown(event: KeyboardEvent, buttons: readonly HTMLElement[], items: readonly MenuItem[]): void {
    const current = buttons.indexOf(this.document.activeElement as HTMLElement);
    const move = (index: number) => buttons[(index + buttons.length) % buttons.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        move(current + 1);
        break;
      case 'ArrowUp':
        move(current < 0 ? -1 : current - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(-1);
        break;
      case 'Enter':
      case ' ':
        if (current >= 0) this.choose(items[current]);
        break;
      case 'Escape':
        this.close();
        break;
      case 'Tab':
        this.close();
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  }

  /** At the point, moved left or up when it would leave the window. */
  private place(menu: HTMLElement, at: { readonly x: number; readonly y: number }): void {
    const view = this.document.defaultView;
    const width = view?.innerWidth ?? 0;
    const height = view?.innerHeight ?? 0;
    const box = menu.getBoundingClientRect();
    const left = width > 0 ? Math.max(0, Math.min(at.x, width - box.width - 4)) : at.x;
    const top = height > 0 && at.y + box.height > height ? Math.max(0, at.y - box.height) : at.y;
    menu.style.left = `${left}px`;
    menu.style.top = `${top}px`;
  }
}
