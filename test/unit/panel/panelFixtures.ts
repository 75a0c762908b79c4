// Entries and a DOM for the panel tests. happy-dom gives a real DOM (parsing, events, selectors) with no
// layout, so a test sets the viewport's height itself.

import { Window } from 'happy-dom';
import type { AncmLevel } from '../../../server/src/protocol/levels';
import type { LogEntryMessage } from '../../../server/src/protocol/logs';

export function entry(level: AncmLevel, text: string, sourceId = 'stdout:a.log', offset = 0): LogEntryMessage {
  return { sourceId, level, levelFrom: 'logger', text, message: text, offset };
}

/** `count` entries cycling through the levels, texts `entry 0`, `entry 1`, ... */
export function entries(count: number, sourceId = 'stdout:a.log', firstNumber = 0): LogEntryMessage[] {
  const levels: AncmLevel[] = ['ERROR', 'WARNING', 'INFO', 'TRACE'];
  return Array.from({ length: count }, (_, index) => entry(levels[(firstNumber + index) % 4], `entry ${firstNumber + index}`, sourceId, (firstNumber + index) * 10));
}

export interface TestDom {
  readonly window: Window;
  readonly document: Document;
  /** A scrolling element of a fixed height, in the document. */
  viewport(height: number): HTMLElement;
}

export function createDom(): TestDom {
  const window = new Window();
  const document = window.document as unknown as Document;
  return {
    window,
    document,
    viewport(height) {
      const element = document.createElement('div');
      Object.defineProperty(element, 'clientHeight', { get: () => height });
      document.body.append(element);
      return element;
    },
  };
}
