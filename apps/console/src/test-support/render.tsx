import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';

// Tell React this environment drives updates through act().
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Render into a fresh container in the (happy-dom) document; `unmount` cleans up. */
export async function render(node: ReactNode): Promise<{ container: HTMLElement; root: Root; unmount: () => Promise<void> }> {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  await act(async () => root.render(node));
  return {
    container,
    root,
    unmount: async () => {
      await act(async () => root.unmount());
      container.remove();
    },
  };
}

/** Let pending promises and the effects they trigger settle. */
export async function settle(times = 5): Promise<void> {
  for (let i = 0; i < times; i++) await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
}
